"""The job queue: uploads answer before their renditions exist, jobs survive a killed worker,
mail and failures go through it, and the office sees what failed for good."""

from __future__ import annotations

import io
import os
import signal
import struct
import subprocess
import sys
import time
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from branding.accounts.models import Role
from branding.core import jobs
from branding.core.jobs.models import JobFailure
from branding.core.mail import OutgoingMail
from branding.extensions import db
from branding.media.models import FAILED, PROCESSING, READY, Photo, original_name
from branding.media.storage import storage
from tests.accounts_helpers import login
from tests.media.photo_files import photo_bytes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def queued(make_app, tmp_path):
    """An app whose jobs wait in a SQLite queue file until something runs them."""
    return make_app(
        JOBS_BACKEND="sqlite",
        JOBS_SQLITE_PATH=str(tmp_path / "jobs.sqlite3"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )


def _upload(client, url: str, content: bytes, name: str = "lake.jpg"):
    data = {"photos": [(io.BytesIO(content), name)], "alt_en": "The lake"}
    return client.post(url, data=data, content_type="multipart/form-data")


def _photo(app) -> Photo:
    with app.app_context():
        photo = db.session.scalars(db.select(Photo)).one()
        db.session.expunge(photo)
        return photo


def test_an_upload_answers_before_its_renditions_and_the_photo_appears_once_the_job_ran(
    queued, make
):
    destination = make.destination()
    office = queued.test_client()
    login(office, make.user(role=Role.EDITOR))
    photos_page = f"/en/office/destinations/{destination.id}/photos"
    response = _upload(office, photos_page, photo_bytes((3000, 2000)))
    assert response.status_code == 302
    photo = _photo(queued)
    assert photo.state == PROCESSING and photo.widths == []
    assert (photo.width, photo.height) == (1600, 1067)  # what the renditions will be
    with queued.app_context():
        stored = {name for name, _ in storage().names()}
        assert stored == {original_name(photo.storage_key)}  # nothing decoded in the request
        assert queued.extensions["jobs"].pending() == 1
    assert "Processing the photo" in office.get(photos_page).text
    visitor = queued.test_client()
    assert "/media/" not in visitor.get(f"/en/destinations/{destination.slug}").text
    with queued.app_context():
        assert queued.extensions["jobs"].run_pending() == 1
    photo = _photo(queued)
    assert photo.state == READY and photo.widths == [320, 640, 1024, 1600]
    with queued.app_context():
        stored = {name for name, _ in storage().names()}
    assert stored == set(photo.file_names())  # the original is gone once the renditions exist
    page = visitor.get(f"/en/destinations/{destination.slug}").text
    assert photo.url(640, "webp") in page and 'alt="The lake"' in page


def _png_with_damaged_pixels() -> bytes:
    """A PNG whose chunks are whole (its CRCs match) but whose picture data is not zlib."""
    header = struct.pack(">IIBBBBB", 400, 300, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    noise = bytes((i * 37) % 251 for i in range(4000))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", noise) + chunk(b"IEND", b"")
    )


def test_a_picture_the_job_cannot_decode_is_marked_with_a_reason_its_owner_reads(queued, make):
    owner = make.user(role=Role.OWNER)
    business = make.business(owner=owner)
    client = queued.test_client()
    login(client, owner)
    gallery = f"/en/my/businesses/{business.id}/photos"
    assert _upload(client, gallery, _png_with_damaged_pixels(), "broken.png").status_code == 302
    with queued.app_context():
        queued.extensions["jobs"].run_pending()
        assert not list(storage().names())  # the unusable original is not kept
    photo = _photo(queued)
    assert photo.state == FAILED and "damaged" in photo.failure
    page = client.get(gallery).text
    assert "This photo could not be used:" in page and "picture data cannot be read" in page
    id_page = client.get(gallery.replace("/en/", "/id/")).text
    assert "rusak" in id_page.lower()  # the reason in the owner's language


def _worker(app, tmp_path: Path, **extra: str) -> subprocess.Popen:
    config = app.config
    env = {
        **os.environ,
        "DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"],
        "MEDIA_ROOT": config["MEDIA_ROOT"],
        "SEARCH_INDEX_DIR": str(tmp_path / "worker-index"),
        "SECRET_KEY": "test-secret",
        "JOBS_BACKEND": "sqlite",
        "JOBS_SQLITE_PATH": config["JOBS_SQLITE_PATH"],
        **extra,
    }
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker", "--workers", "1"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _state(app) -> str:
    with app.app_context():
        return db.session.scalars(db.select(Photo.state)).one()


