"""``flask api compact``: compact the open-data change log now (the worker does it daily)."""

from __future__ import annotations

from datetime import UTC, datetime

import click
from flask.cli import AppGroup

from branding.api.retention import compact
from branding.core.content.publishing import utcnow
from branding.extensions import db

api_cli = AppGroup("api", help="The open-data API.")


@api_cli.command("compact")
@click.option("--now", "now", default=None, help="Act as if it were this ISO time (UTC).")
def compact_command(now: str | None) -> None:
    """Remove the change log's rows past the retention that no client needs."""
    moment = datetime.fromisoformat(now) if now else utcnow()
    removed = compact(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    db.session.commit()
    click.echo(f"Change log compacted: {removed} rows removed.")
