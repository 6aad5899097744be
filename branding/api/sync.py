"""The changes feed: what changed after a client's position, as items or tombstones.

The log is read through ``branding.core.changefeed``, which never skips a row, even one
whose transaction commits after a later one (its id stays a gap in the position until no
transaction can still hold it). Each item appears once per answer, at its latest change,
with its state when read: an item no longer public is a tombstone. A business's change
brings the items that show its fields: a business its products, a destination the events it
hosts, an area its destinations, events and businesses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, select

from branding.api.models import ApiChange
from branding.areas.models import Area
from branding.businesses.models import Business, Product
from branding.core import changefeed
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.search.sources import load_visible

LOG = cast(Table, ApiChange.__table__)


@dataclass
class Entry:
    kind: str
    item_id: int
    item: Any  # the public row, or None: a tombstone (or, for "all", a resync)


@dataclass
class Feed:
    entries: list[Entry]
    after: changefeed.Position
    more: bool


def changes_after(position: changefeed.Position, limit: int) -> Feed:
    """Return the items changed after a position, deduplicated, and the position after them."""
    batch = changefeed.read(db.session.connection(), LOG, position, limit)
    latest: dict[tuple[str, int], int] = {}
    for row in batch.rows:
        latest[(row.item_type, row.item_id)] = row.id
    children = _dependants(list(latest))
    later = _logged_after(batch.after.high, {(kind, child) for _, kind, child, _ in children})
    for parent, kind, child_id, parent_id in children:
        if (kind, child_id) in later and (kind, child_id) not in latest:
            continue  # its own later row brings it: no need to send it twice
        at = latest[(parent, parent_id)]
        latest[(kind, child_id)] = max(latest.get((kind, child_id), 0), at)
    ordered = sorted(latest, key=lambda key: (latest[key], key))
    loaded = _load(ordered)
    entries = [Entry(k, i, loaded.get(k, {}).get(i)) for k, i in ordered]
    return Feed(entries, batch.after, batch.more)


# What shows a parent's fields (its slug, its visibility, a venue's place): (child, column).
DEPENDANTS: dict[str, list[tuple[Any, str, str]]] = {
    "business": [(Product, "product", "business_id")],
    "destination": [(Event, "event", "destination_id")],
    "area": [
        (Destination, "destination", "area_id"),
        (Event, "event", "area_id"),
        (Business, "business", "area_id"),
    ],
}


def _dependants(keys: list[tuple[str, int]]) -> list[tuple[str, str, int, int]]:
    """Return (parent kind, child kind, child id, parent id) for the changed parents' children."""
    found = []
    for parent, children in DEPENDANTS.items():
        ids = [i for k, i in keys if k == parent]
        for model, kind, column in children if ids else []:
            query = select(model.id, getattr(model, column)).where(getattr(model, column).in_(ids))
            found += [(parent, kind, c, p) for c, p in db.session.execute(query.order_by(model.id))]
    return found


def _logged_after(high: int, keys: set[tuple[str, int]]) -> set[tuple[str, int]]:
    """Return those of the keys that have a log row above ``high`` (read later)."""
    if not keys:
        return set()
    kinds, ids = {k for k, _ in keys}, {i for _, i in keys}
    query = select(ApiChange.item_type, ApiChange.item_id).where(
        ApiChange.id > high, ApiChange.item_type.in_(kinds), ApiChange.item_id.in_(ids)
    )
    return {(k, i) for k, i in db.session.execute(query)} & keys


def _load(keys: list[tuple[str, int]]) -> dict[str, dict[int, Any]]:
    """Load the public rows among the keys: one query per kind (and its eager loads)."""
    by_kind: dict[str, list[int]] = {}
    for kind, item_id in keys:
        by_kind.setdefault(kind, []).append(item_id)
    loaded: dict[str, dict[int, Any]] = {}
    for kind, ids in by_kind.items():
        if kind == "area":
            rows = db.session.scalars(select(Area).where(Area.id.in_(ids)))
            loaded[kind] = {a.id: a for a in rows}
        elif kind != "all":
            loaded[kind] = load_visible(kind, ids)
    return loaded