def _big_png() -> bytes:
    """A 20-megapixel PNG (decoded whole: the job takes a second or two)."""
    return photo_bytes((5000, 4000), "PNG")


def test_a_job_survives_its_worker_being_killed(queued, make, tmp_path):
    destination = make.destination()
    office = queued.test_client()
    login(office, make.user(role=Role.EDITOR))
    url = f"/en/office/destinations/{destination.id}/photos"
    assert _upload(office, url, _big_png(), "big.png").status_code == 302
    media = Path(queued.config["MEDIA_ROOT"])
    first = _worker(queued, tmp_path)
    try:  # killed once its first rendition is written: in the middle of the job
        assert _wait(lambda: any(media.rglob("*.webp")), 60), "the worker never began the job"
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    assert _state(queued) == PROCESSING  # the kill lost the attempt, not the photo
    with queued.app_context():
        assert original_name(_photo(queued).storage_key) in {n for n, _ in storage().names()}
    second = _worker(queued, tmp_path, JOBS_STUCK_SECONDS="0")  # its start-up sweep finds it
    try:
        assert _wait(lambda: _state(queued) == READY, 90), "the photo was never processed"
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(20)
    photo = _photo(queued)
    with queued.app_context():
        assert {n for n, _ in storage().names()} == set(photo.file_names())


def test_mail_a_request_queues_is_sent_by_the_worker_not_the_request(queued, make):
    make.user(email="lupa@example.com")
    client = queued.test_client()
    client.post("/en/account/reset", data={"email": "lupa@example.com"})
    with queued.app_context():
        row = db.session.scalars(db.select(OutgoingMail)).one()
        assert row.sent_at is None  # the request only queued it
        queued.extensions["jobs"].run_pending()
        db.session.refresh(row)
        assert row.sent_at is not None
    mails = list((Path(queued.instance_path) / "mail").glob("*.eml"))
    assert any(b"lupa@example.com" in path.read_bytes() for path in mails)


@jobs.job("tests.always fails", retries=2, delay=0, backoff=1)
def _always_fails(what: str) -> None:
    raise RuntimeError(f"the {what} is unreachable")


def test_a_job_that_keeps_failing_is_retried_then_shown_to_the_office(queued, make):
    with queued.app_context():
        jobs.enqueue("tests.always fails", "ministry portal")
        runner = queued.extensions["jobs"]
        assert runner.run_pending() == 3  # the first attempt and two retries
        failure = db.session.scalars(db.select(JobFailure)).one()
        assert failure.name == "tests.always fails" and failure.attempts == 3
        assert "the ministry portal is unreachable" in failure.error
    office = queued.test_client()
    login(office, make.user(role=Role.EDITOR))
    dashboard = office.get("/en/office/").text
    assert "tests.always fails" in dashboard and "the ministry portal is unreachable" in dashboard


def test_the_worker_runs_publishing_mail_sweeps_and_clean_up_on_a_schedule(queued):
    def due_at(hour: int, minute: int) -> set[str]:
        moment = datetime(2026, 12, 1, hour, minute)
        return {task.name for task in runner.huey.read_periodic(moment)}

    with queued.app_context():
        runner = queued.extensions["jobs"]
        runner.consumer(1)  # binds the schedules
        every_minute = {"scheduled publishing and tasks", "mail sent"}
        assert due_at(10, 1) == every_minute
        assert due_at(10, 2) == every_minute | {"photos still processing"}
        assert due_at(10, 7) == every_minute | {"search outbox pruned"}
        assert "orphan photo files removed" in due_at(3, 17)
        assert "orphan photo files removed" not in due_at(4, 17)
