"""Template helpers of the discovery features: calendar, map, contact, hours and metadata."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, get_day_names
from flask import Flask, url_for
from markupsafe import Markup

from branding import contact, opening_hours
from branding.businesses.models import Business, Product
from branding.calendar import exports
from branding.calendar.occurrences import Occurrence
from branding.calendar.venue import Venue, event_venue
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.events.services import Upcoming
from branding.formatting import WIB, day_name, to_wib
from branding.i18n import babel_locale, current_language
from branding.publishing import utcnow
from branding.seo import items, jsonld
from branding.site.services import site_settings
from branding.template_helpers import tr

OG_LOCALES = {"id": "id_ID", "en": "en_US"}  # Facebook knows no Pakpak locale


def month_year(first: date) -> str:
    """Name a month as the visitor's language does (``Desember 2026``)."""
    return format_date(first, "LLLL y", locale=babel_locale())


def wib_month(moment: datetime) -> str:
    """Return the ``YYYY-MM`` month of a moment in WIB, as the calendar's ``?month=`` reads it."""
    return to_wib(moment).strftime("%Y-%m")


def weekday_headers(week_start: int) -> list[tuple[str, str]]:
    """Return (short, full) weekday names for a calendar's columns, from ``week_start``."""
    locale = babel_locale()
    short, wide = get_day_names("abbreviated", locale=locale), get_day_names("wide", locale=locale)
    order = [(week_start + n) % 7 for n in range(7)]
    return [(short[d], wide[d]) for d in order]


def open_now(hours: dict | None) -> dict | None:
    """Return whether a place is open now (WIB) and a sentence saying so; None if unknown."""
    now = utcnow()
    state = opening_hours.open_state(hours, now)
    if state is None:
        return None
    return {"state": state, "text": opening_hours.describe_state(state, now, current_language())}


def hours_exceptions(hours: dict | None) -> list[dict]:
    """Return the coming exceptions to the weekly hours (holidays, closed days)."""
    return opening_hours.upcoming_exceptions(hours, datetime.now(WIB).date())


def whatsapp_link(raw: str | None, about: str | None = None) -> str | None:
    """Return a click-to-chat link with a greeting about ``about``, for mobile numbers only."""
    if contact.whatsapp_number(raw) is None:
        return None
    return contact.whatsapp_url(raw, contact.greeting(about, tr(site_settings().site_name)))


def venue_of(event: Event) -> Venue:
    """Return an event's venue in the visitor's language."""
    return event_venue(event, current_language())


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


def init_app(app: Flask) -> None:
    """Install the discovery helpers on the application's Jinja environment."""
    app.jinja_env.filters.update(
        month_year=month_year, wib_month=wib_month, phone=contact.display_phone
    )
    app.jinja_env.globals.update(
        OG_LOCALES=OG_LOCALES,
        weekday_headers=weekday_headers,
        day_name=day_name,
        open_now=open_now,
        hours_exceptions=hours_exceptions,
        whatsapp_link=whatsapp_link,
        tel_link=contact.tel_url,
        share_links=contact.share_links,
        calendar_links=exports.calendar_links,
        subscription_links=exports.subscription_links,
        venue_of=venue_of,
        destination_ld=destination_ld,
        event_ld=event_ld,
        business_ld=business_ld,
    )


def blueprints() -> list:
    """Return the blueprints of the calendar, the map, and the sitemap and feeds."""
    from branding.calendar.views import bp as calendar_bp
    from branding.maps.views import bp as maps_bp
    from branding.seo.views import bp as seo_bp

    return [calendar_bp, maps_bp, seo_bp]
