"""Compressed copies of cached pages, made once per entry instead of once per answer.

Flask-Compress compresses every text response after it is made; for a page answered from the
cache that would be most of the answer's work. So a hit for a browser that accepts Brotli or
gzip is answered with a copy compressed once and kept beside the entry (``<key>:br``) for the
entry's lifetime, with the validator Flask-Compress would give (``"<etag>:br"``); a response
that says its ``Content-Encoding`` is left alone by Flask-Compress (which still adds ``Vary``).
"""

from __future__ import annotations

import gzip

from flask import Request, current_app

ENCODINGS = ("br", "gzip")


def chosen(request: Request, mimetype: str | None, size: int) -> str | None:
    """Return the encoding to answer with, or None to send the page as it is."""
    config = current_app.config
    if mimetype not in config.get("COMPRESS_MIMETYPES", ()) or size < config["COMPRESS_MIN_SIZE"]:
        return None
    for encoding in ENCODINGS:
        if encoding in config["COMPRESS_ALGORITHM"] and request.accept_encodings[encoding] > 0:
            return encoding
    return None


def compress(body: bytes, encoding: str) -> bytes:
    """Compress a body as Flask-Compress would, at its configured levels."""
    config = current_app.config
    if encoding == "br":
        import brotli  # installed with Flask-Compress

        return brotli.compress(body, quality=config.get("COMPRESS_BR_LEVEL", 4))
    return gzip.compress(body, compresslevel=config.get("COMPRESS_LEVEL", 6))
