"""Repeating events' dates, worked out once per process for each state of the series.

Expanding RRULEs is the costly part of every page that lists what is on (home, events,
calendar, agenda, feeds, map): thousands of series at a national scale. Their dates only
change when a series changes, so each process keeps them, as arrays of UTC timestamps, for
the months the calendar can browse. One aggregate query per request (how many series, the
latest id and change) tells whether any series was added, changed or removed since, here or
on another server; if so, they are worked out again. Nothing here can be stale: a cached
schedule is only used while that fingerprint is the database's.
"""

from __future__ import annotations

import heapq
import logging
from array import array
from bisect import bisect_left
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from operator import itemgetter
from typing import Any

from flask import current_app, has_request_context, request
from sqlalchemy import func, select

from branding.core.i18n.formatting import WIB, to_wib
from branding.core.pagecache.version import while_unchanged
from branding.events import recurrence
from branding.events.models import Event, EventCategory, EventStatus
from branding.extensions import db

log = logging.getLogger(__name__)

REACH = timedelta(days=26 * 31)  # the calendar browses 24 months either side of today
MAX_DATES = 2000  # dates of one series kept (a daily series over the calendar's reach)
MAX_DERIVED = 8  # results kept with one state of the schedule (calendar windows, ~2 MB each)


@dataclass(frozen=True)
class Series:
    """A published repeating event's dates: starts as UTC timestamps, in order."""

    id: int
    category: EventCategory
    cancelled: bool
    all_day: bool
    duration: timedelta
    starts: array
    seconds: float = field(init=False)  # the duration, and when the last kept one ends
    last_end: float = field(init=False)

    def __post_init__(self) -> None:
        seconds = self.duration.total_seconds()
        object.__setattr__(self, "seconds", seconds)
        last = self.starts[-1] + seconds if self.starts else float("-inf")
        object.__setattr__(self, "last_end", last)

    def next_start(self, now: datetime) -> datetime | None:
        """Return the start of the current or next occurrence at ``now``, if any is kept."""
        if self.last_end < now.timestamp():
            return None
        index = bisect_left(self.starts, now.timestamp() - self.seconds)
        return datetime.fromtimestamp(self.starts[index], WIB)

    def starts_between(self, start: datetime, end: datetime) -> list[datetime]:
        """Return the starts (WIB) of occurrences overlapping ``[start, end)``."""
        low = bisect_left(self.starts, (start - self.duration).timestamp())
        high = bisect_left(self.starts, end.timestamp())
        found = (datetime.fromtimestamp(s, WIB) for s in self.starts[low:high])
        return [begins for begins in found if begins + self.duration > start]


@dataclass
class _Cached:
    fingerprint: tuple
    built: date
    series: list[Series]
    derived: dict[Hashable, Any] = field(default_factory=dict)


def _fingerprint() -> tuple:
    query = select(func.count(), func.max(Event.id), func.max(Event.updated_at)).where(
        Event.recurrence_rule.is_not(None)
    )
    count, last_id, last_change = db.session.execute(query).one()
    return str(db.engine.url), count, last_id, last_change


def _dates(rule: str, exdates: list[str], starts_at: datetime, today: date) -> array:
    try:
        parsed = recurrence.parse_rule(rule, starts_at)
    except (ValueError, TypeError):
        log.warning("a series has an unreadable RRULE %r", rule)
        return array("d", [starts_at.timestamp()])
    skip = {date.fromisoformat(d) for d in exdates or []}
    middle = datetime.combine(today, datetime.min.time())
    moments = parsed.between(middle - REACH, middle + REACH, inc=True)[:MAX_DATES]
    return array("d", [m.replace(tzinfo=WIB).timestamp() for m in moments if m.date() not in skip])


def _build(today: date) -> list[Series]:
    query = select(
        Event.id,
        Event.category,
        Event.event_status,
        Event.all_day,
        Event.starts_at,
        Event.ends_at,
        Event.recurrence_rule,
        Event.recurrence_exdates,
    ).where(Event.is_public, Event.recurrence_rule.is_not(None))
    return [
        Series(
            row.id,
            row.category,
            row.event_status == EventStatus.CANCELLED,
            row.all_day,
            row.ends_at - row.starts_at,
            _dates(row.recurrence_rule, row.recurrence_exdates, row.starts_at, today),
        )
        for row in db.session.execute(query.order_by(Event.id))
    ]


