"""The JSON-LD scripts of detail pages, as template helpers."""

from __future__ import annotations

from datetime import datetime

from flask import url_for
from markupsafe import Markup

from branding.businesses.models import Business, Product
from branding.calendar.occurrences import Occurrence
from branding.core.i18n import current_language
from branding.core.i18n.formatting import WIB
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.events.services import Upcoming
from branding.seo import items, jsonld


def destination_ld(destination: Destination) -> Markup:
    """Return the JSON-LD script of a destination page."""
    url = url_for("destinations.detail", slug=destination.slug, _external=True)
    today = datetime.now(WIB).date()
    return jsonld.script(items.destination_data(destination, url, current_language(), today))


def event_ld(
    event: Event, occurrence: Occurrence | None, upcoming: Upcoming | None = None
) -> Markup:
    """Return the JSON-LD script of an event page, at its occurrence or next date."""
    if occurrence is not None:
        url = url_for("calendar.occurrence", slug=event.slug, day=occurrence.day, _external=True)
    else:
        url = url_for("events.detail", slug=event.slug, _external=True)
    when = occurrence or upcoming
    starts, ends = (when.starts_at, when.ends_at) if when else (event.starts_at, event.ends_at)
    place = event.destination
    place_url = url_for("destinations.detail", slug=place.slug, _external=True) if place else None
    data = items.event_data(event, starts, ends, url, place_url, current_language())
    return jsonld.script(data)


def business_ld(business: Business, products: list[Product]) -> Markup:
    """Return the JSON-LD script of a business page with its products."""
    url = url_for("businesses.detail", slug=business.slug, _external=True)
    today = datetime.now(WIB).date()
    return jsonld.script(items.business_data(business, products, url, current_language(), today))
