"""The outbox: every change to searchable content writes a row in the same transaction.

A session hook watches each flush, so services need not remember the index: a
new, changed or deleted destination, event, business, product, area or photo
becomes an ``(item_type, item_id)`` row, inserted on the flush's own connection
and so committed or rolled back with the change itself. A bulk ORM ``UPDATE`` or
``DELETE`` of content writes one ``("all", 0)`` row: reconcile everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, cast

from flask import g, has_request_context
from sqlalchemy import delete, event, func, insert, select
from sqlalchemy.orm import ORMExecuteState, Session

from branding.areas.models import Area
from branding.businesses.models import Business, Product
from branding.core.content.publishing import utcnow
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.media.models import Photo
from branding.search.models import SearchOutbox

TRACKED: dict[type, str] = {
    Destination: "destination",
    Event: "event",
    Business: "business",
    Product: "product",
    Area: "area",
}
PHOTO_OWNERS = {
    "destination_id": "destination",
    "event_id": "event",
    "business_id": "business",
    "product_id": "product",
}
PENDING_FLAG = "search_outbox_written"

Change = tuple[str, int]


class _Row(Protocol):
    id: int | None  # None until the row is first flushed


def changes_of(obj: object) -> set[Change]:
    """Return the outbox entries one changed object calls for."""
    kind = TRACKED.get(type(obj))
    if kind is not None:
        row = cast(_Row, obj)  # every TRACKED class has an integer primary key ``id``
        return {(kind, row.id)} if row.id is not None else set()
    if isinstance(obj, Photo):  # alt texts are indexed with the photo's item
        return {(k, getattr(obj, col)) for col, k in PHOTO_OWNERS.items() if getattr(obj, col)}
    return set()


def _record_flush(session: Session, flush_context: object) -> None:
    """Write outbox rows for the searchable objects this flush inserted, changed or deleted."""
    found: set[Change] = set()
    for obj in (*session.new, *session.deleted):
        found |= changes_of(obj)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            found |= changes_of(obj)
    write_rows(session, found)


def _record_bulk(state: ORMExecuteState) -> None:
    """Ask for a full reconcile after a bulk UPDATE or DELETE of searchable content."""
    if not (state.is_update or state.is_delete):
        return
    if any(m.class_ in TRACKED or m.class_ is Photo for m in state.all_mappers):
        write_rows(state.session, {("all", 0)})


def write_rows(session: Session, found: Iterable[Change]) -> None:
    """Insert outbox rows on the session's connection, inside its transaction."""
    now = utcnow()
    rows = [{"item_type": k, "item_id": i, "created_at": now} for k, i in sorted(found)]
    if rows:
        session.connection().execute(insert(SearchOutbox), rows)
        session.info[PENDING_FLAG] = True


def _after_commit(session: Session) -> None:
    """Tell the request that it left work for the indexer."""
    if session.info.pop(PENDING_FLAG, False) and has_request_context():
        g.search_outbox_written = True


def _after_rollback(session: Session) -> None:
    session.info.pop(PENDING_FLAG, None)


HOOKS = (
    ("after_flush", _record_flush),
    ("do_orm_execute", _record_bulk),
    ("after_commit", _after_commit),
    ("after_rollback", _after_rollback),
)


def install() -> None:
    """Listen to the Flask-SQLAlchemy session, once per process."""
    for name, hook in HOOKS:
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)


def pending(limit: int) -> list[SearchOutbox]:
    """Return the oldest outbox rows, at most ``limit``."""
    query = select(SearchOutbox).order_by(SearchOutbox.id).limit(limit)
    return list(db.session.scalars(query))


def pending_ids() -> list[int]:
    """Return the ids of every outbox row visible now."""
    return list(db.session.scalars(select(SearchOutbox.id)))


def remove(ids: list[int]) -> None:
    """Delete outbox rows once their changes are in the index; the caller commits."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        db.session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(chunk)))


def backlog() -> int:
    """Return how many outbox rows wait for the indexer."""
    return db.session.scalar(select(func.count(SearchOutbox.id))) or 0
