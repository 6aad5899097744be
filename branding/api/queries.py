"""The lists' queries: each feature's public rule (``search.sources.KINDS``), filters, paging.

Lists are in id order, so a cursor (the last id given) pages stably while items are added.
``near`` narrows in SQL to a box around the point, then keeps those within the radius;
``q`` asks the search service for the matching ids (its best ``SEARCH_HITS``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from branding.api.errors import InvalidParameter
from branding.api.params import EventQuery, ListQuery, ProductQuery
from branding.areas.models import Area
from branding.areas.services import get_area
from branding.businesses.models import Business, Product
from branding.core.i18n.formatting import WIB
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.events.services import may_take_place_between
from branding.extensions import db
from branding.search.params import SearchParams
from branding.search.query import words_of
from branding.search.services import find
from branding.search.sources import KINDS

SEARCH_HITS = 200
EARTH_KM = 6371.0


@dataclass
class Found:
    """A page of items and the id to continue after (None: the last page)."""

    items: list[Any]
    after: int | None


def list_areas(after: int, limit: int) -> Found:
    """Return a page of areas after an id."""
    query = select(Area).where(Area.id > after).order_by(Area.id).limit(limit + 1)
    return _page(list(db.session.scalars(query)), limit)


def get_area_by(item_id: int | None = None, slug: str | None = None) -> Area | None:
    """Return an area by id or slug."""
    query = select(Area).where(Area.id == item_id if slug is None else Area.slug == slug)
    return db.session.scalar(query)


def get_item(kind: str, item_id: int | None = None, slug: str | None = None) -> Any:
    """Return a public item by id or slug, or None."""
    model = KINDS[kind].model
    where = model.id == item_id if slug is None else model.slug == slug
    return db.session.scalar(KINDS[kind].visible().where(where))


def list_items(kind: str, params: ListQuery, after: int) -> Found:
    """Return a page of public items of a kind after an id, filtered."""
    model = KINDS[kind].model
    query = KINDS[kind].visible().where(model.id > after)
    query = _filtered(kind, query, params)
    point = params.point()
    if point is not None:
        query = _near(kind, query, point, params.radius_km)
    query = query.order_by(model.id).limit(params.limit + 1)
    rows = list(db.session.scalars(query))
    found = _page(rows, params.limit)
    if point is not None:
        found.items = [i for i in found.items if _within(_place(kind, i), point, params.radius_km)]
    return found


def _page(rows: list[Any], limit: int) -> Found:
    more = len(rows) > limit
    rows = rows[:limit]
    return Found(rows, rows[-1].id if more else None)


def _filtered(kind: str, query: Select, params: ListQuery) -> Select:
    model = KINDS[kind].model
    category = getattr(params, "category", None)
    if category is not None:
        query = query.where((Business if kind == "product" else model).category == category)
    if params.area:
        area = get_area(params.area)
        if area is None:
            raise InvalidParameter("unknown_area", f"No area has the slug {params.area!r}.")
        query = query.where((Business if kind == "product" else model).area_id == area.id)
    if isinstance(params, ProductQuery) and params.business is not None:
        query = query.where(Product.business_id == params.business)
    if isinstance(params, EventQuery):
        query = _dated(query, params)
    if params.q:
        query = query.where(model.id.in_(search_ids(kind, params.q, params.language or "id")))
    return query


def event_window(params: EventQuery) -> tuple[datetime, datetime] | None:
    """Return the UTC moments a date range covers (WIB days, the last one whole), if any."""
    first, last = params.date_from, params.date_to
    if first is None and last is None:
        return None
    if first and last and first > last:
        raise InvalidParameter("invalid_date_range", "from must not be after to.")
    start = _moment(first) if first else datetime(1900, 1, 1, tzinfo=UTC)
    end = _moment(last) + timedelta(days=1) if last else datetime(2200, 1, 1, tzinfo=UTC)
    return start, end


def _moment(day: Any) -> datetime:
    return datetime.combine(day, time(), WIB).astimezone(UTC)


def _dated(query: Select, params: EventQuery) -> Select:
    window = event_window(params)
    return query if window is None else query.where(may_take_place_between(*window))


def search_ids(kind: str, text: str, lang: str) -> list[int]:
    """Return the ids of the public items of a kind the search service finds for words."""
    words = words_of(text)
    if not words:
        raise InvalidParameter("invalid_query", "q holds no word to search for.")
    params = SearchParams(text, lang, kind=kind, page=1, per_page=SEARCH_HITS, words=words)
    found, _degraded = find(params)
    return [item_id for hit_kind, item_id in found.hits if hit_kind == kind]


def _near(kind: str, query: Select, point: tuple[float, float], radius_km: float) -> Select:
    """Keep the items inside a box around the circle (an event at a venue: the venue's)."""
    lat: Any
    lon: Any
    if kind == "event":  # an event without coordinates of its own is where its venue is
        venue = aliased(Destination)
        query = query.outerjoin(venue, (Event.destination_id == venue.id) & venue.is_public)
        lat = func.coalesce(Event.latitude, venue.latitude)
        lon = func.coalesce(Event.longitude, venue.longitude)
    else:
        model = Business if kind == "product" else KINDS[kind].model
        lat, lon = model.latitude, model.longitude
    return query.where(*_box(lat, lon, point, radius_km))


def _place(kind: str, item: Any) -> Any:
    if kind == "product":
        return item.business
    if kind == "event" and item.latitude is None and item.destination is not None:
        return item.destination
    return item


def _box(lat_column: Any, lon_column: Any, point: tuple[float, float], radius_km: float) -> list:
    """Return conditions for a box around the point holding the circle (fast, inexact)."""
    lat, lon = point
    d_lat = math.degrees(radius_km / EARTH_KM)
    d_lon = math.degrees(radius_km / (EARTH_KM * max(math.cos(math.radians(lat)), 0.01)))
    return [
        lat_column.between(lat - d_lat, lat + d_lat),
        lon_column.between(lon - d_lon, lon + d_lon),
    ]


def _within(item: Any, point: tuple[float, float], radius_km: float) -> bool:
    """Tell whether an item lies within the radius (haversine)."""
    if item.latitude is None or item.longitude is None:
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (*point, item.latitude, item.longitude))
    a = math.sin((lat2 - lat1) / 2) ** 2
    a += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a))) <= radius_km
