"""Command-line tasks: ``flask setup`` and the feature command groups."""

from __future__ import annotations

import click
from flask import Flask
from flask_migrate import upgrade

from branding.accounts.commands import users_cli
from branding.media.commands import media_cli
from branding.sample_data.commands import sample_cli
from branding.sample_data.loader import has_content, load_sample_data
from branding.search.commands import search_cli
from branding.search.rebuild import rebuild
from branding.translate_commands import translate_cli


@click.command("setup")
@click.option("--no-sample", is_flag=True, help="Do not load the sample data.")
def setup_command(no_sample: bool) -> None:
    """Create or upgrade the database, then load sample data into an empty one."""
    upgrade()
    if no_sample:
        click.echo("Database is up to date.")
    elif has_content():
        click.echo("Database is up to date; it has content, so no sample data was loaded.")
    else:
        summary = load_sample_data()
        click.echo(f"Database created with sample data: {summary}.")
    count = rebuild()  # the analyzers may have changed too: start the index afresh
    click.echo(f"Search index built: {count} documents.")


def register(app: Flask) -> None:
    """Attach the command groups to the application's CLI."""
    app.cli.add_command(setup_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(sample_cli)
    app.cli.add_command(translate_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(media_cli)
