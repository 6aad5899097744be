"""Which places the map shows, and the same places as GeoJSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypedDict, TypeVar, cast

from flask import url_for
from sqlalchemy import Select, select

from branding.areas.models import Area
from branding.businesses.labels import CATEGORY_LABELS as BUSINESS_CATEGORIES
from branding.businesses.models import Business, BusinessCategory
from branding.core.content.columns import Localized
from branding.core.i18n import current_language
from branding.core.i18n.formatting import event_when
from branding.destinations.labels import CATEGORY_LABELS as DESTINATION_CATEGORIES
from branding.destinations.models import Destination, DestinationCategory
from branding.events import services as events
from branding.events.labels import CATEGORY_LABELS as EVENT_CATEGORIES
from branding.events.models import Event, EventCategory, EventStatus
from branding.events.venue import event_venue
from branding.extensions import db
from branding.maps.clusters import MAX_ZOOM, Box, Cluster, cluster_within

MAX_FEATURES = 500  # features in one clustered answer

Located = TypeVar("Located", Destination, Business)
KINDS: dict[str, type[StrEnum]] = {
    "destination": DestinationCategory,
    "business": BusinessCategory,
    "event": EventCategory,
}


class MapArgs(TypedDict, total=False):
    """A map filter as query-string arguments: those the visitor gave."""

    type: str
    category: str
    area: str


@dataclass(frozen=True)
class MapFilter:
    """What the visitor asked to see: a kind of place, a category, an area."""

    kind: str | None = None
    category: str | None = None
    area: Area | None = None

    def category_of(self, kind: str) -> tuple[bool, StrEnum | None]:
        """Tell whether a kind is shown and with which category (categories differ by kind)."""
        if self.kind and self.kind != kind:
            return False, None
        if not self.category:
            return True, None
        try:
            return True, KINDS[kind](self.category)
        except ValueError:
            return False, None

    def args(self) -> MapArgs:
        """Return the filter as query-string arguments."""
        area = self.area.slug if self.area else None
        values = {"type": self.kind, "category": self.category, "area": area}
        return cast(MapArgs, {k: v for k, v in values.items() if v})


@dataclass(frozen=True)
class Place:
    """Something with coordinates to show on the map and in the list beside it."""

    kind: str
    id: int
    name: Localized
    category: str
    url: str
    latitude: float
    longitude: float
    summary: Localized
    when: str = ""


def located(
    model: type[Located], category: StrEnum | None, area: Area | None, ids: list[int] | None = None
) -> Select[Located]:
    """Return a query for the public items of a kind with coordinates, by category and area."""
    query = select(model).where(
        model.is_public, model.latitude.is_not(None), model.longitude.is_not(None)
    )
    if ids is not None:
        query = query.where(model.id.in_(ids))
    if category:
        query = query.where(model.category == category)
    if area:
        query = query.where(model.area_id == area.id)
    return query


def _destination_place(d: Destination, lang: str) -> Place:
    return Place(
        "destination",
        d.id,
        d.name.resolve(lang),
        str(DESTINATION_CATEGORIES[d.category]),
        url_for("destinations.detail", slug=d.slug, _external=True),
        cast(float, d.latitude),  # located() keeps only items with coordinates
        cast(float, d.longitude),
        d.summary.resolve(lang),
    )


def _business_place(b: Business, lang: str) -> Place:
    return Place(
        "business",
        b.id,
        Localized(b.name, lang, False),
        str(BUSINESS_CATEGORIES[b.category]),
        url_for("businesses.detail", slug=b.slug, _external=True),
        cast(float, b.latitude),  # located() keeps only items with coordinates
        cast(float, b.longitude),
        b.summary.resolve(lang),
    )


def _destinations(
    category: StrEnum | None, area: Area | None, ids: list[int] | None = None
) -> list[Place]:
    query = located(Destination, category, area, ids).order_by(Destination.slug)
    lang = current_language()
    return [_destination_place(d, lang) for d in db.session.scalars(query)]


def _businesses(
    category: StrEnum | None, area: Area | None, ids: list[int] | None = None
) -> list[Place]:
    query = located(Business, category, area, ids).order_by(Business.name, Business.id)
    lang = current_language()
    return [_business_place(b, lang) for b in db.session.scalars(query)]


def located_places(kind: str, filters: MapFilter, offset: int, limit: int) -> list[Place]:
    """Return a slice of the destinations or businesses a filter shows, in the list's order."""
    lang, (_shown, category) = current_language(), filters.category_of(kind)
    if kind == "destination":
        query = located(Destination, category, filters.area).order_by(Destination.slug)
        return [
            _destination_place(d, lang)
            for d in db.session.scalars(query.offset(offset).limit(limit))
        ]
    businesses = located(Business, category, filters.area).order_by(Business.name, Business.id)
    return [
        _business_place(b, lang) for b in db.session.scalars(businesses.offset(offset).limit(limit))
    ]


