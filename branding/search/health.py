"""Degraded search, made loud: logged with its cause, counted, and shown to the office.

Whenever search answers less well than it should (no index, an unreadable one,
a failing spelling step, a time-out, an index that cannot catch up), ``degraded``
logs a warning with the cause, counts it in this process, and adds it to this
index's row in ``search_indexes`` (at most every few seconds per cause, on a
connection of its own, so a visitor's page never waits on it or fails with it).
The back-office dashboard and ``flask search check`` read those rows.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import has_app_context
from sqlalchemy import func, select, update

from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.search import positions
from branding.search.models import INDEXES, SearchIndexState, SearchOutbox

log = logging.getLogger(__name__)
counts: Counter[str] = Counter()  # this process: degraded searches and drains, by cause
WRITE_EVERY = 5.0  # seconds between database updates per cause
RECENT = timedelta(hours=24)  # how long the office is told about trouble
LAG = timedelta(minutes=10)  # an index this far behind the outbox is lagging

_unsaved: Counter[str] = Counter()
_written: dict[str, float] = {}
_lock = threading.Lock()


def degraded(cause: str, error: BaseException | None = None) -> None:
    """Record that search is degraded, and why; never raises."""
    cause = cause[:250]
    detail = f"{cause}: {error!r}" if error is not None else cause
    log.warning("search degraded: %s", detail, exc_info=error is not None)
    with _lock:
        counts[cause] += 1
        _unsaved[cause] += 1
        due = time.monotonic() - _written.get(cause, -WRITE_EVERY) >= WRITE_EVERY
        if due:
            _written[cause] = time.monotonic()
            pending, _unsaved[cause] = _unsaved[cause], 0
    if due and has_app_context():
        _save(detail[:300], pending)


def _save(detail: str, pending: int) -> None:
    try:
        name = positions.index_name()
        with db.engine.begin() as connection:
            changed = connection.execute(
                update(SearchIndexState)
                .where(SearchIndexState.name == name)
                .values(
                    degraded_count=SearchIndexState.degraded_count + pending,
                    degraded_at=utcnow(),
                    degraded_cause=detail,
                )
            ).rowcount
            if not changed:
                connection.execute(
                    INDEXES.insert().values(
                        name=name,
                        position="",
                        low=0,
                        high=0,
                        last_seen=utcnow(),
                        rebuild_needed="",
                        degraded_count=pending,
                        degraded_at=utcnow(),
                        degraded_cause=detail,
                    )
                )
    except Exception:  # the database may be what is failing
        log.warning("could not record degraded search", exc_info=True)


@dataclass(frozen=True)
class Notice:
    """Something about one index the office should know."""

    index: str
    problem: str
    since: datetime | None = None
    count: int = 0


def notices(now: datetime | None = None) -> list[Notice]:
    """Return what is wrong with the live indexes: recent trouble, lag, rebuilds due."""
    now = now or utcnow()
    found: list[Notice] = []
    live = positions.live_since()
    head = db.session.scalar(select(func.max(SearchOutbox.id))) or 0
    for state in positions.everyone():
        if state.last_seen < live and not state.rebuild_needed:
            continue  # an index no server uses any more
        if state.degraded_at and state.degraded_at >= now - RECENT:
            found.append(
                Notice(state.name, state.degraded_cause, state.degraded_at, state.degraded_count)
            )
        if state.rebuild_needed:
            found.append(Notice(state.name, f"needs a rebuild: {state.rebuild_needed}"))
        elif state.low < head:
            oldest = db.session.scalar(
                select(func.min(SearchOutbox.created_at)).where(SearchOutbox.id > state.low)
            )
            if oldest is not None and oldest < now - LAG:
                found.append(Notice(state.name, "behind the database: changes wait", oldest))
    return found
