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

from sqlalchemy import Integer, Select, func, null, select, union_all
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import joinedload

from branding.businesses.models import Business
from branding.core.web.paging import Pager
from branding.destinations.models import Destination
from branding.events import schedule
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
class PlacePage(Pager):
    """One page of the map's list: its places, how many match in all, and their bounds."""

    items: list[Place]
    page: int
    per_page: int
    total: int
    bounds: Bounds | None

    @property
    def pages(self) -> int:
        return math.ceil(self.total / self.per_page)


def _extent(places) -> tuple:
    """Return the south, west, north and east bounds of a subquery's latitude and longitude."""
    latitude, longitude = places.c.latitude, places.c.longitude
    return func.min(latitude), func.min(longitude), func.max(latitude), func.max(longitude)


def _summary(
    model: type[Destination] | type[Business], filters: MapFilter, kind: str
) -> tuple[int, Bounds | None]:
    """Return how many places of a kind match, and their bounds, in one aggregate query."""
    _shown, category = filters.category_of(kind)
    matching = services.located(cast(Any, model), category, filters.area).subquery()
    row = db.session.execute(select(func.count(), *_extent(matching)).select_from(matching)).one()
    count, south, west, north, east = row
    return count, (Bounds(south, west, north, east) if count else None)


def _event_slice(
    filters: MapFilter, now: datetime, offset: int, limit: int
) -> tuple[int, Bounds | None, list[tuple[int, datetime, datetime]]]:
    """Return how many upcoming events with a place match, their bounds, and (id, start, end)
    of a slice of them soonest first: only the one-off events up to the slice's end are read,
    and the ids of the running series (their dates come from the schedule a process keeps)."""
    _shown, category = filters.category_of("event")
    kind = cast("EventCategory | None", category)
    located = events.located_not_over_query(now, kind, filters.area).subquery()
    one_off = Event.recurrence_rule.is_(None)
    joined = located.join(Event, Event.id == located.c.id)
    count, south, west, north, east = db.session.execute(
        select(func.count(Event.id).filter(one_off), *_extent(located)).select_from(joined)
    ).one()
    first = select(Event.id, Event.starts_at, Event.ends_at).select_from(joined).where(one_off)
    soonest = first.order_by(Event.starts_at, Event.id).limit(offset + limit).subquery()
    series = select(located.c.id, null(), null()).select_from(joined).where(~one_off)
    times, ids = [], set()  # one query: the soonest one-off events, and the series' ids
    for i, starts, ends in db.session.execute(union_all(select(*soonest.c), series)):
        if starts is None:
            ids.add(i)
        else:
            times.append((i, starts, ends))
    running = [
        (s.id, starts, starts + s.duration)
        for starts, s in schedule.next_series(now, kind, cancelled=False)
        if s.id in ids
    ]
    times = sorted(times + running, key=lambda t: (t[1], t[0]))[offset : offset + limit]
    bounds = None if south is None else Bounds(south, west, north, east)
    return count + len(running), bounds, times


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
        offset = max(start - total, 0)
        count, found, times = _event_slice(filters, now, offset, max(end - total - offset, 0))
        items += _event_places(times)
        total += count
        bounds = found.joined(bounds) if found else bounds
    return PlacePage(items, page, per_page, total, bounds)


def _grid(matching: Any, bounds: Bounds) -> Select:
    """Return one point a grid cell over the bounds of a query's latitude and longitude."""
    span = max(bounds.north - bounds.south, bounds.east - bounds.west) or 1.0
    cell = span / SKETCH_CELLS
    row = sql_cast((matching.c.latitude - bounds.south) / cell, Integer)
    column = sql_cast((matching.c.longitude - bounds.west) / cell, Integer)
    query = select(func.min(matching.c.latitude), func.min(matching.c.longitude))
    return query.group_by(row, column)


def sketch_pins(filters: MapFilter, now: datetime) -> list[Pin]:
    """Return the pins of the sketch: one a small grid cell a kind, gathered in SQL."""
    pins: list[Pin] = []
    for kind, model in MODELS:
        shown, category = filters.category_of(kind)
        if not shown:
            continue
        _count, bounds = _summary(model, filters, kind)
        if bounds:
            matching = services.located(cast(Any, model), category, filters.area).subquery()
            pins += [
                Pin(kind, lat, lon) for lat, lon in db.session.execute(_grid(matching, bounds))
            ]
    shown, category = filters.category_of("event")
    if shown:
        located = events.located_not_over_query(
            now, cast("EventCategory | None", category), filters.area
        ).subquery()
        bounds = _bounds_of(located)
        if bounds:
            pins += [
                Pin("event", lat, lon) for lat, lon in db.session.execute(_grid(located, bounds))
            ]
    return pins


def _bounds_of(matching: Any) -> Bounds | None:
    """Return the bounds of a query's latitude and longitude, in one aggregate query."""
    south, west, north, east = db.session.execute(
        select(
            func.min(matching.c.latitude),
            func.min(matching.c.longitude),
            func.max(matching.c.latitude),
            func.max(matching.c.longitude),
        )
    ).one()
    return None if south is None else Bounds(south, west, north, east)
