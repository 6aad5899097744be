"""The outbox: every change to searchable content writes a row in the same transaction.

The shared hooks of ``branding.core.changes`` see every row a flush actually
inserts, updates or deletes, cascades and orphans included (an item's last photo
removed from its gallery is deleted by the flush itself, and no session list shows
it): a destination, event, business, product or area, or a photo (for its item:
alt texts are indexed with it, old and new owner alike). Once the flush is done
the rows are inserted on the flush's own connection, so they commit or roll back
with the change. A bulk ORM ``UPDATE`` or ``DELETE`` of content writes one
``("all", 0)`` row: reconcile everything.

The outbox is a log (``branding.core.changefeed``): rows are read by every index
at its own position (``indexer``) and pruned once all have passed them. The
highest id a request wrote is kept for read-your-writes (``freshness``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, cast

from flask import g, has_request_context
from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session

from branding.areas.models import Area
from branding.businesses.models import Business, Product
from branding.core import changefeed, changes
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
CHANGES = "search_outbox_changes"  # session.info: changes seen by this flush
WRITTEN = "search_outbox_written"  # session.info: the highest outbox id this transaction wrote
REQUEST_FLAG = "search_outbox_written"  # g: this request committed outbox rows (their top id)

Change = tuple[str, int]


class _Row(Protocol):
    id: int | None  # None until the row is first flushed


def changes_of(obj: object) -> set[Change]:
    """Return the outbox entries one changed object calls for."""
    kind = TRACKED.get(type(obj))
    if kind is not None:
        row = cast(_Row, obj)  # every TRACKED class has an integer primary key ``id``
        return {(kind, row.id)} if row.id is not None else set()
    if isinstance(obj, Photo):  # alt texts are indexed with the photo's item, old and new
        found = set()
        state = inspect(obj)
        for column, owner in PHOTO_OWNERS.items():
            history = state.attrs[column].history
            for value in (getattr(obj, column), *history.deleted):
                if value:
                    found.add((owner, value))
        return found
    return set()


def _tracked(cls: type) -> bool:
    return cls in TRACKED or cls is Photo


def write_rows(session: Session, found: Iterable[Change]) -> None:
    """Insert outbox rows on the session's connection, inside its transaction."""
    now = utcnow()
    rows = [{"item_type": k, "item_id": i, "created_at": now} for k, i in sorted(found)]
    if not rows:
        return
    connection = session.connection()
    changefeed.claim_xid(connection)  # before the ids: see changefeed
    ids = connection.execute(insert(SearchOutbox).returning(SearchOutbox.id), rows).scalars()
    session.info[WRITTEN] = max([session.info.get(WRITTEN, 0), *ids])


def _after_commit(session: Session) -> None:
    """Tell the request that it left work for the indexer, and up to which outbox id."""
    top = session.info.pop(WRITTEN, 0)
    if top and has_request_context():
        g.setdefault(REQUEST_FLAG, 0)
        setattr(g, REQUEST_FLAG, max(getattr(g, REQUEST_FLAG), top))


def _after_rollback(session: Session) -> None:
    session.info.pop(WRITTEN, None)
    session.info.pop(CHANGES, None)


WATCH = changes.Watch(CHANGES, _tracked, changes_of, write_rows)


def install() -> None:
    """Watch the searchable models (``core.changes``) and the session's end, once per process."""
    changes.watch(WATCH)
    for name, hook in (("after_commit", _after_commit), ("after_rollback", _after_rollback)):
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)


def head() -> int:
    """Return the highest outbox id visible now (0 for an empty log)."""
    return db.session.scalar(select(func.max(SearchOutbox.id))) or 0


def backlog(after: int) -> int:
    """Return how many outbox rows lie above an index's position."""
    query = select(func.count(SearchOutbox.id)).where(SearchOutbox.id > after)
    return db.session.scalar(query) or 0
