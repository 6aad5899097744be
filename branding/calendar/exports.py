"""Calendar files and links for events, in the visitor's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from flask import current_app, request, url_for
from flask_babel import gettext

from branding.calendar import ical
from branding.calendar.occurrences import Occurrence
from branding.core.content.columns import MultilingualText
from branding.core.i18n import current_language
from branding.core.web.templating import tr
from branding.events import services as events
from branding.events.labels import CATEGORY_LABELS
from branding.events.models import Event, EventCategory
from branding.events.venue import event_venue
from branding.identity.services import site_settings

if TYPE_CHECKING:
    from icalendar import Calendar

FEED_PAST_DAYS = 90  # a subscribed calendar keeps recent events rather than losing them at once


def uid_host() -> str:
    """Return the host name that makes UIDs unique: SITE_URL's, else this request's."""
    site = current_app.config.get("SITE_URL", "")
    return urlsplit(site).hostname or request.host.split(":")[0]


def event_uid(event: Event, occurrence: Occurrence | None = None) -> str:
    """Return a UID that stays the same for an event (or one of its dates) across exports."""
    day = f"-{occurrence.day:%Y%m%d}" if occurrence else ""
    return f"event-{event.id}{day}@{uid_host()}"


def event_text(event: Event, occurrence: Occurrence | None = None) -> ical.EventText:
    """Return what a calendar entry for the event says, in the visitor's language."""
    lang = current_language()
    if occurrence is not None:
        url = url_for("calendar.occurrence", slug=event.slug, day=occurrence.day, _external=True)
    else:
        url = url_for("events.detail", slug=event.slug, _external=True)
    venue = event_venue(event, lang)
    summary = str(event.summary.resolve(lang))
    return ical.EventText(
        title=str(event.title.resolve(lang)),
        description="\n\n".join(part for part in (summary, url) if part),
        location=venue.one_line(),
        category=str(CATEGORY_LABELS[event.category]),
        url=url,
        latitude=venue.latitude,
        longitude=venue.longitude,
    )


def _calendar(name: str) -> Calendar:
    site = site_settings()
    product = MultilingualText(site.site_name or {}).resolve("en")
    prodid = f"-//{site.regency_name}//{product}//{current_language().upper()}"
    return ical.new_calendar(name, prodid)


def event_calendar(event: Event, occurrence: Occurrence | None = None) -> Calendar:
    """Return a calendar holding one event (all its dates) or one of its occurrences."""
    calendar = _calendar(str(event.title.resolve(current_language())))
    entry = ical.event_component(
        event, event_text(event, occurrence), event_uid(event, occurrence), occurrence
    )
    calendar.add_component(entry)
    return calendar


def feed_calendar(now: datetime, category: EventCategory | None = None) -> Calendar:
    """Return the calendar to subscribe to: upcoming and recent events, series whole."""
    name = gettext("%(site)s: events", site=tr(site_settings().site_name))
    if category:
        name = f"{name} ({CATEGORY_LABELS[category]})"
    calendar = _calendar(name)
    for event in events.events_not_over(now - timedelta(days=FEED_PAST_DAYS), category):
        calendar.add_component(ical.event_component(event, event_text(event), event_uid(event)))
    return calendar


@dataclass(frozen=True)
class CalendarLinks:
    """Where a visitor takes an event or an occurrence into their own calendar."""

    ics: str
    google: str


def calendar_links(event: Event, occurrence: Occurrence | None = None) -> CalendarLinks:
    """Return the .ics download and the "add to Google Calendar" link."""
    text = event_text(event, occurrence)
    if occurrence is not None:
        ics = url_for("calendar.occurrence_ics", slug=event.slug, day=occurrence.day)
        google = ical.google_calendar_url(
            text, occurrence.starts_at, occurrence.ends_at, event.all_day
        )
    else:
        ics = url_for("calendar.event_ics", slug=event.slug)
        rule = event.recurrence_rule or ""
        google = ical.google_calendar_url(text, event.starts_at, event.ends_at, event.all_day, rule)
    return CalendarLinks(ics, google)


def subscription_links(category: EventCategory | None = None) -> dict[str, str]:
    """Return the feed's web address, its webcal:// form and Google Calendar's subscribe link."""
    values = {"category": category.value} if category else {}
    https = url_for("calendar.feed", _external=True, **values)
    webcal = "webcal://" + https.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal})
    return {"https": https, "webcal": webcal, "google": google}