def _current() -> _Cached:
    memo = request.environ if has_request_context() else {}  # checked once a request
    if "branding.event_schedule" in memo:
        return memo["branding.event_schedule"]
    # the series' own fingerprint is read again only after some visible change
    fingerprint = while_unchanged("events.series_fingerprint", _fingerprint)
    today = to_wib(datetime.now(UTC)).date()
    cached: _Cached | None = current_app.extensions.get("event_schedule")
    if cached is None or cached.fingerprint != fingerprint or cached.built != today:
        cached = _Cached(fingerprint, today, _build(today))
        current_app.extensions["event_schedule"] = cached
    memo["branding.event_schedule"] = cached
    return cached


def published_series() -> list[Series]:
    """Return every published series with its dates, worked out again only after a change."""
    return _current().series


def derived(key: Hashable, make: Callable[[list[Series]], Any]) -> Any:
    """Return ``make(series)``, kept with this state of the schedule (MAX_DERIVED at most).

    For what only the series decide, such as their entries in one window of the calendar:
    it is worked out again when any series changes, here or on another server.
    """
    cached = _current()
    if key not in cached.derived:
        while len(cached.derived) >= MAX_DERIVED:
            cached.derived.pop(next(iter(cached.derived)))
        cached.derived[key] = make(cached.series)
    return cached.derived[key]


def next_series(
    now: datetime,
    category: EventCategory | None = None,
    cancelled: bool = True,
    limit: int | None = None,
) -> list[tuple[datetime, Series]]:
    """Return each running series at its current or next start, soonest first (the first
    ``limit`` of them: only those are turned into dates)."""
    moment = now.timestamp()
    if limit is not None:
        soon = derived("soon", _soon).first(moment, category, cancelled, limit)
        if soon is not None:
            return [(datetime.fromtimestamp(starts, WIB), series) for starts, _, series in soon]
    found = []
    for series in published_series():  # thousands at a national scale: kept to a few steps
        if (category and series.category != category) or (series.cancelled and not cancelled):
            continue
        if series.last_end >= moment:
            starts = series.starts
            found.append((starts[bisect_left(starts, moment - series.seconds)], series.id, series))
    soonest = heapq.nsmallest(limit, found) if limit is not None else sorted(found)
    return [(datetime.fromtimestamp(starts, WIB), series) for starts, _, series in soonest]


SOON = timedelta(days=15)  # how far ahead of the moment it was made ``Soon`` holds starts


@dataclass(frozen=True)
class Soon:
    """Every series' starts from the longest series' length before a moment to SOON after it,
    in order: the next few series are a walk from the moment instead of a step per series."""

    low: float  # the timeline holds every start from here to SOON after it was made
    longest: float
    entries: list[tuple[float, int, Series]]

    def first(
        self, moment: float, category: EventCategory | None, cancelled: bool, limit: int
    ) -> list[tuple[float, int, Series]] | None:
        """Return the first ``limit`` series at their current or next start after ``moment``,
        or None when the timeline cannot tell (the moment or the answer is past its ends)."""
        if moment - self.longest < self.low:
            return None
        found: list[tuple[float, int, Series]] = []
        seen: set[int] = set()
        begin = bisect_left(self.entries, moment - self.longest, key=itemgetter(0))
        for entry in islice(self.entries, begin, None):
            starts, series = entry[0], entry[2]
            if series.id in seen or starts + series.seconds < moment:
                continue
            if (category and series.category != category) or (series.cancelled and not cancelled):
                continue
            seen.add(series.id)
            found.append(entry)
            if len(found) == limit:
                return found
        return None  # fewer than ``limit`` in the timeline: later ones may come first


def _soon(series: list[Series]) -> Soon:
    now = datetime.now(UTC).timestamp()
    longest = max((s.seconds for s in series), default=0.0)
    low, high = now - longest - 86400, now + SOON.total_seconds()
    entries = [
        (start, s.id, s)
        for s in series
        for start in s.starts[bisect_left(s.starts, low) : bisect_left(s.starts, high)]
    ]
    entries.sort(key=itemgetter(0, 1))
    return Soon(low, longest, entries)


def count_running(now: datetime, category: EventCategory | None = None) -> int:
    """Return how many series have an occurrence running or still to come at ``now``."""
    moment = now.timestamp()
    return sum(
        1
        for series in published_series()
        if (category is None or series.category == category) and series.last_end >= moment
    )
