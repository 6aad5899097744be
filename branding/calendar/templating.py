"""Template helpers of the calendar: month names, weekday columns, ``?month=`` values."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, get_day_names

from branding.core.i18n import babel_locale
from branding.core.i18n.formatting import locale_words, to_wib


def month_year(first: date) -> str:
    """Name a month as the visitor's language does (``Desember 2026``)."""
    return locale_words(format_date(first, "LLLL y", locale=babel_locale()))


def wib_month(moment: datetime) -> str:
    """Return the ``YYYY-MM`` month of a moment in WIB, as the calendar's ``?month=`` reads it."""
    return to_wib(moment).strftime("%Y-%m")


def weekday_headers(week_start: int) -> list[tuple[str, str]]:
    """Return (short, full) weekday names for a calendar's columns, from ``week_start``."""
    locale = babel_locale()
    short, wide = get_day_names("abbreviated", locale=locale), get_day_names("wide", locale=locale)
    order = [(week_start + n) % 7 for n in range(7)]
    return [(locale_words(short[d]), locale_words(wide[d])) for d in order]
