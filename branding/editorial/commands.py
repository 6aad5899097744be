"""``flask publish due`` and ``flask mail send|digest``: the due work, for cron or a job runner."""

from __future__ import annotations

from datetime import UTC, datetime

import click
from flask.cli import AppGroup

from branding.core.mail import purge_sent, send_due
from branding.editorial.scheduling import run_due

publish_cli = AppGroup("publish", help="Scheduled publishing.")
mail_cli = AppGroup("mail", help="The mail outbox.")


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@publish_cli.command("due")
@click.option("--now", "now", default=None, help="Act as if it were this ISO time (UTC).")
def publish_due_command(now: str | None) -> None:
    """Publish and unpublish what is due, and run the other due tasks, once."""
    click.echo(f"Due work done: {run_due(_moment(now))}.")


@mail_cli.command("send")
@click.option("--now", "now", default=None, help="Act as if it were this ISO time (UTC).")
def mail_send_command(now: str | None) -> None:
    """Send the mail that is due; failures are retried later with a growing wait."""
    delivery = send_due(_moment(now))
    purged = purge_sent(_moment(now))
    click.echo(f"Mail sent: {delivery.sent}, failed: {delivery.failed}, forgotten: {purged}.")
