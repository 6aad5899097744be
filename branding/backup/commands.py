"""``flask backup`` and ``flask restore``."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from branding.backup.copy import make_backup, read_manifest
from branding.backup.restore import restore_backup, verify
from branding.core import migrating


@click.command("backup")
@click.option(
    "--to",
    "destination",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to put the backup in (default: instance/backups).",
)
@with_appcontext
def backup_command(destination: Path | None) -> None:
    """Back up the database (while in use) and the photo files, with a verified manifest."""
    destination = destination or Path(current_app.instance_path) / "backups"
    folder = make_backup(destination)
    manifest = read_manifest(folder)
    rows = sum(manifest["tables"].values())
    photos = sum(1 for name in manifest["files"] if name.startswith("media/"))
    click.echo(f"Backed up {rows} rows and {photos} photo files to {folder}")
    if manifest["missing_media"]:
        click.echo(f"{len(manifest['missing_media'])} photo files were deleted while copying.")


@click.command("restore")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that has content.")
@click.option("--check", is_flag=True, help="Only verify the backup; change nothing.")
@with_appcontext
def restore_command(folder: Path, force: bool, check: bool) -> None:
    """Verify a backup, then restore its database and photo files."""
    if check:
        manifest = verify(folder)
        click.echo(f"The backup of {manifest['created_at']} is complete and intact.")
        return
    manifest = restore_backup(folder, force)
    click.echo(f"Restored the backup of {manifest['created_at']}.")
    from branding.search.rebuild import rebuild

    try:
        click.echo(f"Search index rebuilt: {rebuild()} documents.")
    except Exception as error:  # noqa: BLE001 - the data is back; the index can follow
        click.echo(f"The search index could not be rebuilt ({error}): run flask search rebuild")
    head = _head_revision()
    if manifest.get("revision") and head and manifest["revision"] != head:
        click.echo("The backup is of an older schema: run flask --app wsgi db upgrade.")


def _head_revision() -> str | None:
    try:
        return migrating.head_revision()
    except Exception:  # noqa: BLE001
        return None
