"""Insight: visits and contacts counted without knowing the visitor, the office's dashboard,
owners' weekly counts, and QR posters with a short address for the places themselves.

``counting`` counts after each response into a buffer (``buffer``: this process, or Redis),
``flush`` writes it in batches; ``links`` sends a page's contact links through the counting
redirect (``views``); ``posters`` makes the QR posters; ``reports`` reads the counts for the
office (``office_views``) and for owners (``owner_views``).
"""

from __future__ import annotations

import os

from flask import Flask

from branding.core import pagecache


def _flag(name: str, default: str = "1") -> bool:
    return os.environ.get(name, default).lower() not in ("0", "false", "no", "off")


def init_app(app: Flask) -> None:
    """Count after each request, wrap the link helpers, and register the pages."""
    from branding.insight import counting, links, office_views, owner_views, views

    app.config.setdefault("COUNTING", _flag("COUNTING"))
    app.config.setdefault("COUNTING_FLUSH_AFTER_REQUEST", _flag("COUNTING_FLUSH_AFTER_REQUEST"))
    app.config.setdefault(
        "COUNTING_FLUSH_SECONDS", float(os.environ.get("COUNTING_FLUSH_SECONDS", "60"))
    )
    counting.install(app)
    pagecache.unseen("daily_counts", "search_counts", "count_batches")
    links.install(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(office_views.bp)
    app.register_blueprint(owner_views.bp)
