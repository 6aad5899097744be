"""``flask mail digest``: tell the tourism office what waits for review."""

from __future__ import annotations

import click

from branding.editorial.commands import mail_cli
from branding.moderation.notifications import send_digest


@mail_cli.command("digest")
def mail_digest_command() -> None:
    """Queue a digest of the waiting submissions for every editor (none if nothing waits)."""
    click.echo(f"Digests queued: {send_digest()}.")