def event_places(found: list[tuple[Event, datetime, datetime]]) -> list[Place]:
    """Return events at their next dates as places; those without a place are left out."""
    lang, shown = current_language(), []
    for event, starts_at, ends_at in found:
        venue = event_venue(event, lang)
        if venue.latitude is None or venue.longitude is None:  # nowhere to put it on the map
            continue
        shown.append(
            Place(
                "event",
                event.id,
                event.title.resolve(lang),
                str(EVENT_CATEGORIES[event.category]),
                url_for("events.detail", slug=event.slug, _external=True),
                venue.latitude,
                venue.longitude,
                event.summary.resolve(lang),
                event_when(starts_at, ends_at, event.all_day, lang),
            )
        )
    return shown


def _events(
    category: EventCategory | None, area: Area | None, now: datetime, ids: list[int] | None = None
) -> list[Place]:
    if ids is None:
        soon = events.upcoming_events(now, category)
    else:
        loaded = events.published_by_id(ids).values()
        soon = [u for u in (events.next_occurrence(e, now) for e in loaded) if u]
    return event_places(
        [
            (u.event, u.starts_at, u.ends_at)
            for u in soon
            if u.event.event_status != EventStatus.CANCELLED
            and not (area and u.event.area_id != area.id)
        ]
    )


def places(filters: MapFilter, now: datetime) -> list[Place]:
    """Return the places to show: destinations, then businesses, then upcoming events."""
    found: list[Place] = []
    for kind, loader in (("destination", _destinations), ("business", _businesses)):
        shown, category = filters.category_of(kind)
        if shown:
            found += loader(category, filters.area)
    shown, category = filters.category_of("event")
    if shown:
        found += _events(cast("EventCategory | None", category), filters.area, now)
    return found


def feature_collection(found: list[Place]) -> dict:
    """Return places as a GeoJSON FeatureCollection (coordinates are longitude, latitude)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": f"{p.kind}-{p.id}",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(p.longitude, 6), round(p.latitude, 6)],
                },
                "properties": {
                    "kind": p.kind,
                    "name": str(p.name),
                    "category": p.category,
                    "url": p.url,
                    "summary": str(p.summary),
                    "when": p.when,
                },
            }
            for p in found
        ],
    }


def _points(filters: MapFilter, now: datetime, box: Box | None) -> list[tuple]:
    """Return ``((kind, id), latitude, longitude)`` of every place shown, read as columns."""
    found: list[tuple] = []
    for kind, model in (("destination", Destination), ("business", Business)):
        shown, category = filters.category_of(kind)
        if not shown:
            continue
        query = select(model.id, model.latitude, model.longitude).where(
            model.is_public, model.latitude.is_not(None), model.longitude.is_not(None)
        )
        if category:
            query = query.where(model.category == category)
        if filters.area:
            query = query.where(model.area_id == filters.area.id)
        if box:
            query = query.where(model.latitude.between(box.south, box.north))
            query = query.where(model.longitude.between(box.west, box.east))
        found += [((kind, i), lat, lon) for i, lat, lon in db.session.execute(query)]
    shown, category = filters.category_of("event")
    if shown:
        located = events.located_not_over_query(
            now, cast("EventCategory | None", category), filters.area
        ).subquery()
        inside = select(located.c.id, located.c.latitude, located.c.longitude)
        if box:  # in SQL: the events outside the box are never read
            inside = inside.where(located.c.latitude.between(box.south, box.north))
            inside = inside.where(located.c.longitude.between(box.west, box.east))
        found += [(("event", i), lat, lon) for i, lat, lon in db.session.execute(inside)]
    return found


def _details(keys: list[tuple], now: datetime) -> dict[tuple, Place]:
    """Return the places for these ``(kind, id)`` keys, a few queries a kind."""
    wanted: dict[str, list[int]] = {"destination": [], "business": [], "event": []}
    for kind, item_id in keys:
        wanted[kind].append(item_id)
    found = _destinations(None, None, wanted["destination"]) if wanted["destination"] else []
    found += _businesses(None, None, wanted["business"]) if wanted["business"] else []
    found += _events(None, None, now, wanted["event"]) if wanted["event"] else []
    return {(p.kind, p.id): p for p in found}


def clustered_collection(
    filters: MapFilter, now: datetime, box: Box | None, zoom: int | None
) -> dict:
    """Return the places (in a box, if given) as GeoJSON, gathered into clusters if they crowd.

    Up to MAX_FEATURES places come as they are, in the order of ``places``; past that, they
    are gathered on a grid at the zoom level asked (or the finest), and at lower levels until
    at most MAX_FEATURES features remain.
    """
    points = _points(filters, now, box)
    if len(points) <= MAX_FEATURES and zoom is None:
        if box is None:  # a few places in all: as the map's list orders them
            return {**feature_collection(places(filters, now)), "zoom": MAX_ZOOM}
        details = _details([key for key, _, _ in points], now)
        shown = [details[key] for key, _, _ in points if key in details]
        return {**feature_collection(shown), "zoom": MAX_ZOOM}
    clusters, level = cluster_within(points, MAX_ZOOM if zoom is None else zoom, MAX_FEATURES)
    details = _details([c.first for c in clusters if c.count == 1], now)
    features = feature_collection([details[c.first] for c in clusters if c.first in details])
    for c in clusters:
        if c.count > 1 or c.first not in details:
            features["features"].append(_cluster_feature(c))
    features["zoom"] = level
    return features


def _cluster_feature(found: Cluster) -> dict:
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(found.longitude, 6), round(found.latitude, 6)],
        },
        "properties": {"cluster": True, "count": found.count},
    }
