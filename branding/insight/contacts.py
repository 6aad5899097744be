"""Where a counted contact leads: always built from the item's own stored fields.

The counting redirect's URL names an item and an action (and, for a business's links, which
of its links; for an event, which date): never a destination address. So it cannot be made
to send anyone anywhere else, whatever is put in the URL.
"""

from __future__ import annotations

from datetime import date

from flask import url_for

from branding.businesses.models import Business
from branding.calendar import exports
from branding.calendar.occurrences import Occurrence, occurrence_on
from branding.core.web import contact
from branding.core.web.templating import tr
from branding.core.web.urls import is_safe_link
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.events.venue import venue_of
from branding.extensions import db
from branding.identity.templating import whatsapp_link

MODELS: dict[str, type] = {"destination": Destination, "event": Event, "business": Business}
PAGES = {"destination": "destinations.detail", "event": "events.detail",
         "business": "businesses.detail"}  # fmt: skip
WHATSAPP = {"destination": "contact_whatsapp", "event": "organiser_contact",
            "business": "whatsapp"}  # fmt: skip
PHONE = {"destination": "contact_phone", "event": "organiser_contact", "business": "phone"}


def public_item(kind: str, item_id: int):
    """Return a destination, event or business that visitors may see, else None."""
    item = db.session.get(MODELS[kind], item_id)
    return item if item is not None and item.is_public else None


def item_name(item) -> str:
    """Return an item's name in the visitor's language."""
    if isinstance(item, Event):
        return str(tr(item.title))
    if isinstance(item, Destination):
        return str(tr(item.name))
    return item.name


def page_url(kind: str, item, day: date | None = None, external: bool = True, **values) -> str:
    """Return the address of an item's page (an event's date page with ``day``)."""
    if kind == "event" and day is not None:
        return url_for("calendar.occurrence", slug=item.slug, day=day, _external=external, **values)
    return url_for(PAGES[kind], slug=item.slug, _external=external, **values)


def stored_website(kind: str, item, link: str = "website") -> str | None:
    """Return one of an item's own web links (a business has several), if it is safe to follow."""
    if kind == "business":
        url = (item.social_links or {}).get(link) if isinstance(link, str) else None
    elif link != "website":
        return None
    else:
        url = item.website if kind == "destination" else item.registration_url
    return url if url and is_safe_link(url) else None


def coordinates(kind: str, item) -> tuple[float, float] | None:
    """Return where an item is (an event: its venue), if known."""
    if kind == "event":
        venue = venue_of(item)
        latitude, longitude = venue.latitude, venue.longitude
    else:
        latitude, longitude = item.latitude, item.longitude
    if latitude is None or longitude is None:
        return None
    return latitude, longitude


def contact_target(kind: str, item, action: str, link: str = "website") -> str | None:
    """Return where a contact action on an item leads, or None if the item has no such link."""
    if action == "whatsapp":
        return whatsapp_link(getattr(item, WHATSAPP[kind]), item_name(item))
    if action == "phone":
        return contact.tel_url(getattr(item, PHONE[kind]))
    if action == "website":
        return stored_website(kind, item, link)
    if action == "directions":
        place = coordinates(kind, item)
        return contact.directions_url(*place) if place else None
    return None


def share_target(kind: str, item, network: str, day: date | None = None) -> str | None:
    """Return the share-to link of an item's page on a network."""
    if day is not None and (kind != "event" or occurrence_on(item, day) is None):
        return None
    links = contact.share_links(page_url(kind, item, day), item_name(item))
    return next((link.href for link in links if link.network == network), None)


def calendar_target(event: Event, via: str, day: date | None = None) -> str | None:
    """Return the .ics download or the Google Calendar link of an event or one of its dates."""
    occurrence: Occurrence | None = None
    if day is not None:
        occurrence = occurrence_on(event, day)
        if occurrence is None:
            return None
    links = exports.calendar_links(event, occurrence)
    return links.ics if via == "ics" else links.google
