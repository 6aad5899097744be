"""The backup drill: back up while rows are being written, restore into an empty instance,
and find every row that was acknowledged before the backup began (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import json
import shutil
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from branding import backup
from branding.accounts.models import RateEvent, Role
from branding.core.pagecache import version
from branding.extensions import db
from branding.media.models import Photo
from branding.media.services import Upload, add_photos
from tests.media.photo_files import photo_bytes


class Writer(threading.Thread):
    """Commit one row after another in its own app context; remember each acknowledged one."""

    def __init__(self, app) -> None:
        super().__init__(daemon=True)
        self.app, self.stop = app, threading.Event()
        self.acknowledged: list[tuple[int, float]] = []  # (row number, when its commit returned)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with self.app.app_context():
                n = 0
                while not self.stop.is_set() and n < 5000:
                    n += 1
                    db.session.add(
                        RateEvent(bucket="drill", key=str(n), created_at=datetime.now(UTC))
                    )
                    db.session.commit()
                    self.acknowledged.append((n, time.monotonic()))
                db.session.remove()
        except BaseException as error:  # noqa: BLE001 - reported by the test
            self.error = error


def _empty_target(app_config: dict, tmp_path: Path):
    """Settings of an empty instance: a new SQLite file, or a new PostgreSQL database."""
    url = make_url(app_config["SQLALCHEMY_DATABASE_URI"])
    media = tmp_path / "restored-media"
    if url.get_backend_name() == "sqlite":
        return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
                "MEDIA_ROOT": str(media)}, None  # fmt: skip
    name = f"{url.database}_restore"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    target = url.set(database=name).render_as_string(hide_password=False)
    return {"SQLALCHEMY_DATABASE_URI": target, "MEDIA_ROOT": str(media)}, drop


def test_a_backup_under_writes_restores_every_acknowledged_row(app, make, make_app, tmp_path):
    destination = make.destination()
    uploads = [Upload("a.jpg", io.BytesIO(photo_bytes((700, 500))))]
    (photo,) = add_photos(make.user(Role.EDITOR), destination, uploads)
    writer = Writer(app)
    writer.start()
    while len(writer.acknowledged) < 50 and writer.is_alive():
        time.sleep(0.01)
    began = time.monotonic()
    folder = backup.make_backup(tmp_path / "backups")
    time.sleep(0.2)  # writes go on after the backup too
    writer.stop.set()
    writer.join(30)
    assert writer.error is None, writer.error
    before = [n for n, acked in writer.acknowledged if acked < began]
    assert len(before) >= 50 and len(writer.acknowledged) > len(before)

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["tables"]["photos"] == 1 and manifest["missing_media"] == []
    assert all(f"media/{name}" in manifest["files"] for name in photo.file_names())

    settings, drop = _empty_target(app.config, tmp_path)
    try:
        target = make_app(**settings)
        runner = target.test_cli_runner()
        with target.app_context():  # the commands run in the app whose context is current
            result = runner.invoke(args=["restore", str(folder)])
        assert result.exit_code == 0, result.output
        with target.app_context():
            query = select(RateEvent.key).where(RateEvent.bucket == "drill")
            restored = set(db.session.scalars(query))
            assert {str(n) for n in before} <= restored  # every row acknowledged before it
            assert len(restored) == manifest["tables"]["rate_events"]
            assert db.session.scalar(select(Photo.storage_key)) == photo.storage_key
        for name in photo.file_names():
            assert (Path(settings["MEDIA_ROOT"]) / name).read_bytes() == (
                Path(app.config["MEDIA_ROOT"]) / name
            ).read_bytes()
        client = target.test_client()
        assert client.get(f"/en/destinations/{destination.slug}").status_code == 200
        with client.get(photo.url(640, "jpg")) as served:
            assert served.status_code == 200
        with target.app_context():
            again = runner.invoke(args=["restore", str(folder)])
        assert again.exit_code != 0 and "has content already" in again.output
    finally:
        if drop:
            with target.app_context():
                db.engine.dispose()
            drop()


def test_restore_refuses_a_damaged_backup_before_changing_anything(app, make, tmp_path, runner):
    make.destination()
    folder = backup.make_backup(tmp_path / "backups")
    database = folder / json.loads((folder / "manifest.json").read_text())["database"]
    copy = tmp_path / "pristine"
    shutil.copytree(folder, copy)
    with database.open("r+b") as stream:  # one flipped byte in the middle
        stream.seek(database.stat().st_size // 2)
        byte = stream.read(1)
        stream.seek(-1, 1)
        stream.write(bytes([byte[0] ^ 0xFF]))
    result = runner.invoke(args=["restore", str(folder), "--force"])
    assert result.exit_code != 0
    assert "does not match its checksum" in result.output and "nothing was changed" in result.output
    assert runner.invoke(args=["restore", str(copy), "--check"]).exit_code == 0


def test_restore_checks_the_counts_against_the_manifest(app, make, tmp_path):
    make.destination()
    folder = backup.make_backup(tmp_path / "backups")
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["tables"]["destinations"] += 1  # a manifest that promises a row the copy lacks
    path.write_text(json.dumps(manifest))
    with pytest.raises(backup.BackupError, match="destinations: 1 rows, 2 expected"):
        backup.verify(folder)


def test_the_backup_command_says_what_it_saved(app, make, runner, tmp_path):
    make.destination()
    result = runner.invoke(args=["backup", "--to", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "Backed up" in result.output and "photo files" in result.output


def test_a_missing_pg_dump_is_a_clear_message(app, monkeypatch, tmp_path):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(backup.BackupError, match="pg_dump is not installed"):
        backup._tool("pg_dump")


def test_a_backup_of_media_in_an_object_store_restores_into_another_bucket(
    make_app, make, tmp_path, s3_server
):
    from tests.media.s3_server import s3_settings

    source = make_app(**s3_settings(s3_server, s3_server.new_bucket()))
    with source.app_context():
        destination = make.destination()
        uploads = [Upload("lake.jpg", io.BytesIO(photo_bytes((900, 600))))]
        (photo,) = add_photos(make.user(Role.EDITOR), destination, uploads)
        names, slug, address = photo.file_names(), destination.slug, photo.url(640, "webp")
        folder = backup.make_backup(tmp_path / "backups")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["missing_media"] == []
    assert all(f"media/{name}" in manifest["files"] for name in names)  # read from the store

    settings, drop = _empty_target(source.config, tmp_path)
    bucket = s3_server.new_bucket()  # an empty bucket, as on a new machine
    settings.update(s3_settings(s3_server, bucket))
    try:
        target = make_app(**settings)
        with target.app_context():
            result = target.test_cli_runner().invoke(args=["restore", str(folder)])
        assert result.exit_code == 0, result.output
        listed = s3_server.client().list_objects_v2(Bucket=bucket).get("Contents", [])
        assert set(names) <= {entry["Key"] for entry in listed}  # written back into the store
        client = target.test_client()
        assert address in client.get(f"/en/destinations/{slug}").text
        with client.get(address) as served:  # streamed from the new bucket
            assert served.status_code == 200 and served.mimetype == "image/webp"
            assert served.data[:4] == b"RIFF"
    finally:
        if drop:
            with target.app_context():
                db.engine.dispose()
            drop()


def test_a_restore_raises_the_content_version_past_what_servers_have_kept(app, make, tmp_path):
    make.destination()
    folder = backup.make_backup(tmp_path / "backups")
    at_backup = version.current()
    for _ in range(3):
        make.destination()  # pages cached from here on are keyed by later versions
    live = version.current()
    assert live > at_backup
    backup.restore_backup(folder, force=True)
    assert version.current() > live  # no version a server kept pages under comes again
