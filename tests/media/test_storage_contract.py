"""The storage contract: what every photo storage backend must do, run against each one.

A new backend joins by adding a ``Backend`` to ``BACKENDS``: how to make it empty, and how to
leave a stray behind as a crashed write of that backend would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.exceptions import NotFound

from branding.media.s3 import S3Storage
from branding.media.storage import LocalStorage, Storage
from tests.media.s3_server import S3Server

NAME = "photos/ab/" + "ab" * 12 + "-640.webp"
OTHER = "photos/cd/" + "cd" * 12 + "-320.jpg"
BAD_NAMES = ["../secret", "photos/ab/x.webp", "/etc/passwd", "photos/ab/" + "ab" * 12 + ".exe"]


@dataclass(frozen=True)
class Backend:
    name: str
    make: Callable[[Path, S3Server | None], Storage]
    leave_stray: Callable[[Storage], None]


def _local_stray(storage: Storage) -> None:
    folder = storage.root / "photos" / "ab"  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".upload-crashed").write_bytes(b"half a file")


def _s3(tmp: Path, server: S3Server | None) -> Storage:
    assert server is not None
    return S3Storage(server.client(), server.new_bucket(), prefix="site-a")


def _s3_stray(storage: Storage) -> None:
    s3 = storage  # an object put by hand under photos/ with a name the server never makes
    s3.client.put_object(  # type: ignore[attr-defined]
        Bucket=s3.bucket,  # type: ignore[attr-defined]
        Key="site-a/photos/ab/.upload-crashed",
        Body=b"half",
    )


BACKENDS = [
    Backend("local", lambda tmp, _server: LocalStorage(tmp / "media"), _local_stray),
    Backend("s3", _s3, _s3_stray),
]


@pytest.fixture(params=BACKENDS, ids=lambda b: b.name)
def backend(request, tmp_path: Path) -> tuple[Storage, Backend]:
    chosen = request.param
    server = request.getfixturevalue("s3_server") if chosen.name == "s3" else None
    return chosen.make(tmp_path, server), chosen


def _listed(storage: Storage) -> dict[str, float]:
    return dict(storage.names())


def test_a_saved_file_is_served_whole_with_its_type_and_a_year_of_caching(app, backend):
    storage, _ = backend
    storage.save(NAME, b"RIFF-webp-bytes")
    storage.save(OTHER, b"\xff\xd8jpeg")
    with app.test_request_context():
        webp, jpeg = storage.response(NAME), storage.response(OTHER)
        webp.direct_passthrough = jpeg.direct_passthrough = False
        assert webp.get_data() == b"RIFF-webp-bytes" and webp.mimetype == "image/webp"
        assert jpeg.get_data() == b"\xff\xd8jpeg" and jpeg.mimetype == "image/jpeg"
        for response in (webp, jpeg):
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.cache_control.immutable and response.cache_control.public
            assert response.cache_control.max_age == 365 * 24 * 3600
            response.close()


def test_names_lists_what_was_saved_with_its_age(backend):
    storage, _ = backend
    assert _listed(storage) == {}
    storage.save(NAME, b"one")
    storage.save(OTHER, b"two")
    listed = _listed(storage)
    assert set(listed) == {NAME, OTHER}
    assert all(age >= 0 for age in listed.values())


def test_delete_removes_a_file_and_a_missing_one_is_fine(app, backend):
    storage, _ = backend
    storage.save(NAME, b"one")
    storage.delete(NAME)
    storage.delete(NAME)
    assert NAME not in _listed(storage)
    with app.test_request_context(), pytest.raises(NotFound):
        storage.response(NAME)


def test_read_returns_the_bytes_and_a_missing_file_says_so(backend):
    storage, _ = backend
    storage.save(NAME, b"the whole photo")
    assert storage.read(NAME) == b"the whole photo"
    with pytest.raises(FileNotFoundError):
        storage.read(OTHER)


def test_a_repeated_request_with_its_etag_is_answered_not_modified(app, backend):
    storage, _ = backend
    storage.save(NAME, b"RIFF-webp-bytes")
    with app.test_request_context():
        first = storage.response(NAME)
        etag = first.get_etag()[0]
        first.close()
    assert etag
    with app.test_request_context(headers={"If-None-Match": f'"{etag}"'}):
        again = storage.response(NAME)
        assert again.status_code == 304
        again.close()


def test_a_reachable_store_passes_its_check(backend):
    storage, _ = backend
    storage.check()


def test_an_unreachable_store_fails_its_check(tmp_path, s3_server):
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(OSError):
        LocalStorage(tmp_path / "a-file" / "media").check()
    with pytest.raises(OSError):
        S3Storage(s3_server.client(), "no-such-bucket-here").check()


def test_saving_again_replaces_the_whole_file(app, backend):
    storage, _ = backend
    storage.save(NAME, b"first version, longer")
    storage.save(NAME, b"second")
    with app.test_request_context():
        response = storage.response(NAME)
        response.direct_passthrough = False
        assert response.get_data() == b"second"
        response.close()


@pytest.mark.parametrize("bad", BAD_NAMES)
def test_names_the_server_could_not_have_made_are_refused(app, backend, bad):
    storage, _ = backend
    with pytest.raises(ValueError):
        storage.save(bad, b"x")
    with pytest.raises(ValueError):
        storage.delete(bad)
    with app.test_request_context(), pytest.raises((ValueError, NotFound)):
        storage.response(bad)


def test_a_stray_from_a_crashed_write_is_listed_and_can_be_removed(backend):
    storage, chosen = backend
    storage.save(NAME, b"kept")
    chosen.leave_stray(storage)
    strays = [name for name in _listed(storage) if name not in {NAME}]
    assert len(strays) == 1
    storage.remove_stray(strays[0])
    assert set(_listed(storage)) == {NAME}


def test_remove_stray_never_reaches_outside_the_photos(backend, tmp_path):
    storage, _ = backend
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    storage.remove_stray("../precious.txt")
    storage.remove_stray("../../precious.txt")
    assert outside.read_text() == "keep me"
