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
from branding.events.models import EventCategory, EventStatus
from branding.events.venue import event_venue
from branding.extensions import db

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


def _located(model: type[Located], category: StrEnum | None, area: Area | None) -> Select[Located]:
    """Return a query for the public items of a kind with coordinates, by category and area."""
    query = select(model).where(
        model.is_public, model.latitude.is_not(None), model.longitude.is_not(None)
    )
    if category:
        query = query.where(model.category == category)
    if area:
        query = query.where(model.area_id == area.id)
    return query


def _destinations(category: StrEnum | None, area: Area | None) -> list[Place]:
    query = _located(Destination, category, area)
    lang = current_language()
    return [
        Place(
            "destination",
            d.id,
            d.name.resolve(lang),
            str(DESTINATION_CATEGORIES[d.category]),
            url_for("destinations.detail", slug=d.slug, _external=True),
            cast(float, d.latitude),  # _located() keeps only items with coordinates
            cast(float, d.longitude),
            d.summary.resolve(lang),
        )
        for d in db.session.scalars(query.order_by(Destination.slug))
    ]


def _businesses(category: StrEnum | None, area: Area | None) -> list[Place]:
    query = _located(Business, category, area)
    lang = current_language()
    return [
        Place(
            "business",
            b.id,
            Localized(b.name, lang, False),
            str(BUSINESS_CATEGORIES[b.category]),
            url_for("businesses.detail", slug=b.slug, _external=True),
            cast(float, b.latitude),  # _located() keeps only items with coordinates
            cast(float, b.longitude),
            b.summary.resolve(lang),
        )
        for b in db.session.scalars(query.order_by(Business.name, Business.id))
    ]


def _events(category: EventCategory | None, area: Area | None, now: datetime) -> list[Place]:
    lang, found = current_language(), []
    for upcoming in events.upcoming_events(now, category):
        event, venue = upcoming.event, event_venue(upcoming.event, lang)
        if event.event_status == EventStatus.CANCELLED:
            continue
        if venue.latitude is None or venue.longitude is None:  # nowhere to put it on the map
            continue
        if area and event.area_id != area.id:
            continue
        when = event_when(upcoming.starts_at, upcoming.ends_at, event.all_day, lang)
        found.append(
            Place(
                "event",
                event.id,
                event.title.resolve(lang),
                str(EVENT_CATEGORIES[event.category]),
                url_for("events.detail", slug=event.slug, _external=True),
                venue.latitude,
                venue.longitude,
                event.summary.resolve(lang),
                when,
            )
        )
    return found


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
