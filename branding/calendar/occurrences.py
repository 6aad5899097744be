"""Expand events into dated occurrences and place them on the days of WIB they cover."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from branding.core.i18n.formatting import WIB, to_wib
from branding.events import recurrence
from branding.events.models import Event, EventStatus

log = logging.getLogger(__name__)

MAX_PER_WINDOW = 400  # occurrences of one series in one window (a daily series in a year)
# A timed occurrence shorter than this belongs to the day it starts on, even if it ends after
# midnight (a night of music 20.00–01.00 is on its first evening); longer ones and all-day
# ones show on every day they cover. formatting.event_when uses the same threshold.
SAME_DAY_SPAN = timedelta(hours=12)


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of an event, with aware WIB start and end."""

    event: Event
    starts_at: datetime
    ends_at: datetime

    @property
    def day(self) -> date:
        """Return the WIB date it starts on: the key of its URL."""
        return self.starts_at.date()

    @property
    def cancelled(self) -> bool:
        return self.event.event_status == EventStatus.CANCELLED

    def days(self) -> list[date]:
        """Return the WIB dates it shows on in a calendar."""
        return covered_days(self.starts_at, self.ends_at, self.event.all_day)


@dataclass(frozen=True, slots=True)
class Slot:
    """When an occurrence is, without its event: what a calendar counts and places."""

    event_id: int
    starts_at: datetime  # aware, WIB
    ends_at: datetime
    all_day: bool

    def days(self) -> list[date]:
        """Return the WIB dates it shows on in a calendar."""
        return covered_days(self.starts_at, self.ends_at, self.all_day)


def covered_days(starts_at: datetime, ends_at: datetime, all_day: bool) -> list[date]:
    """Return the WIB dates an occurrence shows on: its first, or each it covers if long."""
    first = starts_at.date()
    if not all_day and ends_at - starts_at < SAME_DAY_SPAN:
        return [first]
    last = max(first, (ends_at - timedelta(microseconds=1)).date())
    return [first + timedelta(days=n) for n in range(min((last - first).days, 366) + 1)]


def _first_only(event: Event, start: datetime, end: datetime) -> list[Occurrence]:
    if event.starts_at < end and event.ends_at > start:
        return [Occurrence(event, to_wib(event.starts_at), to_wib(event.ends_at))]
    return []


def expand(event: Event, start: datetime, end: datetime) -> list[Occurrence]:
    """Return the event's occurrences that overlap ``[start, end)``, skipping exception dates."""
    if not event.recurrence_rule:
        return _first_only(event, start, end)
    duration = event.ends_at - event.starts_at
    try:
        rule = recurrence.parse_rule(event.recurrence_rule, event.starts_at)
    except (ValueError, TypeError):
        log.warning("event %s has an unreadable RRULE %r", event.slug, event.recurrence_rule)
        return _first_only(event, start, end)
    skip = {date.fromisoformat(d) for d in event.recurrence_exdates or []}
    low = to_wib(start - duration).replace(tzinfo=None)
    high = to_wib(end).replace(tzinfo=None)
    found = []
    for moment in rule.between(low, high, inc=True)[:MAX_PER_WINDOW]:
        begins = moment.replace(tzinfo=WIB)
        if moment.date() not in skip and begins < end and begins + duration > start:
            found.append(Occurrence(event, begins, begins + duration))
    return found


def occurrence_on(event: Event, day: date) -> Occurrence | None:
    """Return the occurrence that starts on a WIB date, if the event takes place then."""
    midnight = datetime.combine(day, time(), tzinfo=WIB)
    found = expand(event, midnight, midnight + timedelta(days=1))
    return next((o for o in found if o.day == day), None)


def sort_key(occurrence: Occurrence) -> tuple:
    """Order occurrences: earlier first, all-day before timed on the same start, then by id."""
    return (occurrence.starts_at, not occurrence.event.all_day, occurrence.event.id)


def slot_key(slot: Slot) -> tuple:
    """Order slots as ``sort_key`` orders occurrences."""
    return (slot.starts_at, not slot.all_day, slot.event_id)
