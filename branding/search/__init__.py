"""Search across destinations, events, businesses and products, in three languages.

The database is the truth and the Whoosh index is derived from it: see
``outbox`` (changes recorded with the transaction), ``indexer`` (one writer
drains them), ``rebuild`` and ``check`` (start over, or repair drift),
``query`` (the index search) and ``fallback`` (the database search).
"""

from __future__ import annotations

import logging
import os

from flask import Flask, Response, current_app, g

from branding.search import outbox

log = logging.getLogger(__name__)
AFTER_REQUEST_ROWS = 200  # a busier backlog is left to `flask search index`
AFTER_REQUEST_LOCK = 1.0  # seconds to wait for another drain, after the response is sent


def init_app(app: Flask) -> None:
    """Register the search pages; record content changes and drain them after requests."""
    from branding.search.views import bp

    app.register_blueprint(bp)
    drain_env = os.environ.get("SEARCH_DRAIN_AFTER_REQUEST", "1").lower()
    app.config.setdefault("SEARCH_DRAIN_AFTER_REQUEST", drain_env not in ("0", "false", "no"))
    outbox.install()
    app.after_request(_drain_when_changed)


def _drain_when_changed(response: Response) -> Response:
    """Once the response is sent, apply the changes this request committed."""
    if g.pop("search_outbox_written", False) and current_app.config["SEARCH_DRAIN_AFTER_REQUEST"]:
        app = current_app._get_current_object()  # type: ignore[attr-defined]  # a proxy
        response.call_on_close(lambda: drain_quietly(app))
    return response


def drain_quietly(app: Flask) -> None:
    """Drain a bounded part of the outbox; any failure leaves the rows for later."""
    from branding.search.indexer import drain

    with app.app_context():
        try:
            drain(timeout=AFTER_REQUEST_LOCK, limit=AFTER_REQUEST_ROWS)
        except Exception:  # never let indexing trouble reach a visitor
            log.warning("draining the search outbox failed", exc_info=True)
