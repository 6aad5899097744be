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
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import inspect, text

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


# --- backup ----------------------------------------------------------------------------


def _count_sqlite(path: Path, tables: list[str]) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return {
            t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in tables
            if t in present
        }
    finally:
        connection.close()


def _photo_names_sqlite(path: Path) -> list[str]:
    from branding.media.models import rendition_names

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT storage_key, widths FROM photos").fetchall()
    finally:
        connection.close()
    return [n for key, widths in rows for n in rendition_names(key, json.loads(widths or "[]"))]


def _backup_sqlite(folder: Path) -> tuple[dict[str, int], list[str]]:
    source_path = _sqlite_path()
    target = folder / "database.sqlite3"
    source = sqlite3.connect(source_path, timeout=30)
    destination = sqlite3.connect(target)
    try:
        source.execute("PRAGMA busy_timeout=30000")
        source.backup(destination)  # one step: a consistent snapshot, WAL included
    finally:
        destination.close()
        source.close()
    return _count_sqlite(target, _tables()), _photo_names_sqlite(target)


def _backup_postgresql(folder: Path) -> tuple[dict[str, int], list[str]]:
    from branding.media.models import rendition_names

    pg_dump = _tool("pg_dump")
    target = folder / "database.sql"
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            connection.execute(text("SET TRANSACTION READ ONLY"))
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            present = set(inspect(connection).get_table_names())
            counts = {
                t: connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
                for t in _tables()
                if t in present
            }
            rows = connection.execute(text("SELECT storage_key, widths FROM photos")).all()
            names = [n for key, widths in rows for n in rendition_names(key, _widths(widths))]
            command = [pg_dump, "--format=plain", "--clean", "--if-exists", "--no-owner",
                       "--no-privileges", f"--snapshot={snapshot}", f"--file={target}",
                       f"--dbname={_libpq_url()}"]  # fmt: skip
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return counts, names


def _widths(value) -> list[int]:
    return json.loads(value) if isinstance(value, str) else list(value or [])


def _copy_media(folder: Path) -> None:
    root = _media_root()
    photos = root / "photos"
    for path in sorted(photos.rglob("*")) if photos.is_dir() else ():
        if path.is_file() and not path.name.startswith(".upload-"):
            relative = path.relative_to(root)
            copy = folder / "media" / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copy2(path, copy)
            except FileNotFoundError:  # deleted while we copied: the manifest tells
                continue


def _revision() -> str | None:
    try:
        return db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # noqa: BLE001 - a database never migrated has no revision
        db.session.rollback()
        return None


