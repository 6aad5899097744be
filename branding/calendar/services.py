"""Calendar queries: occurrences in a window of days, and one dated occurrence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from babel import Locale

from branding.calendar.month import Day, Entry, agenda_days, by_day, grid_bounds, month_grid
from branding.calendar.occurrences import Occurrence, Slot, occurrence_on, slot_key
from branding.core.i18n import babel_locale
from branding.core.i18n.formatting import WIB, to_wib
from branding.core.web.paging import Pager
from branding.events import schedule
from branding.events import services as events
from branding.events.models import EventCategory

AGENDA_DAYS = 31
AGENDA_PER_PAGE = 60  # entries on a page of the agenda
DAY_LIMIT = 4  # entries shown on a day of the month grid; the rest are a link to the agenda


def midnight(day: date) -> datetime:
    """Return the start of a WIB day as an aware datetime."""
    return datetime.combine(day, time(), tzinfo=WIB)


def today_in_wib() -> date:
    """Return today's date in the regency."""
    return datetime.now(WIB).date()


def first_weekday(lang: str | None = None) -> int:
    """Return the day weeks start on for the visitor's language (0 is Monday)."""
    return Locale.parse(babel_locale(lang)).first_week_day


@dataclass(frozen=True)
class AgendaPage(Pager):
    """A page of the agenda: its days, and where it is among the window's pages."""

    days: list[Day]
    page: int
    total: int  # entries in the whole window
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def slots_between(
    start: datetime, end: datetime, category: EventCategory | None = None
) -> list[Slot]:
    """Return when each published occurrence overlapping ``[start, end)`` is, in order."""
    found = [
        Slot(event_id, to_wib(begins), to_wib(ends), all_day)
        for event_id, begins, ends, all_day in events.one_off_times_between(start, end, category)
    ]
    for series in schedule.published_series():
        if category is None or series.category == category:
            found += [
                Slot(series.id, begins, begins + series.duration, series.all_day)
                for begins in series.starts_between(start, end)
            ]
    return sorted(found, key=slot_key)


def occurrences_between(
    start: datetime, end: datetime, category: EventCategory | None = None
) -> list[Occurrence]:
    """Return the published occurrences overlapping ``[start, end)``, in order."""
    found = slots_between(start, end, category)
    shown = _occurrences(found)
    return [shown[slot] for slot in found if slot in shown]


def _occurrences(slots: list[Slot]) -> dict[Slot, Occurrence]:
    """Return the occurrence at each slot, their events loaded in one query a relation."""
    loaded = events.published_by_id(sorted({slot.event_id for slot in slots}))
    return {
        slot: Occurrence(loaded[slot.event_id], slot.starts_at, slot.ends_at)
        for slot in slots
        if slot.event_id in loaded
    }


def _shown(placed: dict[date, list[Entry]]) -> dict[date, list[Entry]]:
    """Turn the slots of placed entries into occurrences with their events."""
    slots = [e.occurrence for entries in placed.values() for e in entries]
    found = _occurrences([s for s in slots if isinstance(s, Slot)])
    return {
        day: [Entry(found[e.occurrence], e.part, e.parts) for e in entries if e.occurrence in found]
        for day, entries in placed.items()
    }


def month_view(
    first: date, category: EventCategory | None = None, week_start: int = 0
) -> list[list[Day]]:
    """Return the weeks of a month with what is on each day, DAY_LIMIT at most a day."""
    start, end = grid_bounds(first, week_start)
    found = slots_between(midnight(start), midnight(end + timedelta(days=1)), category)
    placed = by_day(found, start, end)
    more = {day: len(e) - DAY_LIMIT for day, e in placed.items() if len(e) > DAY_LIMIT}
    kept = {day: entries[:DAY_LIMIT] for day, entries in placed.items()}
    return month_grid(first, _shown(kept), week_start, more)


def agenda(
    first: date,
    days: int = AGENDA_DAYS,
    category: EventCategory | None = None,
    page: int = 1,
    per_page: int = AGENDA_PER_PAGE,
) -> AgendaPage:
    """Return a page of what is on, day by day, in the days from ``first`` on."""
    last = first + timedelta(days=days - 1)
    found = slots_between(midnight(first), midnight(last + timedelta(days=1)), category)
    placed = by_day(found, first, last)
    flat = [(day, entry) for day in sorted(placed) for entry in placed[day]]
    kept: dict[date, list[Entry]] = {}
    for day, entry in flat[(page - 1) * per_page : page * per_page]:
        kept.setdefault(day, []).append(entry)
    return AgendaPage(agenda_days(_shown(kept)), page, len(flat), per_page)


def find_occurrence(slug: str, day: date) -> Occurrence | None:
    """Return the occurrence of a published event that starts on a WIB date, if any."""
    event = events.get_published_event(slug)
    return occurrence_on(event, day) if event else None
