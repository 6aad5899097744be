"""Read-your-writes: whoever changed content sees the change in search on their next page.

A request that commits outbox rows leaves the highest id in the visitor's
session (signed cookie, so every server sees it). Before a search, the server
answering makes sure its own index has applied that row, draining it if need
be, within a bounded wait; past it the search runs anyway and says nothing,
but the wait is counted as degraded.
"""

from __future__ import annotations

import time

from flask import current_app, session

from branding.search import health, positions, storage

SESSION_KEY = "search_seen"
WAIT = 2.0  # seconds a search may wait for its writer's change to reach this index


def remember_written(top: int) -> None:
    """Keep the highest outbox id this visitor's change wrote (in the session)."""
    if top > session.get(SESSION_KEY, 0):
        session[SESSION_KEY] = top


def catch_up() -> bool:
    """Make this server's index apply the visitor's own changes first; return if it has."""
    wanted = session.get(SESSION_KEY)
    if not isinstance(wanted, int) or wanted <= 0:
        return True
    from branding.search.indexer import drain

    name = positions.index_name(storage.index_root())
    known = positions.known(name)
    if known is not None and known.covers(wanted):
        return True
    deadline = time.monotonic() + current_app.config.get("SEARCH_FRESHNESS_WAIT", WAIT)
    while True:
        if positions.position(name).covers(wanted):
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            break
        report = drain(timeout=min(left, 1.0), limit=2000, prune=False)
        if report.missing:
            break
        if report.busy:
            time.sleep(0.05)
    health.degraded("a writer's own change had not reached this index in time")
    return False
