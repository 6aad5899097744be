"""Opening-hours helpers for the sample data: the same hours on chosen weekdays."""

from __future__ import annotations

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVERY_DAY = DAYS
WORKDAYS = DAYS[:5]
MON_TO_SAT = DAYS[:6]


def weekly(opens: str, closes: str, days: tuple[str, ...] = EVERY_DAY) -> dict:
    """Return opening hours open from ``opens`` to ``closes`` on the given days."""
    return {"weekly": {day: [[opens, closes]] for day in days}, "exceptions": []}


def split_day(
    morning: tuple[str, str], afternoon: tuple[str, str], days: tuple[str, ...] = EVERY_DAY
) -> dict:
    """Return opening hours with a midday break on the given days."""
    return {
        "weekly": {day: [list(morning), list(afternoon)] for day in days},
        "exceptions": [],
    }
