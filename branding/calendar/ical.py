"""iCalendar (RFC 5545) for events: one event, one occurrence, or a feed to subscribe to.

Timed events carry ``TZID=Asia/Jakarta`` with a VTIMEZONE; all-day events use DATE values
with an exclusive end (our all-day events end at 23:59 WIB on their last day). Repeating
events keep their RRULE, with UNTIL rewritten to the form RFC 5545 requires, and EXDATEs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from branding.calendar.occurrences import Occurrence
from branding.core.i18n.formatting import WIB, to_wib
from branding.events.models import Event, EventStatus
from branding.events.recurrence import rule_parts

if TYPE_CHECKING:  # icalendar itself is imported by what writes a file: pages need only links
    from icalendar import Calendar
    from icalendar import Event as IEvent
    from icalendar import Timezone as ITimezone

TZID = "Asia/Jakarta"
REFRESH = timedelta(hours=6)
STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


@dataclass(frozen=True)
class EventText:
    """What a calendar entry says, already in the visitor's language."""

    title: str
    description: str
    location: str
    category: str
    url: str
    latitude: float | None = None
    longitude: float | None = None


def wib_timezone() -> ITimezone:
    """Return the VTIMEZONE of Asia/Jakarta: UTC+7 all year, no daylight saving."""
    from icalendar import Timezone, TimezoneStandard

    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=7))
    standard.add("tzoffsetto", timedelta(hours=7))
    standard.add("tzname", "WIB")
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(standard)
    return zone


def new_calendar(name: str, prodid: str) -> Calendar:
    """Return an empty calendar named for its subscribers, with the WIB time zone."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_component(wib_timezone())
    return calendar


def all_day_end(ends_at: datetime, first: date) -> date:
    """Return the exclusive DATE end of an all-day event ending 23:59 WIB on its last day."""
    last = (to_wib(ends_at) - timedelta(seconds=1)).date()
    return max(last, first) + timedelta(days=1)


def _until(value: str, all_day: bool) -> str:
    """Rewrite an RRULE UNTIL: UTC for timed events, a DATE for all-day ones."""
    if value.endswith("Z"):
        moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    elif "T" in value:  # floating time, as the back office writes it: WIB wall clock
        moment = datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=WIB)
    else:  # a date: midnight, as dateutil (and so the site) reads it
        moment = datetime.strptime(value, "%Y%m%d").replace(tzinfo=WIB)
    if all_day:
        return f"{to_wib(moment):%Y%m%d}"
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def ical_rule(rule: str, all_day: bool) -> str:
    """Return a stored RRULE in the form RFC 5545 wants for the event's DTSTART."""
    parts = rule_parts(rule)
    if "UNTIL" in parts:
        parts["UNTIL"] = _until(parts["UNTIL"], all_day)
    return ";".join(f"{key}={value}" for key, value in parts.items())


def _add_times(entry: IEvent, starts_at: datetime, ends_at: datetime, all_day: bool) -> None:
    start, end = to_wib(starts_at), to_wib(ends_at)
    if all_day:
        entry.add("dtstart", start.date())
        entry.add("dtend", all_day_end(end, start.date()))
    else:
        entry.add("dtstart", start)
        entry.add("dtend", end)


def _add_series(entry: IEvent, event: Event, rule: str) -> None:
    from icalendar import vRecur

    entry.add("rrule", vRecur.from_ical(ical_rule(rule, event.all_day)))
    days = sorted(date.fromisoformat(d) for d in event.recurrence_exdates or [])
    if not days:
        return
    if event.all_day:
        entry.add("exdate", days)
    else:
        at = to_wib(event.starts_at).time()
        entry.add("exdate", [datetime.combine(d, at, tzinfo=WIB) for d in days])


def event_component(
    event: Event, text: EventText, uid: str, occurrence: Occurrence | None = None
) -> IEvent:
    """Return the VEVENT of a whole event (with its RRULE) or of one occurrence."""
    from icalendar import Event as IEvent

    entry = IEvent()
    entry.add("uid", uid)
    entry.add("dtstamp", event.updated_at)
    entry.add("created", event.created_at)
    entry.add("last-modified", event.updated_at)
    entry.add("summary", text.title)
    if occurrence is None:
        _add_times(entry, event.starts_at, event.ends_at, event.all_day)
        if event.recurrence_rule:
            _add_series(entry, event, event.recurrence_rule)
    else:
        _add_times(entry, occurrence.starts_at, occurrence.ends_at, event.all_day)
    for name, value in (("description", text.description), ("location", text.location)):
        if value:
            entry.add(name, value)
    entry.add("url", text.url)
    entry.add("categories", [text.category])
    entry.add("status", STATUS[event.event_status])
    entry.add("class", "PUBLIC")
    if text.latitude is not None and text.longitude is not None:
        entry.add("geo", (text.latitude, text.longitude))
    return entry


def _utc_stamp(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def google_calendar_url(
    text: EventText, starts_at: datetime, ends_at: datetime, all_day: bool, rule: str = ""
) -> str:
    """Return an "add to Google Calendar" link for an event or an occurrence."""
    if all_day:
        first = to_wib(starts_at).date()
        dates = f"{first:%Y%m%d}/{all_day_end(ends_at, first):%Y%m%d}"
    else:
        dates = f"{_utc_stamp(starts_at)}/{_utc_stamp(ends_at)}"
    params = {"action": "TEMPLATE", "text": text.title, "dates": dates, "ctz": TZID}
    params.update(details=text.description, location=text.location)
    if rule:
        params["recur"] = "RRULE:" + ical_rule(rule, all_day)
    return "https://calendar.google.com/calendar/render?" + urlencode(params)
