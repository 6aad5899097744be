"""Opening hours with exceptions, and whether a place is open now, in WIB.

Hours are stored as ``{"weekly": {"mon": [["08:00", "17:00"]], …}, "exceptions": [{"date":
"2026-12-25", "closed": true} or {"date": …, "hours": [["08:00", "12:00"]]}]}`` in WIB
wall-clock time. A closing time of ``00:00`` or ``24:00`` means midnight at the end of the
day; a closing time before the opening time runs past midnight into the next day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeGuard

from flask_babel import gettext

from branding.core.i18n.formatting import WEEKDAY_KEYS, WIB, clock, long_date, to_wib, weekday_names

LOOKAHEAD_DAYS = 14  # how far ahead "opens next" looks before giving up
MINUTES_PER_DAY = 24 * 60
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class OpenState:
    """Whether a place is open at a moment, and when that changes (aware WIB datetimes)."""

    is_open: bool
    changes_at: datetime | None  # closing time if open, next opening if closed
    exception_today: dict | None  # today's exception to the weekly hours, if any


def has_hours(hours: dict | None) -> TypeGuard[dict]:
    """Tell whether opening hours are known at all (some weekday has a span)."""
    return any((hours or {}).get("weekly", {}).values())


def _minutes(hhmm: str, closing: bool = False) -> int:
    hour, minute = (int(part) for part in hhmm.split(":"))
    total = hour * 60 + minute
    return MINUTES_PER_DAY if closing and total == 0 else total


def exception_on(hours: dict | None, day: date) -> dict | None:
    """Return the exception that replaces the weekly hours on a day, if any."""
    wanted = day.isoformat()
    return next((e for e in (hours or {}).get("exceptions", []) if e.get("date") == wanted), None)


def spans_on(hours: dict | None, day: date) -> list[list[str]]:
    """Return the ``[opens, closes]`` spans of a day, exceptions first."""
    exception = exception_on(hours, day)
    if exception is not None:
        return [] if exception.get("closed") else list(exception.get("hours", []))
    return list((hours or {}).get("weekly", {}).get(WEEKDAY_KEYS[day.weekday()], []))


def intervals_on(hours: dict | None, day: date) -> list[tuple[datetime, datetime]]:
    """Return the day's opening intervals as aware WIB datetimes (they may end the next day)."""
    midnight = datetime.combine(day, time(), tzinfo=WIB)
    found = []
    for opens, closes in spans_on(hours, day):
        start, end = _minutes(opens), _minutes(closes, closing=True)
        if end <= start:  # runs past midnight
            end += MINUTES_PER_DAY
        found.append((midnight + timedelta(minutes=start), midnight + timedelta(minutes=end)))
    return sorted(found)


def _closing_time(hours: dict, end: datetime) -> datetime:
    """Follow intervals that start when the previous one ends (e.g. open around the clock)."""
    for _ in range(LOOKAHEAD_DAYS):
        following = [e for s, e in intervals_on(hours, end.date()) if s == end and e > end]
        if not following:
            break
        end = max(following)
    return end


def open_state(hours: dict | None, now: datetime) -> OpenState | None:
    """Tell whether a place is open at ``now``; None when its hours are unknown."""
    if not has_hours(hours):
        return None
    now = to_wib(now)
    today = now.date()
    exception = exception_on(hours, today)
    for day in (today - timedelta(days=1), today):
        for start, end in intervals_on(hours, day):
            if start <= now < end:
                return OpenState(True, _closing_time(hours, end), exception)
    for offset in range(LOOKAHEAD_DAYS):
        starts = [s for s, _ in intervals_on(hours, today + timedelta(days=offset)) if s > now]
        if starts:
            return OpenState(False, min(starts), exception)
    return OpenState(False, None, exception)


def _when(moment: datetime, now: datetime, lang: str | None) -> str:
    """Say when a change happens: a time today, tomorrow, or on a named weekday."""
    days = (moment.date() - now.date()).days
    at = clock(moment.strftime("%H:%M"), lang)
    if days == 0:
        return at
    if days == 1:
        return gettext("tomorrow at %(time)s", time=at)
    if days < 7:
        name = dict(weekday_names(lang))[WEEKDAY_KEYS[moment.weekday()]]
        return gettext("%(day)s at %(time)s", day=name, time=at)
    return gettext("%(day)s at %(time)s", day=long_date(moment.date(), lang), time=at)


def describe_state(state: OpenState, now: datetime, lang: str | None = None) -> str:
    """Say in the visitor's language whether it is open and until or from when."""
    now = to_wib(now)
    if state.is_open:
        if state.changes_at is None or state.changes_at - now >= timedelta(days=LOOKAHEAD_DAYS):
            return gettext("Open now")
        if state.changes_at.time() == time() and state.changes_at.date() == now.date() + ONE_DAY:
            return gettext("Open now · closes at midnight")
        return gettext("Open now · closes %(when)s", when=_when(state.changes_at, now, lang))
    if state.changes_at is None:
        return gettext("Closed now")
    return gettext("Closed now · opens %(when)s", when=_when(state.changes_at, now, lang))


def upcoming_exceptions(hours: dict | None, today: date, days: int = 90) -> list[dict]:
    """Return exceptions from today up to ``days`` ahead, soonest first, with parsed dates."""
    last = today + timedelta(days=days)
    found = []
    for exception in (hours or {}).get("exceptions", []):
        try:
            day = date.fromisoformat(exception.get("date", ""))
        except ValueError:
            continue
        if today <= day <= last:
            found.append({**exception, "day": day})
    return sorted(found, key=lambda e: e["day"])
