"""Repeating events: parse RRULEs, find occurrences, describe the pattern."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from babel.dates import get_day_names
from babel.lists import format_list
from dateutil.rrule import rrule, rrulestr
from flask_babel import gettext

from branding.core.i18n import babel_locale
from branding.core.i18n.formatting import WIB, to_wib

MAX_SERIES_SCAN = 1000  # occurrences examined before a rule is called endless


def parse_rule(rule: str, starts_at: datetime) -> rrule:
    """Parse an RRULE anchored at the event's first start, in WIB wall-clock time."""
    start = to_wib(starts_at).replace(tzinfo=None)
    parsed = rrulestr(rule, dtstart=start)
    if not isinstance(parsed, rrule):
        raise ValueError("expected a single RRULE")
    return parsed


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def rule_parts(rule: str) -> dict[str, str]:
    """Split ``FREQ=WEEKLY;BYDAY=SA`` into ``{"FREQ": "WEEKLY", "BYDAY": "SA"}``."""
    rule = rule.removeprefix("RRULE:")
    return dict(part.split("=", 1) for part in rule.split(";") if "=" in part)


def _excluded(exdates: list[str]) -> set[date]:
    return {date.fromisoformat(d) for d in exdates}


def occurrences_after(
    rule: str, exdates: list[str], starts_at: datetime, after: datetime, limit: int
) -> list[datetime]:
    """Return up to ``limit`` occurrence starts (aware, WIB) at or after ``after``."""
    parsed = parse_rule(rule, starts_at)
    skip = _excluded(exdates)
    cursor = to_wib(after).replace(tzinfo=None)
    found: list[datetime] = []
    for _ in range(MAX_SERIES_SCAN):
        moment = parsed.after(cursor, inc=True)
        if moment is None or len(found) >= limit:
            break
        if moment.date() not in skip:
            found.append(moment.replace(tzinfo=WIB))
        cursor = moment + timedelta(seconds=1)
    return found


def series_end(rule: str, starts_at: datetime, duration: timedelta) -> datetime | None:
    """Return when the last occurrence ends (UTC-aware), or None if the series is endless."""
    parts = rule_parts(rule)
    if "UNTIL" not in parts and "COUNT" not in parts:
        return None
    parsed = parse_rule(rule, starts_at)
    last = None
    for index, moment in enumerate(parsed):
        if index >= MAX_SERIES_SCAN:
            return None
        last = moment
    if last is None:
        return None
    return last.replace(tzinfo=WIB) + duration


def describe(rule: str, starts_at: datetime, lang: str | None = None) -> str:
    """Say in the visitor's language how often an event repeats."""
    parts = rule_parts(rule)
    freq = parts.get("FREQ", "")
    if freq == "WEEKLY":
        names = get_day_names("wide", locale=babel_locale(lang))
        codes = [c[-2:] for c in parts.get("BYDAY", "").split(",") if c]
        days = sorted(WEEKDAYS.index(c) for c in codes) or [to_wib(starts_at).weekday()]
        listed = format_list([names[d] for d in days], locale=babel_locale(lang))
        return gettext("Every week on %(days)s", days=listed)
    labels = {
        "DAILY": gettext("Every day"),
        "MONTHLY": gettext("Every month"),
        "YEARLY": gettext("Every year"),
    }
    return labels.get(freq, gettext("Repeats"))
