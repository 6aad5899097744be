"""The database search used while the index is missing, locked or broken.

Plain ``LIKE`` on names (any language), every word required: slower and less
clever than the index, but portable between SQLite and PostgreSQL and always
there. Its pages look like index pages: ranked pairs, a total, counts per type.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import String, and_, cast, or_

from branding.businesses.models import Business, Product
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.search.filters import Filters
from branding.search.query import IndexResult
from branding.search.schema import TYPES
from branding.search.sources import KINDS

LIMIT = 200  # items per type a degraded search looks at
NAMES = {
    "destination": Destination.name,
    "event": Event.title,
    "business": Business.name,
    "product": Product.name,
}


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)


def _event_conditions(filters: Filters) -> list:
    """Return SQL conditions for the event-only filters (series by their whole span)."""
    if filters.kind != "event":
        return []
    conditions = []
    for after in (filters.now if filters.upcoming else None, filters.ends_after):
        if after is not None:
            one_off = and_(Event.recurrence_rule.is_(None), Event.ends_at >= _aware(after))
            running = and_(
                Event.recurrence_rule.is_not(None),
                or_(Event.recurrence_until.is_(None), Event.recurrence_until >= _aware(after)),
            )
            conditions.append(or_(one_off, running))
    if filters.starts_before is not None:
        conditions.append(Event.starts_at <= _aware(filters.starts_before))
    return conditions


def _ids(kind: str, words: list[str], filters: Filters, narrow: bool) -> list[int]:
    """Return ids of public items of a kind whose name has every word."""
    model, name = KINDS[kind].model, NAMES[kind]
    query = KINDS[kind].visible_ids()
    text = cast(name, String) if kind != "business" else name
    for word in words:  # words are letters and digits only: nothing to escape
        query = query.where(text.ilike(f"%{word}%"))
    area_column = Business.area_id if kind == "product" else model.area_id
    if filters.area_id:
        query = query.where(area_column == filters.area_id)
    if narrow and filters.category:
        column = Business.category if kind == "product" else model.category
        query = query.where(column == filters.category)
    if narrow:
        query = query.where(*_event_conditions(filters))
    return list(db.session.scalars(query.order_by(model.id).limit(LIMIT)))


def search_database(words: list[str], filters: Filters, page: int, per_page: int) -> IndexResult:
    """Find public items whose name contains every word, with counts per type."""
    found = {kind: _ids(kind, words, filters, narrow=False) for kind in TYPES}
    counts = {kind: len(ids) for kind, ids in found.items()}
    if filters.kind and not filters.only_kind():
        found[filters.kind] = _ids(filters.kind, words, filters, narrow=True)
    chosen = [filters.kind] if filters.kind else list(TYPES)
    pairs = [(kind, item_id) for kind in chosen for item_id in found[kind]]
    start = (page - 1) * per_page
    return IndexResult(hits=pairs[start : start + per_page], total=len(pairs), counts=counts)
