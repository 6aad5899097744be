"""Command-line tasks: ``flask setup``, ``flask sample load`` and the feature command groups.

The sample data (``pakpak_sample``) is imported only inside the commands that load it, so
no page and no other command loads its drawing code.
"""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from branding.accounts.commands import users_cli
from branding.api.commands import api_cli
from branding.backup.commands import backup_command, restore_command
from branding.core.jobs.commands import jobs_cli
from branding.core.migrating import upgrade
from branding.core.planner import refresh_statistics
from branding.editorial.commands import mail_cli, publish_cli
from branding.insight.commands import counts_cli
from branding.media.commands import media_cli
from branding.moderation import commands as moderation_commands  # noqa: F401  (mail digest)
from branding.office.translate_commands import translate_cli
from branding.search.commands import search_cli
from branding.search.rebuild import rebuild

sample_cli = AppGroup("sample", help="Load the sample content (marked as sample).")


def _make_renditions_now() -> None:
    """Run the queued jobs here (the sample's photo renditions), so the site is whole at once."""
    done = current_app.extensions["jobs"].run_pending(limit=100_000)
    if done:
        click.echo(f"{done} queued jobs run (photo renditions).")


@click.command("setup")
@click.option("--no-sample", is_flag=True, help="Do not load the sample data.")
def setup_command(no_sample: bool) -> None:
    """Create or upgrade the database, then load sample data into an empty one."""
    from pakpak_sample.loader import has_content, load_sample_data

    upgrade()
    if no_sample:
        click.echo("Database is up to date.")
    elif has_content():
        click.echo("Database is up to date; it has content, so no sample data was loaded.")
    else:
        summary = load_sample_data()
        click.echo(f"Database created with sample data: {summary}.")
    _make_renditions_now()
    refresh_statistics()
    count = rebuild()  # the analyzers may have changed too: start the index afresh
    click.echo(f"Search index built: {count} documents.")


@sample_cli.command("load")
def load_sample_command() -> None:
    """Load the sample content into a database without content."""
    from pakpak_sample.loader import has_content, load_sample_data

    if has_content():
        raise click.ClickException(
            "The database already has areas, destinations, events or businesses; "
            "sample data is only loaded into an empty database."
        )
    summary = load_sample_data()
    _make_renditions_now()
    click.echo(f"Loaded sample data: {summary}.")


def register(app: Flask) -> None:
    """Attach the command groups to the application's CLI."""
    groups = (users_cli, sample_cli, translate_cli, search_cli, media_cli, publish_cli, mail_cli,
              counts_cli, backup_command, restore_command, jobs_cli, api_cli)  # fmt: skip
    for command in (setup_command, *groups):
        app.cli.add_command(command)
