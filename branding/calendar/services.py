"""Calendar queries: occurrences in a window of days, and one dated occurrence."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from babel import Locale

from branding.calendar.month import Day, agenda_days, grid_bounds, month_grid
from branding.calendar.occurrences import Occurrence, expand, occurrence_on, sort_key
from branding.core.i18n import babel_locale
from branding.core.i18n.formatting import WIB
from branding.events import services as events
from branding.events.models import EventCategory

AGENDA_DAYS = 31


def midnight(day: date) -> datetime:
    """Return the start of a WIB day as an aware datetime."""
    return datetime.combine(day, time(), tzinfo=WIB)


def today_in_wib() -> date:
    """Return today's date in the regency."""
    return datetime.now(WIB).date()


def first_weekday(lang: str | None = None) -> int:
    """Return the day weeks start on for the visitor's language (0 is Monday)."""
    return Locale.parse(babel_locale(lang)).first_week_day


def occurrences_between(
    start: datetime, end: datetime, category: EventCategory | None = None
) -> list[Occurrence]:
    """Return the published occurrences overlapping ``[start, end)``, in order."""
    found = [o for e in events.events_between(start, end, category) for o in expand(e, start, end)]
    return sorted(found, key=sort_key)


def month_view(
    first: date, category: EventCategory | None = None, week_start: int = 0
) -> list[list[Day]]:
    """Return the weeks of a month with what is on each day."""
    start, end = grid_bounds(first, week_start)
    found = occurrences_between(midnight(start), midnight(end + timedelta(days=1)), category)
    return month_grid(first, found, week_start)


def agenda(
    first: date, days: int = AGENDA_DAYS, category: EventCategory | None = None
) -> list[Day]:
    """Return the days from ``first`` on that have something on."""
    last = first + timedelta(days=days - 1)
    found = occurrences_between(midnight(first), midnight(last + timedelta(days=1)), category)
    return agenda_days(found, first, last)


def find_occurrence(slug: str, day: date) -> Occurrence | None:
    """Return the occurrence of a published event that starts on a WIB date, if any."""
    event = events.get_published_event(slug)
    return occurrence_on(event, day) if event else None
