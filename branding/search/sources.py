"""What is searchable, and loading it from the database by id.

Only published destinations and events, approved businesses and the approved
products of approved businesses are searchable. The same rules decide what the
indexer writes and what a result page shows, so a stale document never reveals
an item that is no longer public.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from branding.businesses.models import Business, Product
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db

CHUNK = 500


@dataclass(frozen=True)
class Kind:
    """One type of searchable item: its model, what makes it public, what pages show."""

    name: str
    model: Any
    public: Callable[[Select], Select]
    options: Callable[[], tuple]

    def visible(self) -> Select:
        """Return a query for the public items of this kind, with what pages show."""
        return self.public(select(self.model)).options(*self.options())

    def visible_ids(self) -> Select:
        """Return a query for the ids of the public items of this kind."""
        return self.public(select(self.model.id))


def _published(model: Any) -> Callable[[Select], Select]:
    return lambda query: query.where(model.is_public)


def _approved_business(query: Select) -> Select:
    return query.where(Business.is_public)


def _approved_product(query: Select) -> Select:
    return query.join(Product.business).where(
        Product.is_public,
        Business.is_public,
    )


KINDS: dict[str, Kind] = {
    "destination": Kind(
        "destination",
        Destination,
        _published(Destination),
        lambda: (joinedload(Destination.area), selectinload(Destination.photos)),
    ),
    "event": Kind(
        "event",
        Event,
        _published(Event),
        lambda: (
            joinedload(Event.area),
            joinedload(Event.destination),
            selectinload(Event.photos),
        ),
    ),
    "business": Kind(
        "business",
        Business,
        _approved_business,
        lambda: (joinedload(Business.area), selectinload(Business.photos)),
    ),
    "product": Kind(
        "product",
        Product,
        _approved_product,
        lambda: (
            joinedload(Product.business).joinedload(Business.area),
            selectinload(Product.photos),
        ),
    ),
}


def load_visible(kind: str, ids: Iterable[int]) -> dict[int, Any]:
    """Return the public items of a kind among ``ids``, by id."""
    model, wanted = KINDS[kind].model, sorted(set(ids))
    found: dict[int, Any] = {}
    for start in range(0, len(wanted), CHUNK):
        query = KINDS[kind].visible().where(model.id.in_(wanted[start : start + CHUNK]))
        found.update((item.id, item) for item in db.session.scalars(query))
    return found


def visible_ids(kind: str, **where: int) -> list[int]:
    """Return the ids of the public items of a kind, optionally by column value."""
    model = KINDS[kind].model
    query = KINDS[kind].visible_ids().order_by(model.id)
    for column, value in where.items():
        query = query.where(getattr(model, column) == value)
    return list(db.session.scalars(query))


def iter_visible(kind: str) -> Iterator[Any]:
    """Yield every public item of a kind, loading them a chunk at a time."""
    ids = visible_ids(kind)
    for start in range(0, len(ids), CHUNK):
        chunk = load_visible(kind, ids[start : start + CHUNK])
        yield from chunk.values()
