"""The open-data API: read-only JSON at /api/v1/, an OpenAPI document, a changes feed.

``views`` (routes) call ``catalogue`` (the services), which reads through ``queries``
(each feature's public rule, filters, paging) and ``sync`` (the change log of
``changelog``, read with ``core.changefeed``) and writes ``schemas`` with ``serialise``.
``http`` holds the rate limit, CORS and caching; ``errors`` the JSON errors; ``retention``
compacts the change log on the job runner's schedule.
"""

from __future__ import annotations

from flask import Flask

from branding.api import changelog, errors, http
from branding.core import pagecache
from branding.core.web.errors import register_error_renderer


def init_app(app: Flask) -> None:
    """Register the API, its change log's hooks, its JSON errors and its HTTP headers."""
    from branding.api import retention  # noqa: F401  (its schedule)
    from branding.api.views import bp

    app.register_blueprint(bp)
    app.after_request(http.cors)
    register_error_renderer(app, http.PREFIX, errors.render)
    changelog.install()
    pagecache.unseen("api_changes")
