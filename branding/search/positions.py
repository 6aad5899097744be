"""Each index's row in ``search_indexes``: its position in the outbox, and its health.

An index is a folder on one server; its name is ``SEARCH_INDEX_NAME`` or
``host:folder``. The position (``branding.core.changefeed.Position``) says which
outbox rows the index has applied; ``low`` (every row up to it applied) decides
pruning. ``last_seen`` tells live indexes from abandoned ones.
"""

from __future__ import annotations

import hashlib
import socket
import threading
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select, update

from branding.core.changefeed import Position
from branding.core.content.publishing import utcnow
from branding.core.content.statements import affected_rows
from branding.extensions import db
from branding.search.models import SearchIndexState

_known: dict[str, Position] = {}  # the last position this process saw, per index
_lock = threading.Lock()


def index_name(root: Path | None = None) -> str:
    """Return the name of this application's index (one per server and folder)."""
    configured = current_app.config.get("SEARCH_INDEX_NAME")
    if configured:
        return str(configured)[:200]
    folder = str((root or Path(current_app.config["SEARCH_INDEX_DIR"])).resolve())
    name = f"{socket.gethostname()}:{folder}"
    if len(name) > 200:
        name = name[:180] + "…" + hashlib.blake2b(name.encode(), digest_size=8).hexdigest()
    return name


def load(name: str | None = None) -> SearchIndexState | None:
    """Return the index's row, if it has one."""
    return db.session.get(SearchIndexState, name or index_name())


def position(name: str | None = None) -> Position:
    """Return the index's position (an index without a row starts at the beginning)."""
    name = name or index_name()
    state = load(name)
    found = Position.from_json(state.position) if state else Position()
    remember(name, found)
    return found


def save(found: Position, name: str | None = None, rebuilt: bool = False) -> SearchIndexState:
    """Store the index's position (and that it is alive); the caller commits."""
    name = name or index_name()
    state = load(name)
    if state is None:
        state = SearchIndexState(name=name, degraded_count=0, degraded_cause="", rebuild_needed="")
        db.session.add(state)
    state.position, state.low, state.high = found.to_json(), found.low, found.high
    state.last_seen = utcnow()
    if rebuilt:  # a fresh index: past trouble is over (its count stays)
        state.rebuild_needed = ""
        state.degraded_at = None
    remember(name, found)
    return state


def remember(name: str, found: Position) -> None:
    with _lock:
        _known[name] = found


def known(name: str) -> Position | None:
    """Return the position this process last saw for an index, without asking the database."""
    with _lock:
        return _known.get(name)


def live_since(hours: float | None = None) -> datetime:
    """Return the time after which an index that reported in counts as live."""
    hours = hours if hours is not None else current_app.config.get("SEARCH_INDEX_LIVE_HOURS", 24)
    return utcnow() - timedelta(hours=float(hours))


def mark_for_rebuild(below: int, reason: str) -> int:
    """Flag every index that had not applied all rows up to ``below``; return how many."""
    return affected_rows(
        update(SearchIndexState)
        .where(SearchIndexState.low < below, SearchIndexState.rebuild_needed == "")
        .values(rebuild_needed=reason[:200])
    )


def everyone() -> list[SearchIndexState]:
    """Return every index's row, most recently seen first."""
    query = select(SearchIndexState).order_by(SearchIndexState.last_seen.desc())
    return list(db.session.scalars(query))
