"""Search across destinations, events, businesses and products, in three languages.

The database is the truth and the Whoosh index is derived from it: see
``outbox`` (changes logged with the transaction), ``indexer`` (each index
applies them at its own position), ``rebuild`` and ``check`` (start over, or
repair drift), ``query`` (the index search), ``fallback`` (the database
search), ``health`` (degraded modes, made loud) and ``freshness``
(read-your-writes).
"""

from __future__ import annotations

import logging
import os
import threading
import time

from flask import Flask, Response, current_app, g

from branding.core import pagecache
from branding.search import outbox

log = logging.getLogger(__name__)
AFTER_REQUEST_ROWS = 200  # a busier backlog is left to `flask search index`
AFTER_REQUEST_LOCK = 1.0  # seconds to wait for another drain, after the response is sent
LOOK_EVERY = 10.0  # seconds between a server's looks at the outbox on visitors' searches

_looked = {"at": -LOOK_EVERY}
_look_lock = threading.Lock()


def init_app(app: Flask) -> None:
    """Register the search pages; record content changes and drain them after requests."""
    from branding.search import upkeep  # noqa: F401  (the workers' share)
    from branding.search.views import bp

    app.register_blueprint(bp)
    pagecache.public(app, "search")
    pagecache.unseen("search_outbox", "search_indexes", "missed_searches")
    for endpoint in ("search.index", "search.suggest"):
        pagecache.key_part(app, endpoint, index_position)
    pagecache.after_hit(app, "search.index", _after_cached_search)
    drain_env = os.environ.get("SEARCH_DRAIN_AFTER_REQUEST", "1").lower()
    app.config.setdefault("SEARCH_DRAIN_AFTER_REQUEST", drain_env not in ("0", "false", "no"))
    outbox.install()
    app.after_request(_drain_when_changed)


def _drain_when_changed(response: Response) -> Response:
    """Remember the visitor's change for read-your-writes; apply it once the response is sent."""
    from branding.search.freshness import remember_written

    top = g.pop(outbox.REQUEST_FLAG, 0)
    if top:
        remember_written(top)
        if current_app.config["SEARCH_DRAIN_AFTER_REQUEST"]:
            app = current_app._get_current_object()  # type: ignore[attr-defined]  # a proxy
            response.call_on_close(lambda: drain_quietly(app))
    return response


def index_position() -> str:
    """Return where this server's index stands in the outbox: part of a cached search's key,
    so a search page is kept only as long as the index it was read from."""
    from sqlalchemy import select

    from branding.extensions import db
    from branding.search import positions, storage
    from branding.search.models import SearchIndexState

    name = positions.index_name(storage.index_root())
    query = select(SearchIndexState.position).where(SearchIndexState.name == name)
    return db.session.scalar(query) or ""  # one column: no row to load for every hit


def _after_cached_search(response: Response) -> None:
    """Do for a search answered from the cache what its view would have done."""
    from branding.search.missed import MISSED_NOTE, record_missed

    missed = pagecache.noted(MISSED_NOTE)
    if isinstance(missed, list):
        record_missed(*missed)
    look_after_search(response)


def look_after_search(response: Response) -> None:
    """Now and then, after a search, let this server's index catch up with the outbox.

    So that a server whose own visitors change nothing still follows the others'
    changes between runs of ``flask search index``.
    """
    if not current_app.config["SEARCH_DRAIN_AFTER_REQUEST"]:
        return
    with _look_lock:
        if time.monotonic() - _looked["at"] < LOOK_EVERY:
            return
        _looked["at"] = time.monotonic()
    app = current_app._get_current_object()  # type: ignore[attr-defined]  # a proxy
    response.call_on_close(lambda: drain_quietly(app))


def drain_quietly(app: Flask) -> None:
    """Drain a bounded part of the outbox; any failure leaves the rows for later."""
    from branding.search import health
    from branding.search.indexer import drain

    with app.app_context():
        try:
            drain(timeout=AFTER_REQUEST_LOCK, limit=AFTER_REQUEST_ROWS)
        except Exception as error:  # never let indexing trouble reach a visitor
            health.degraded("applying changes to the index failed", error)
