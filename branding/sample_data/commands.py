"""``flask sample …``: load the sample content of Pakpak Bharat."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from branding.sample_data.loader import has_content, load_sample_data

sample_cli = AppGroup("sample", help="Load the sample content (marked as sample).")


@sample_cli.command("load")
def load_command() -> None:
    """Load the sample content into a database without content."""
    if has_content():
        raise click.ClickException(
            "The database already has areas, destinations, events or businesses; "
            "sample data is only loaded into an empty database."
        )
    summary = load_sample_data()
    click.echo(f"Loaded sample data: {summary}.")
