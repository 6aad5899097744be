"""The log of every change the open data may show, written in the change's transaction.

A watch of ``branding.core.changes`` on the rows the search outbox notes
(``search.outbox.changes_of``: an item, or a photo for its old and new item), flushed into
``api_changes`` on the flush's own connection, so the log commits or rolls back with the
change. A bulk ORM ``UPDATE``/``DELETE`` of content writes one ``("all", 0)`` row: clients
resynchronise everything.

The same flush notes, in ``api_exposures``, the changed items that are public after it (and
a business's public products): only an item noted there ever gets a tombstone. After a bulk
statement, every public item is noted before the commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, event, insert, literal, select, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from branding.api.models import ApiChange, ApiExposure
from branding.areas.models import Area
from branding.businesses.models import Product
from branding.core import changefeed, changes
from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.media.models import Photo
from branding.search.outbox import TRACKED, Change, changes_of
from branding.search.sources import KINDS

PENDING = "api_changes_pending"  # session.info: changes seen by this flush
BULK = "api_changes_bulk"  # session.info: a bulk statement changed content in this transaction


def _tracked(cls: type) -> bool:
    return cls in TRACKED or cls is Photo


def _expose_after_bulk(session: Session) -> None:
    if session.info.pop(BULK, False):
        connection = session.connection()
        for kind in ("area", *KINDS):
            _insert_exposures(connection, kind, public_ids(kind), utcnow())


def _forget(session: Session) -> None:
    session.info.pop(BULK, None)


def write_rows(session: Session, found: Iterable[Change]) -> None:
    """Insert change rows on the session's connection, inside its transaction."""
    found = sorted(found)
    if found:
        connection = session.connection()
        changefeed.claim_xid(connection)  # before the ids: see changefeed
        now = utcnow()  # after it, so the time is as close as can be to the id's
        rows = [{"item_type": k, "item_id": i, "created_at": now} for k, i in found]
        connection.execute(insert(ApiChange), rows)
        expose(connection, found, now)
        if ("all", 0) in found:  # a bulk statement: every public item, just before the commit
            session.info[BULK] = True


def public_ids(kind: str) -> Select:
    """Return a query for the ids of the public items of a kind (areas: every one)."""
    return select(Area.id) if kind == "area" else KINDS[kind].visible_ids()


def expose(connection: Connection, found: Iterable[Change], now: datetime) -> None:
    """Note which of the changed items are public now (a business: its products too)."""
    by_kind: dict[str, list[int]] = {}
    for kind, item_id in found:
        if kind != "all":
            by_kind.setdefault(kind, []).append(item_id)
    for kind, ids in by_kind.items():
        model = Area if kind == "area" else KINDS[kind].model
        _insert_exposures(connection, kind, public_ids(kind).where(model.id.in_(ids)), now)
    if "business" in by_kind:
        products = public_ids("product").where(Product.business_id.in_(by_kind["business"]))
        _insert_exposures(connection, "product", products, now)


def _insert_exposures(connection: Connection, kind: str, ids: Select, now: datetime) -> None:
    """Insert (kind, id) for each id the query selects, leaving those already there."""
    rows = ids.with_only_columns(literal(kind), *ids.selected_columns, literal(now, UTCDateTime()))
    rows = rows.where(true())  # SQLite parses INSERT … SELECT … ON CONFLICT only after a WHERE
    columns = ["item_type", "item_id", "first_public_at"]
    dialect = connection.dialect.name
    statement: Any
    if dialect in ("postgresql", "sqlite"):
        make = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = make(ApiExposure).from_select(columns, rows).on_conflict_do_nothing()
    else:
        known = select(ApiExposure.item_id).where(ApiExposure.item_type == kind)
        fresh = rows.where(ids.selected_columns[0].not_in(known))
        statement = insert(ApiExposure).from_select(columns, fresh)
    connection.execute(statement)


WATCH = changes.Watch(PENDING, _tracked, changes_of, write_rows)


def install() -> None:
    """Watch the content models (``core.changes``); expose all after a bulk statement."""
    changes.watch(WATCH)
    for name, hook in (("before_commit", _expose_after_bulk), ("after_rollback", _forget)):
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)
