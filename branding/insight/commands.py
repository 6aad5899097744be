"""``flask counts flush``: write the buffered visit counts to the database."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from branding.insight.flush import flush

counts_cli = AppGroup("counts", help="Visit counts: write the buffered counts to the database.")


@counts_cli.command("flush")
def flush_command() -> None:
    """Write the counts waiting in the buffer (Redis, or this process) to the database."""
    added = flush()
    click.echo(f"Wrote {added} counts.")
