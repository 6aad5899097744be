"""Light pages: fingerprinted static file names cached for a year, every text response compressed.

``url_for("static", filename="css/site.css")`` builds ``/static/css/site.<digest>.css``, where
the digest is taken from the file's bytes: a changed file gets a new name, so a name can be
cached by browsers (and the offline reader's service worker) for a year as ``immutable``.
A request for an unversioned or outdated name still gets the current file, briefly cached.
Flask-Compress answers with Brotli, Zstandard or gzip, as the browser accepts, for every text
type the platform sends (HTML, CSS, JavaScript, JSON, GeoJSON, iCalendar, XML, the manifest).
Static text files, which do not change while the server runs, are compressed once with Brotli
at quality 10 (about 8 % smaller than per-response compression: 3.5 KB less of Leaflet on a
slow phone; quality 11 saves 0.6 KB more but takes three times as long, 0.5 s for Leaflet on
the first request a worker serves) and kept in memory by digest.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from pathlib import Path

import brotli
from flask import Flask, Response, abort, current_app, request
from flask_compress import Compress
from werkzeug.security import safe_join

YEAR = 365 * 24 * 3600
BRIEF = 3600  # unversioned names: an hour, as before
DIGEST_LENGTH = 10
_FINGERPRINTED = re.compile(
    rf"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{{{DIGEST_LENGTH}}})(?P<ext>\.\w+)$"
)

TEXT_TYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/xml",
    "text/calendar",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "application/ld+json",
    "application/manifest+json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
]
COMPRESSION = {
    "COMPRESS_MIMETYPES": TEXT_TYPES,
    "COMPRESS_ALGORITHM": ["br", "zstd", "gzip", "deflate"],
    "COMPRESS_ALGORITHM_STREAMING": ["br", "zstd", "deflate"],
    "COMPRESS_BR_LEVEL": 5,
    "COMPRESS_MIN_SIZE": 256,
}


class Compression(Compress):
    """Flask-Compress, also for error pages (it leaves responses outside 2xx as they are)."""

    def after_request(self, response: Response | None) -> Response:
        if response is None or not 400 <= response.status_code < 600 or response.is_streamed:
            return super().after_request(response)
        status = response.status_code
        response.status_code = 200
        try:
            return super().after_request(response)
        finally:
            response.status_code = status


STATIC_BROTLI_QUALITY = 10
_BROTLI_STATIC: dict[tuple[str, str], bytes] = {}  # (file name, digest) → compressed bytes


def _brotli_once(filename: str, digest: str, body: bytes) -> bytes:
    """Return a static file's bytes compressed with Brotli at quality 10, computed once."""
    key = (filename, digest)
    if key not in _BROTLI_STATIC:
        _BROTLI_STATIC[key] = brotli.compress(body, quality=STATIC_BROTLI_QUALITY)
    return _BROTLI_STATIC[key]


class Fingerprints:
    """The digest of each static file, recomputed when the file changes (size or mtime).

    With ``recheck=False`` (a deployed release: its files change only with a restart) a
    digest once known is kept without looking at the file again.
    """

    def __init__(self, folder: str | Path, recheck: bool = True) -> None:
        self.folder = Path(folder)
        self.recheck = recheck
        self._seen: dict[str, tuple[tuple[int, int], str]] = {}

    def digest(self, filename: str) -> str | None:
        """Return the digest of a static file's bytes, or None if there is no such file."""
        if not self.recheck and filename in self._seen:
            return self._seen[filename][1]
        joined = safe_join(str(self.folder), filename)
        if joined is None:
            return None
        path = Path(joined)
        try:
            stat = path.stat()
        except OSError:
            return None
        if not path.is_file():
            return None
        key = (stat.st_size, stat.st_mtime_ns)
        known = self._seen.get(filename)
        if known and known[0] == key:
            return known[1]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:DIGEST_LENGTH]
        self._seen[filename] = (key, digest)
        return digest

    def versioned(self, filename: str) -> str:
        """Return a file's fingerprinted name (``css/site.css`` → ``css/site.<digest>.css``)."""
        digest = self.digest(filename)
        stem, dot, ext = filename.rpartition(".")
        if digest is None or not dot or "/" in ext:
            return filename
        return f"{stem}.{digest}.{ext}"


def fingerprints() -> Fingerprints:
    """Return the application's static file digests."""
    return current_app.extensions["fingerprints"]


def _fingerprint_static(endpoint: str, values: dict) -> None:
    """Give ``url_for("static", …)`` the file's fingerprinted name."""
    if endpoint == "static" and "filename" in values:
        values["filename"] = fingerprints().versioned(values["filename"])


def send_static(filename: str) -> Response:
    """Serve a static file: a current fingerprinted name for a year, any other name briefly."""
    match = _FINGERPRINTED.match(filename)
    real = f"{match['stem']}{match['ext']}" if match else filename
    digest = fingerprints().digest(real)
    if digest is None:
        abort(404)
    path = Path(safe_join(str(fingerprints().folder), real) or "")  # digest() checked it
    mimetype = mimetypes.guess_type(real)[0] or "application/octet-stream"
    body = path.read_bytes()
    compressed = mimetype in TEXT_TYPES and request.accept_encodings["br"] > 0
    if compressed:
        body = _brotli_once(real, digest, body)
    response = Response(body, mimetype=mimetype)
    response.set_etag(f"{digest}-br" if compressed else digest)
    if compressed:  # Flask-Compress leaves a response that is already encoded as it is
        response.headers["Content-Encoding"] = "br"
    response.vary.add("Accept-Encoding")
    response.cache_control.public = True
    if match and match["digest"] == digest:
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
    else:
        response.cache_control.max_age = BRIEF
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.make_conditional(request)
    return response


def init_app(app: Flask) -> None:
    """Fingerprint static names, serve them with long caching, and compress text responses."""
    mimetypes.add_type("application/manifest+json", ".webmanifest")
    mimetypes.add_type("text/javascript", ".js")
    recheck = app.debug or app.testing  # the development server reloads; tests rebuild assets
    app.extensions["fingerprints"] = Fingerprints(app.static_folder or "static", recheck)
    app.url_defaults(_fingerprint_static)
    app.view_functions["static"] = send_static
    for key, value in COMPRESSION.items():
        app.config.setdefault(key, value)
    Compression(app)
