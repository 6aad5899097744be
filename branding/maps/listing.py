"""The map page's list, a page at a time, with how many places match and where they lie.

The places keep one order: destinations by slug, businesses by name, then upcoming events
soonest first. A page reads the counts and bounds of each kind with one aggregate query, then
only its own rows; the sketch reads one row per small cell of a grid over those bounds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Integer, func, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import joinedload

from branding.businesses.models import Business
from branding.destinations.models import Destination
from branding.events import services as events
from branding.events.models import Event, EventCategory
from branding.extensions import db
from branding.maps import services
from branding.maps.services import MapFilter, Place

PER_PAGE = 50
MODELS: tuple[tuple[str, type[Destination] | type[Business]], ...] = (
    ("destination", Destination),
    ("business", Business),
)
SKETCH_CELLS = 80  # the sketch reads at most this many cells a side per kind


@dataclass(frozen=True)
class Bounds:
    """The box around a set of places, in degrees."""

    south: float
    west: float
    north: float
    east: float

    def joined(self, other: Bounds | None) -> Bounds:
        """Return the box around both."""
        if other is None:
            return self
        return Bounds(
            min(self.south, other.south),
            min(self.west, other.west),
            max(self.north, other.north),
            max(self.east, other.east),
        )


class Pin(NamedTuple):
    """One pin of the sketch: a kind of place and where it is."""

    kind: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class PlacePage:
    """One page of the map's list: its places, how many match in all, and their bounds."""

    items: list[Place]
    page: int
    per_page: int
    total: int
    bounds: Bounds | None

    @property
    def pages(self) -> int:
        return math.ceil(self.total / self.per_page)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


def _summary(
    model: type[Destination] | type[Business], filters: MapFilter, kind: str
) -> tuple[int, Bounds | None]:
    """Return how many places of a kind match, and their bounds, in one aggregate query."""
    _shown, category = filters.category_of(kind)
    matching = services.located(cast(Any, model), category, filters.area).subquery()
    row = db.session.execute(
        select(
            func.count(),
            func.min(matching.c.latitude),
            func.min(matching.c.longitude),
            func.max(matching.c.latitude),
            func.max(matching.c.longitude),
        ).select_from(matching)
    ).one()
    count, south, west, north, east = row
    return count, (Bounds(south, west, north, east) if count else None)


def _located_events(
    filters: MapFilter, now: datetime
) -> tuple[list[tuple[int, datetime, datetime]], Bounds | None]:
    """Return (id, start, end) of the upcoming events with a place, soonest first, as
    columns, and their bounds."""
    spots = _event_spots(filters, now)
    _shown, category = filters.category_of("event")
    times = events.upcoming_times(now, cast("EventCategory | None", category))
    where = {i for i, _, _ in spots}
    if not spots:
        return [], None
    lats, lons = [lat for _, lat, _ in spots], [lon for _, _, lon in spots]
    bounds = Bounds(min(lats), min(lons), max(lats), max(lons))
    return [(i, starts, ends) for i, starts, ends in times if i in where], bounds


def _event_places(times: list[tuple[int, datetime, datetime]]) -> list[Place]:
    """Return these events as places, in the order given, with one query."""
    query = (
        select(Event)
        .where(Event.id.in_([i for i, _, _ in times]))
        .options(joinedload(Event.area), joinedload(Event.destination))
    )
    loaded = {e.id: e for e in db.session.scalars(query).unique()}
    return services.event_places([(loaded[i], s, e) for i, s, e in times if i in loaded])


def place_page(filters: MapFilter, now: datetime, page: int, per_page: int = PER_PAGE) -> PlacePage:
    """Return one page of the places a filter shows, with their number and bounds."""
    start, end = (page - 1) * per_page, page * per_page
    items: list[Place] = []
    total, bounds = 0, None
    for kind, model in MODELS:
        if not filters.category_of(kind)[0]:
            continue
        count, found = _summary(model, filters, kind)
        offset = max(start - total, 0)
        limit = max(min(end - total, count) - offset, 0)
        items += services.located_places(kind, filters, offset, limit)
        total += count
        bounds = found.joined(bounds) if found else bounds
    if filters.category_of("event")[0]:
        times, found = _located_events(filters, now)
        offset = max(start - total, 0)
        items += _event_places(times[offset : max(end - total, 0)])
        total += len(times)
        bounds = found.joined(bounds) if found else bounds
    return PlacePage(items, page, per_page, total, bounds)


def _event_spots(filters: MapFilter, now: datetime) -> list[tuple[int, float, float]]:
    _shown, category = filters.category_of("event")
    return events.located_not_over(now, cast("EventCategory | None", category), filters.area)


def sketch_pins(filters: MapFilter, now: datetime) -> list[Pin]:
    """Return the pins of the sketch: one a small grid cell a kind, gathered in SQL."""
    pins: list[Pin] = []
    for kind, model in MODELS:
        shown, category = filters.category_of(kind)
        if not shown:
            continue
        _count, bounds = _summary(model, filters, kind)
        if not bounds:
            continue
        span = max(bounds.north - bounds.south, bounds.east - bounds.west) or 1.0
        cell = span / SKETCH_CELLS
        matching = services.located(cast(Any, model), category, filters.area).subquery()
        row = sql_cast((matching.c.latitude - bounds.south) / cell, Integer)
        column = sql_cast((matching.c.longitude - bounds.west) / cell, Integer)
        query = select(func.min(matching.c.latitude), func.min(matching.c.longitude))
        query = query.group_by(row, column)
        pins += [Pin(kind, lat, lon) for lat, lon in db.session.execute(query)]
    if filters.category_of("event")[0]:
        pins += [Pin("event", lat, lon) for _i, lat, lon in _event_spots(filters, now)]
    return pins
