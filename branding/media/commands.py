"""``flask media``: find and remove files no photo refers to."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from branding.media.cleanup import GRACE_SECONDS, orphans, remove_orphans

media_cli = AppGroup("media", help="Photo files.")


@media_cli.command("orphans")
@click.option("--delete", is_flag=True, help="Remove them (without it, only list them).")
@click.option(
    "--min-age", default=GRACE_SECONDS, show_default=True, help="Ignore files younger than this."
)
def orphans_command(delete: bool, min_age: int) -> None:
    """List (or remove) stored files that no photo refers to."""
    found = sorted(orphans(min_age))
    for name in found:
        click.echo(name)
    if delete:
        remove_orphans(found)
        click.echo(f"Removed {len(found)} orphan file(s).")
    else:
        click.echo(f"{len(found)} orphan file(s); run with --delete to remove them.")
