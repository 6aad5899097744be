"""Helpers for calendar tests: WIB moments in a month near today, and reading the month grid."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from branding.calendar.month import shift_month
from branding.core.i18n.formatting import WIB

_CELL = re.compile(
    r'<li class="month-day ([^"]*)" data-date="([\d-]+)">(.*?)(?=<li class="month-day|</ol>)', re.S
)


def next_month() -> date:
    """Return the first day of next month in WIB: always within the calendar's reach."""
    return shift_month(datetime.now(WIB).date().replace(day=1), 1)


def wib(day: date, hhmm: str) -> datetime:
    """Return an aware WIB datetime on a day at a wall-clock time."""
    return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=WIB)


def cells(html: str) -> dict[str, str]:
    """Return each day of a month grid (a list of days) by ISO date."""
    return {day: body for _classes, day, body in _CELL.findall(html)}


def days_showing(html: str, text: str) -> list[str]:
    """Return the ISO dates whose cell mentions ``text``."""
    return sorted(day for day, body in cells(html).items() if text in body)
