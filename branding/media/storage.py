"""Where photo files live: a small interface, and the local folder that is its default.

Names are made by the server (``photos/ab/<random>-<width>.<ext>``) and never reused: a file
never changes once written, so browsers may keep it for a year. ``MEDIA_STORAGE`` chooses the
backend: ``local`` (this folder) or ``s3`` (an object store shared by several machines,
``media.s3``). Both implement the same seven methods; one contract test
(``tests/media/test_storage_contract.py``) holds every backend to them.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from flask import Flask, Response, current_app, send_from_directory

# A photo's renditions by width (webp, jpg); a logo's also as icons (png, ico); an upload
# waiting for its renditions (original.bin, never served).
NAME = re.compile(
    r"^photos/[0-9a-f]{2}/[0-9a-f]{24}-"
    r"(([0-9]{1,5}|icon[0-9]{2,3}|maskable[0-9]{3}|favicon)\.(webp|jpg|png|ico)|original\.bin)$"
)
TYPES = {
    "webp": "image/webp",
    "jpg": "image/jpeg",
    "png": "image/png",
    "ico": "image/x-icon",
    "bin": "application/octet-stream",  # an original, kept only until its renditions exist
}
YEAR = 365 * 24 * 3600


class Storage(Protocol):
    """Where photo files are kept. Every method refuses a name the server could not have made
    (``ValueError``), except ``remove_stray``, which takes what ``names`` listed."""

    def save(self, name: str, data: bytes) -> None:
        """Store a file whole or not at all; readers never see part of it."""
        ...

    def delete(self, name: str) -> None:
        """Remove a file; one already gone is fine."""
        ...

    def names(self) -> Iterator[tuple[str, float]]:
        """Yield every stored name, and any stray a failed write left, with its age in seconds."""
        ...

    def remove_stray(self, name: str) -> None:
        """Remove something ``names`` listed that is not a valid name (a crashed write)."""
        ...

    def read(self, name: str) -> bytes:
        """Return a file's bytes (backups); a missing file raises FileNotFoundError."""
        ...

    def check(self) -> None:
        """Raise OSError unless files can be stored and read now (readiness)."""
        ...

    def response(self, name: str, public: bool = True) -> Response:
        """Answer a request for a file: its bytes (or, when ``public``, perhaps a redirect to
        them), type, nosniff and a year of immutable caching; a missing file is a 404."""
        ...


def valid_name(name: str) -> bool:
    """Say whether a name is one the server could have made."""
    return bool(NAME.match(name))


class LocalStorage:
    """Photo files in a folder on this machine (``MEDIA_ROOT``, by default ``uploads/``)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()  # send_from_directory reads relative to the app

    def _path(self, name: str) -> Path:
        if not valid_name(name):
            raise ValueError(f"not a media name: {name!r}")
        return self.root / name

    def save(self, name: str, data: bytes) -> None:
        """Write a file whole or not at all (a temporary file renamed into place)."""
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def delete(self, name: str) -> None:
        """Remove a file; one already gone is fine."""
        self._path(name).unlink(missing_ok=True)

    def names(self) -> Iterator[tuple[str, float]]:
        """Yield every stored name (and stray temporary file) with its age in seconds."""
        folder = self.root / "photos"
        now = time.time()
        for path in folder.glob("*/*") if folder.is_dir() else ():
            if path.is_file():
                yield path.relative_to(self.root).as_posix(), now - path.stat().st_mtime

    def remove_stray(self, name: str) -> None:
        """Remove a file found by ``names`` that has no valid name (a crashed write)."""
        path = (self.root / name).resolve()
        if path.is_relative_to((self.root / "photos").resolve()):
            path.unlink(missing_ok=True)

    def read(self, name: str) -> bytes:
        """Return a file's bytes; a missing file raises FileNotFoundError."""
        return self._path(name).read_bytes()

    def check(self) -> None:
        """Raise OSError unless the folder is there (made if need be) and may be written."""
        self.root.mkdir(parents=True, exist_ok=True)
        if not os.access(self.root, os.W_OK | os.X_OK):
            raise OSError(f"cannot write in {self.root}")

    def response(self, name: str, public: bool = True) -> Response:
        """Serve a file with its type, nosniff, and a year of caching."""
        relative = self._path(name).relative_to(self.root)  # refuses a name we never made
        mimetype = TYPES[name.rsplit(".", 1)[1]]
        response = send_from_directory(self.root, relative, mimetype=mimetype)
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response


def init_app(app: Flask) -> None:
    """Give the application its storage: the local folder, or the object store configured."""
    if "media_storage" in app.extensions:  # given by the caller (tests)
        return
    kind = app.config.get("MEDIA_STORAGE", "local")
    if kind == "s3":
        from branding.media.s3 import from_config

        app.extensions["media_storage"] = from_config(app.config)
    elif kind == "local":
        app.extensions["media_storage"] = LocalStorage(app.config["MEDIA_ROOT"])
    else:
        raise RuntimeError(f"MEDIA_STORAGE must be 'local' or 's3', not {kind!r}")


def storage() -> Storage:
    """Return the current application's storage."""
    return current_app.extensions["media_storage"]
