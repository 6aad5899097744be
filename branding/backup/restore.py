"""Restoring a backup: verify every file and count, then photos, then the database at once."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError

from branding.backup import (
    CONTENT_TABLES,
    BackupError,
    _dialect,
    _libpq_url,
    _sha256,
    _sqlite_path,
    _tool,
)
from branding.backup.copy import _count_sqlite, read_manifest
from branding.core.pagecache import version
from branding.extensions import db


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
    """Put back every photo file the storage lacks or holds differently; return how many."""
    from branding.media.storage import storage, valid_name

    store = storage()
    restored = 0
    for name, expected in manifest["files"].items():
        target = name.removeprefix("media/")
        if not name.startswith("media/") or not valid_name(target):
            continue
        try:
            if hashlib.sha256(store.read(target)).hexdigest() == expected["sha256"]:
                continue
        except FileNotFoundError:
            pass
        store.save(target, (folder / name).read_bytes())  # whole or not at all
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
    seen = _content_version()
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
    version.raise_past(seen)  # pages cached before the restore are never served after it
    db.session.commit()
    return manifest


def _content_version() -> int:
    """Return the content version before the restore (0 when the database has no tables)."""
    try:
        return version.current()
    except SQLAlchemyError:
        db.session.rollback()
        return 0
