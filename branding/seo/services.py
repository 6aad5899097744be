"""What the sitemap and the Atom feeds list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from branding.areas.models import Area
from branding.businesses.models import Business
from branding.destinations.models import Destination
from branding.events import services as events
from branding.events.models import Event
from branding.extensions import db

# List pages in every language, in the order a visitor meets them.
LIST_PAGES = (
    "site.home",
    "destinations.index",
    "events.index",
    "calendar.month",
    "calendar.agenda",
    "events.past",
    "businesses.index",
    "areas.index",
    "maps.index",
)


@dataclass(frozen=True)
class Page:
    """A page of the site, to be listed once per language."""

    endpoint: str
    values: dict = field(default_factory=dict)
    lastmod: datetime | None = None


# The detail pages, in the sitemap's order: endpoint, model, who sees it.
SECTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("areas.detail", Area, None),
    ("destinations.detail", Destination, Destination.is_public),
    ("events.detail", Event, Event.is_public),
    ("businesses.detail", Business, Business.is_public),
)


def section_sizes() -> list[int]:
    """Return how many pages each section of details has, in one query."""
    counts = []
    for _, model, condition in SECTIONS:
        query = select(func.count()).select_from(model)
        counts.append((query if condition is None else query.where(condition)).scalar_subquery())
    return list(db.session.execute(select(*counts)).one())


def sitemap_pages(
    start: int = 0, stop: int | None = None, sizes: list[int] | None = None
) -> list[Page]:
    """Return the public pages ``start`` to ``stop`` in the sitemap's order: list pages, then
    areas, destinations, events and businesses by slug; only those rows are read."""
    sizes = section_sizes() if sizes is None else sizes
    found = [Page(endpoint) for endpoint in LIST_PAGES][start:stop]
    offset = len(LIST_PAGES)
    for (endpoint, model, condition), size in zip(SECTIONS, sizes, strict=True):
        low = max(start, offset)
        high = offset + size if stop is None else min(stop, offset + size)
        if low < high:
            query = select(model.slug, model.updated_at).order_by(model.slug)
            if condition is not None:
                query = query.where(condition)
            query = query.offset(low - offset).limit(high - low)
            found += [Page(endpoint, {"slug": slug}, at) for slug, at in db.session.execute(query)]
        offset += size
    return found


@dataclass(frozen=True)
class Listing:
    """A destination or business, with when it went public."""

    kind: str  # "destination" or "business"
    item: Destination | Business
    published_at: datetime


def new_listings(limit: int = 30) -> list[Listing]:
    """Return the destinations and businesses most recently made public, newest first."""
    destinations = (
        select(Destination)
        .where(Destination.is_public)
        .order_by(Destination.published_at.desc(), Destination.id.desc())
        .limit(limit)
    )
    businesses = (
        select(Business)
        .where(Business.is_public)
        .order_by(Business.approved_at.desc(), Business.id.desc())
        .limit(limit)
    )
    found = [
        Listing("destination", d, d.published_at or d.created_at)
        for d in db.session.scalars(destinations)
    ] + [
        Listing("business", b, b.approved_at or b.created_at)
        for b in db.session.scalars(businesses)
    ]
    return sorted(found, key=lambda listing: listing.published_at, reverse=True)[:limit]


def upcoming_for_feed(now: datetime, limit: int = 50) -> list[events.Upcoming]:
    """Return the next events for the Atom feed, soonest first."""
    return events.upcoming_events(now, limit=limit)