def make_backup(destination: Path) -> Path:
    """Back up the database and the photo files into a new folder under ``destination``."""
    started = datetime.now(UTC)
    folder = destination / f"pakpak-{started:%Y%m%d-%H%M%S-%f}"
    work = destination / f".{folder.name}.partial"
    work.mkdir(parents=True)
    try:
        dialect = _dialect()
        if dialect == "sqlite":
            counts, photo_files = _backup_sqlite(work)
        elif dialect == "postgresql":
            counts, photo_files = _backup_postgresql(work)
        else:
            raise BackupError(f"Backups of {dialect} databases are not supported.")
        _copy_media(work)
        files = {
            p.relative_to(work).as_posix(): {"size": p.stat().st_size, "sha256": _sha256(p)}
            for p in sorted(work.rglob("*"))
            if p.is_file()
        }
        missing = sorted(n for n in photo_files if f"media/{n}" not in files)
        manifest = {
            "format": FORMAT,
            "created_at": started.isoformat(),
            "dialect": dialect,
            "revision": _revision(),
            "database": "database.sqlite3" if dialect == "sqlite" else "database.sql",
            "tables": counts,
            "files": files,
            "missing_media": missing,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        os.replace(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return folder


# --- restore ---------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict:
    """Read a backup's manifest, or explain why it is not a backup."""
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST}.")
    try:
        manifest = json.loads(path.read_text())
    except ValueError as error:
        raise BackupError(f"{path} cannot be read: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is of an unknown format: {manifest.get('format')!r}.")
    return manifest


def _count_sql_dump(path: Path) -> dict[str, int]:
    """Count the rows of each table's COPY block in a plain pg_dump file."""
    counts: dict[str, int] = {}
    table, rows = None, 0
    with path.open(encoding="utf-8") as dump:
        for line in dump:
            if table is None:
                if line.startswith("COPY "):
                    table, rows = line.split()[1].split(".")[-1].strip('"'), 0
            elif line == "\\.\n":
                counts[table], table = rows, None
            else:
                rows += 1
    return counts


def verify(folder: Path) -> dict:
    """Check every file's size and checksum, and the row counts; return the manifest."""
    manifest = read_manifest(folder)
    problems = []
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif path.stat().st_size != expected["size"] or _sha256(path) != expected["sha256"]:
            problems.append(f"{name} does not match its checksum")
    if not problems:
        database = folder / manifest["database"]
        if manifest["dialect"] == "sqlite":
            found = _count_sqlite(database, list(manifest["tables"]))
        else:
            found = _count_sql_dump(database)
        for table, count in manifest["tables"].items():
            if found.get(table, 0) != count:
                problems.append(f"table {table}: {found.get(table, 0)} rows, {count} expected")
    if problems:
        raise BackupError("The backup is damaged; nothing was changed:\n  " + "\n  ".join(problems))
    return manifest


def _has_content() -> bool:
    present = set(inspect(db.engine).get_table_names())
    for table in CONTENT_TABLES:
        if (
            table in present
            and db.session.execute(text(f'SELECT 1 FROM "{table}" LIMIT 1')).first()
        ):
            return True
    return False


def _restore_media(folder: Path, manifest: dict) -> int:
    root = _media_root()
    restored = 0
    for name, expected in manifest["files"].items():
        if not name.startswith("media/"):
            continue
        target = root / name.removeprefix("media/")
        if target.is_file() and _sha256(target) == expected["sha256"]:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        os.close(fd)
        shutil.copyfile(folder / name, temporary)
        os.replace(temporary, target)
        restored += 1
    return restored


def _restore_sqlite(folder: Path, manifest: dict) -> None:
    db.session.remove()
    db.engine.dispose()
    source = sqlite3.connect(f"file:{folder / manifest['database']}?mode=ro", uri=True)
    target = sqlite3.connect(_sqlite_path(), timeout=30)
    try:
        source.backup(target)  # replaces every page of the target in one step
    finally:
        target.close()
        source.close()


def _restore_postgresql(folder: Path, manifest: dict) -> None:
    psql = _tool("psql")
    db.session.remove()
    db.engine.dispose()
    command = [psql, "--quiet", "--no-psqlrc", "--single-transaction", "-v", "ON_ERROR_STOP=1",
               f"--file={folder / manifest['database']}", f"--dbname={_libpq_url()}"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"psql refused the dump; nothing was changed: {result.stderr.strip()}")


def restore_backup(folder: Path, force: bool = False) -> dict:
    """Verify a backup, then put its photos and database in place; return the manifest."""
    manifest = verify(folder)
    if manifest["dialect"] != _dialect():
        raise BackupError(
            f"This is a {manifest['dialect']} backup; the configured database is {_dialect()}."
        )
    if not force and _has_content():
        raise BackupError(
            "The database has content already. Restore into an empty database, or pass "
            "--force to replace it."
        )
    _restore_media(folder, manifest)
    if manifest["dialect"] == "sqlite":
        _restore_sqlite(folder, manifest)
    else:
        _restore_postgresql(folder, manifest)
    present = set(inspect(db.engine).get_table_names())
    for table, count in manifest["tables"].items():
        found = db.session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
        if table in present and found != count:
            raise BackupError(f"After the restore, {table} has {found} rows, not {count}.")
    db.session.commit()
    return manifest


# --- commands --------------------------------------------------------------------------


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
        from alembic.script import ScriptDirectory

        config = current_app.extensions["migrate"].migrate.get_config()
        return ScriptDirectory.from_config(config).get_current_head()
    except Exception:  # noqa: BLE001
        return None
