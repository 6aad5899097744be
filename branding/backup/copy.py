"""Making a backup: the database in one consistent step, then the photo files, then the manifest."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import inspect, text

from branding.backup import (
    FORMAT,
    MANIFEST,
    BackupError,
    _dialect,
    _libpq_url,
    _sha256,
    _sqlite_path,
    _tables,
    _tool,
)
from branding.extensions import db


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
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
            present = set(inspect(connection).get_table_names())
            counts = {
                t: connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
                for t in _tables()
                if t in present
            }
            rows = connection.execute(text("SELECT storage_key, widths FROM photos")).all()
            names = [n for key, widths in rows for n in rendition_names(key, _widths(widths))]
            command = [pg_dump, "--format=plain", "--clean", "--if-exists", "--no-owner",
                       "--no-privileges", f"--snapshot={snapshot}", f"--schema={schema}",
                       f"--file={target}",
                       f"--dbname={_libpq_url()}"]  # fmt: skip
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return counts, names


def _widths(value) -> list[int]:
    return json.loads(value) if isinstance(value, str) else list(value or [])


def _copy_media(folder: Path) -> None:
    """Copy every photo file from the storage (the local folder or the object store)."""
    from branding.media.storage import storage, valid_name

    store = storage()
    for name in sorted(name for name, _age in store.names() if valid_name(name)):
        try:
            data = store.read(name)
        except FileNotFoundError:  # deleted while we copied: the manifest tells
            continue
        copy = folder / "media" / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(data)


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
