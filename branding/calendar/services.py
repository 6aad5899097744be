"""Calendar queries: occurrences in a window of days, and one dated occurrence."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice

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

Placed = dict[date, list[Entry]]  # what is on each day, in order


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


def _one_off_placed(first: date, last: date, category: EventCategory | None) -> Placed:
    """Return the published one-off events' entries on each day from ``first`` to ``last``."""
    window = events.one_off_times_between(midnight(first), _day_after(last), category)
    slots = [Slot(i, to_wib(begins), to_wib(ends), all_day) for i, begins, ends, all_day in window]
    return by_day(sorted(slots, key=slot_key), first, last)


def _series_placed(first: date, last: date, category: EventCategory | None) -> Placed:
    """Return the published series' entries on each day from ``first`` to ``last``, worked out
    once for each state of the schedule (thousands of them a month at a national scale)."""

    def place(published: list[schedule.Series]) -> Placed:
        start, end = midnight(first), _day_after(last)
        slots = [
            Slot(series.id, begins, begins + series.duration, series.all_day)
            for series in published
            if category is None or series.category == category
            for begins in series.starts_between(start, end)
        ]
        return dict(by_day(sorted(slots, key=slot_key), first, last))

    return schedule.derived(("calendar", first, last, category), place)


def _day_after(day: date) -> datetime:
    return midnight(day + timedelta(days=1))


def _entry_key(entry: Entry) -> tuple:
    return slot_key(entry.occurrence)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Window:
    """What is on each day of a window: the series' entries and the one-off events', apart."""

    series: Placed
    one_off: Placed

    @classmethod
    def of(cls, first: date, last: date, category: EventCategory | None) -> _Window:
        return cls(_series_placed(first, last, category), _one_off_placed(first, last, category))

    def days(self) -> list[date]:
        return sorted({*self.series, *self.one_off})  # by_day places only days with entries

    def count(self, day: date) -> int:
        return len(self.series.get(day, ())) + len(self.one_off.get(day, ()))

    def entries(self, day: date, skip: int = 0, take: int | None = None) -> list[Entry]:
        """Return a day's entries in order, from the ``skip``-th, ``take`` of them at most."""
        merged = heapq.merge(self.series.get(day, ()), self.one_off.get(day, ()), key=_entry_key)
        return list(islice(merged, skip, None if take is None else skip + take))


def _shown(placed: Placed) -> Placed:
    """Turn the slots of placed entries into occurrences with their events."""
    slots = [e.occurrence for entries in placed.values() for e in entries]
    loaded = events.published_by_id(sorted({s.event_id for s in slots if isinstance(s, Slot)}))
    return {
        day: [
            Entry(Occurrence(loaded[s.event_id], s.starts_at, s.ends_at), e.part, e.parts)
            for e in entries
            if isinstance(s := e.occurrence, Slot) and s.event_id in loaded
        ]
        for day, entries in placed.items()
    }


def month_view(
    first: date, category: EventCategory | None = None, week_start: int = 0
) -> list[list[Day]]:
    """Return the weeks of a month with what is on each day, DAY_LIMIT at most a day."""
    start, end = grid_bounds(first, week_start)
    window = _Window.of(start, end, category)
    busy = window.days()
    kept = {day: window.entries(day, take=DAY_LIMIT) for day in busy}
    more = {day: window.count(day) - DAY_LIMIT for day in busy if window.count(day) > DAY_LIMIT}
    return month_grid(first, _shown(kept), week_start, more)


def agenda(
    first: date,
    days: int = AGENDA_DAYS,
    category: EventCategory | None = None,
    page: int = 1,
    per_page: int = AGENDA_PER_PAGE,
) -> AgendaPage:
    """Return a page of what is on, day by day, in the days from ``first`` on."""
    window = _Window.of(first, first + timedelta(days=days - 1), category)
    busy = window.days()
    skip, room, kept = (page - 1) * per_page, per_page, {}
    for day in busy:
        if room <= 0:
            break
        count = window.count(day)
        if skip >= count:
            skip -= count
            continue
        kept[day] = window.entries(day, skip, room)
        room, skip = room - len(kept[day]), 0
    total = sum(window.count(day) for day in busy)
    return AgendaPage(agenda_days(_shown(kept)), page, total, per_page)


def find_occurrence(slug: str, day: date) -> Occurrence | None:
    """Return the occurrence of a published event that starts on a WIB date, if any."""
    event = events.get_published_event(slug)
    return occurrence_on(event, day) if event else None
