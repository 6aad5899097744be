"""HTTP for the API: per-client rate limit, CORS for reads, caching with validators."""

from __future__ import annotations

from datetime import datetime

from flask import Response, current_app, g, request

from branding.accounts import limits

PREFIX = "/api/"
MAX_AGE = 60  # seconds a shared cache may keep an answer
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
    "Access-Control-Max-Age": "86400",
}


def client_key() -> str:
    """Return the rate-limit key of the client (its address, after trusted proxies)."""
    return limits.key_of(request.remote_addr or "unknown")


def rate_limit() -> None:
    """Count the request against its client's allowance, or refuse it with 429 (before_request)."""
    if request.method == "OPTIONS":
        return
    most, seconds = current_app.config["API_REQUESTS_PER_CLIENT"]
    limits.limit("api", client_key(), most, seconds)


def note_modified(moment: datetime | None) -> None:
    """Tell the response when what it shows last changed (for Last-Modified)."""
    if moment is not None:
        g.api_modified = max(g.get("api_modified", moment), moment)


def cacheable(response: Response) -> Response:
    """Give a read its validators, answer 304 when the client has it, and let caches keep it."""
    ok = request.method in ("GET", "HEAD") and response.status_code == 200
    if ok and response.mimetype == "application/json":  # the HTML docs follow the site's rule
        response.cache_control.public = True
        response.cache_control.max_age = MAX_AGE
        response.vary.add("Accept-Encoding")
        if g.get("api_modified") is not None:
            response.last_modified = g.api_modified
        response.add_etag()
        response.make_conditional(request)
    return response


def cors(response: Response) -> Response:
    """Let any site's scripts read the API (after_request on every path under /api/)."""
    if request.path.startswith(PREFIX):
        response.headers.update(CORS)
    return response
