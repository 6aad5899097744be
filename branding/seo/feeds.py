"""Atom entries for the feeds of upcoming events and new listings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import url_for

from branding.businesses.labels import CATEGORY_LABELS as BUSINESS_CATEGORIES
from branding.calendar.exports import uid_host
from branding.core.content.columns import Localized
from branding.core.i18n import current_language
from branding.core.i18n.formatting import event_when
from branding.destinations.labels import CATEGORY_LABELS as DESTINATION_CATEGORIES
from branding.destinations.models import Destination
from branding.events.labels import CATEGORY_LABELS as EVENT_CATEGORIES
from branding.events.services import Upcoming
from branding.seo.services import Listing

PLURALS = {"destination": "destinations", "business": "businesses"}  # also blueprint names


@dataclass(frozen=True)
class Entry:
    """One Atom entry, its texts in the visitor's language (or marked as a fallback)."""

    id: str
    title: Localized
    url: str
    updated: datetime
    published: datetime
    summary: Localized | str
    category: str


def tag(kind: str, item_id: int, created: datetime) -> str:
    """Return a permanent tag: URI for an item in the current language."""
    return f"tag:{uid_host()},{created:%Y-%m-%d}:{current_language()}/{kind}/{item_id}"


def event_entry(upcoming: Upcoming) -> Entry:
    """Return the feed entry of an upcoming event, its date in the summary."""
    event, lang = upcoming.event, current_language()
    when = event_when(upcoming.starts_at, upcoming.ends_at, event.all_day, lang)
    summary = event.summary.resolve(lang)
    return Entry(
        id=tag("events", event.id, event.created_at),
        title=event.title.resolve(lang),
        url=url_for("events.detail", slug=event.slug, _external=True),
        updated=event.updated_at,
        published=event.published_at or event.created_at,
        summary=f"{when}. {summary}" if summary else when,
        category=str(EVENT_CATEGORIES[event.category]),
    )


def listing_entry(listing: Listing) -> Entry:
    """Return the feed entry of a newly published destination or business."""
    item, lang = listing.item, current_language()
    if isinstance(item, Destination):  # listing.kind == "destination"
        title, category = item.name.resolve(lang), DESTINATION_CATEGORIES[item.category]
    else:
        title, category = Localized(item.name, lang, False), BUSINESS_CATEGORIES[item.category]
    return Entry(
        id=tag(PLURALS[listing.kind], item.id, item.created_at),
        title=title,
        url=url_for(f"{PLURALS[listing.kind]}.detail", slug=item.slug, _external=True),
        updated=item.updated_at,
        published=listing.published_at,
        summary=item.summary.resolve(lang),
        category=str(category),
    )


def feed_updated(entries: list[Entry], fallback: datetime) -> datetime:
    """Return when a feed last changed: its newest entry's change."""
    return max((e.updated for e in entries), default=fallback)
