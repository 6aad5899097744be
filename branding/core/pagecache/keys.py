"""A page's cache key: the content version, then the full URL (host, path, sorted query)."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from flask import Request


def normalised_query(request: Request) -> str:
    """Return the query string with its arguments in one order, however they were sent."""
    pairs = sorted(request.args.items(multi=True))
    return urlencode(pairs)


def page_key(request: Request, version: int, extra: str = "") -> str:
    """Return the key of this request's page at a content version."""
    url = f"{request.scheme}://{request.host}{request.path}?{normalised_query(request)}"
    digest = hashlib.blake2b(f"{url}\n{extra}".encode(), digest_size=16).hexdigest()
    return f"v{version}:{digest}"


def etag_of(body: bytes) -> str:
    """Return a strong validator of a body (the same on every server)."""
    return hashlib.blake2b(body, digest_size=12).hexdigest()
