"""The changes feed: what changed after a client's position, as items or tombstones.

The log is read through ``branding.core.changefeed``, which never skips a row, even one
whose transaction commits after a later one (its id stays a gap in the position until no
transaction can still hold it). Each item appears once per answer, at its latest change,
with its state when read: an item no longer public is a tombstone. A business's change
brings its products (their visibility follows the business's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, select

from branding.api.models import ApiChange
from branding.areas.models import Area
from branding.businesses.models import Product
from branding.core import changefeed
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
    businesses = [i for (k, i) in latest if k == "business"]
    for product_id, business_id in _products_of(businesses):
        at = latest[("business", business_id)]
        latest[("product", product_id)] = max(latest.get(("product", product_id), 0), at)
    ordered = sorted(latest, key=lambda key: (latest[key], key))
    loaded = _load(ordered)
    entries = [Entry(k, i, loaded.get(k, {}).get(i)) for k, i in ordered]
    return Feed(entries, batch.after, batch.more)


def _products_of(business_ids: list[int]) -> list[tuple[int, int]]:
    if not business_ids:
        return []
    query = select(Product.id, Product.business_id).where(Product.business_id.in_(business_ids))
    return [(p, b) for p, b in db.session.execute(query.order_by(Product.id))]


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
