"""``flask backup`` and ``flask restore``: a consistent copy of a database in use, and the photos.

A backup is a folder ``pakpak-<UTC time>/`` holding

- ``database.sqlite3`` — SQLite's online backup API copies the live database page by page
  in one step, WAL included, while other connections go on writing; or ``database.sql`` —
  ``pg_dump`` of PostgreSQL, run on a snapshot exported from a ``REPEATABLE READ``
  transaction in which the rows were also counted, so the counts describe exactly the dump;
- ``media/`` — every photo file, copied after the database, so every photo the copy names is
  there unless it was deleted meanwhile (then ``missing_media`` in the manifest says so);
- ``manifest.json`` — the schema revision, the number of rows of every table and the size and
  SHA-256 of every file.

``restore`` checks everything before it replaces anything: every file against its checksum,
and the row counts of the copy against the manifest (counted in the SQLite file, or in the
COPY blocks of the SQL dump). Then it adds the photo files, replaces the database in one
transaction and rebuilds the search index. It refuses a database that has content unless
told ``--force``.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import click
from flask import current_app

from branding.extensions import db

FORMAT = 1
MANIFEST = "manifest.json"
CONTENT_TABLES = ("users", "areas", "destinations", "events", "businesses", "products", "photos")


class BackupError(click.ClickException):
    """A backup or restore that cannot be done; the message says what to do."""


# --- shared ----------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tables() -> list[str]:
    """The tables to count: the models' tables and Alembic's, in dependency order."""
    return [t.name for t in db.metadata.sorted_tables] + ["alembic_version"]


def _dialect() -> str:
    return db.engine.dialect.name


def _libpq_url() -> str:
    """The database URL as PostgreSQL's tools read it (no ``+psycopg``)."""
    return db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed, and a PostgreSQL backup or restore needs it. Install "
            "PostgreSQL's client tools of the server's version (Debian: apt-get install "
            "postgresql-client), then run this again."
        )
    return path


def _sqlite_path() -> Path:
    database = db.engine.url.database
    if not database or database == ":memory:":
        raise BackupError("This SQLite database lives in memory: there is no file to back up.")
    return Path(database)


def _media_root() -> Path:
    return Path(current_app.config["MEDIA_ROOT"])


from branding.backup.copy import make_backup, read_manifest  # noqa: E402
from branding.backup.restore import restore_backup, verify  # noqa: E402

__all__ = ["BackupError", "make_backup", "read_manifest", "restore_backup", "verify"]
