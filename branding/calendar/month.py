"""Lay occurrences out as a month grid or an agenda of days."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from branding.calendar.occurrences import Occurrence, Slot
from branding.core.web import query_args

MONTHS_AROUND = 24  # how far from today the calendar browses, so crawlers find an end


@dataclass(frozen=True, slots=True)
class Entry:
    """An occurrence on one of its days: ``part`` of ``parts`` for multi-day occurrences."""

    occurrence: Occurrence | Slot  # a Slot while counting, an Occurrence once shown
    part: int
    parts: int

    @property
    def continued(self) -> bool:
        return self.part > 1


@dataclass
class Day:
    """A calendar day and what is on."""

    day: date
    in_month: bool = True
    entries: list[Entry] = field(default_factory=list)
    more: int = 0  # entries on this day not shown


def looks_like_month(text: str | None) -> bool:
    """Tell whether a text is written like a month (``2026-12``), real or not."""
    return bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}", (text or "").strip(), re.ASCII))


def parse_month(text: str | None) -> date | None:
    """Read ``2026-12`` as the first day of that month; None if it is not a month."""
    return query_args.parse_month(text)


def shift_month(first: date, months: int) -> date:
    """Return the first day of the month ``months`` after (or before) ``first``."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def within_reach(first: date, today: date) -> bool:
    """Tell whether a month is close enough to today to be browsed."""
    this_month = today.replace(day=1)
    return (
        shift_month(this_month, -MONTHS_AROUND) <= first <= shift_month(this_month, MONTHS_AROUND)
    )


def grid_bounds(first: date, first_weekday: int) -> tuple[date, date]:
    """Return the first and last day shown for a month: whole weeks around it."""
    start = first - timedelta(days=(first.weekday() - first_weekday) % 7)
    last_of_month = shift_month(first, 1) - timedelta(days=1)
    end = last_of_month + timedelta(days=(first_weekday - 1 - last_of_month.weekday()) % 7)
    return start, end


def by_day(
    occurrences: list[Occurrence] | list[Slot], first: date, last: date
) -> dict[date, list[Entry]]:
    """Place each occurrence on every day between ``first`` and ``last`` it covers."""
    placed: dict[date, list[Entry]] = defaultdict(list)
    for occurrence in occurrences:
        days = occurrence.days()
        for part, day in enumerate(days, start=1):
            if first <= day <= last:
                placed[day].append(Entry(occurrence, part, len(days)))
    return placed


def month_grid(
    first: date,
    placed: dict[date, list[Entry]],
    first_weekday: int = 0,
    more: dict[date, int] | None = None,
) -> list[list[Day]]:
    """Return the weeks of a month's grid, each a list of seven days with their entries."""
    start, end = grid_bounds(first, first_weekday)
    more = more or {}
    days = [
        Day(day, day.month == first.month, placed.get(day, []), more.get(day, 0))
        for day in (start + timedelta(days=n) for n in range((end - start).days + 1))
    ]
    return [days[n : n + 7] for n in range(0, len(days), 7)]


def agenda_days(placed: dict[date, list[Entry]]) -> list[Day]:
    """Return the days that have something on, in order."""
    return [Day(day, True, placed[day]) for day in sorted(placed) if placed[day]]
