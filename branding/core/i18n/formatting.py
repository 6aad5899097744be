"""Dates in WIB, rupiah and numbers, formatted for the visitor's language.

Pakpak uses the Indonesian formats: every call goes through ``babel_locale``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_interval, format_time, get_day_names
from babel.numbers import format_decimal
from flask_babel import gettext

from branding.core.i18n import LANGUAGES, babel_locale, current_language, marking

WIB = ZoneInfo("Asia/Jakarta")


# Babel works a pattern out anew for every value; a page of a calendar or a list formats the
# same few dates, times and prices over and over, so each text is kept once made (bounded).
@lru_cache(maxsize=4096)
def _date_text(day: date, pattern: str, locale: str) -> str:
    return format_date(day, pattern, locale=locale)


@lru_cache(maxsize=2048)
def _time_text(hour: int, minute: int, locale: str) -> str:
    return format_time(time(hour, minute), "short", locale=locale)


@lru_cache(maxsize=4096)
def _grouped(amount: int, locale: str) -> str:
    return format_decimal(amount, format="#,##0", locale=locale)


def to_wib(moment: datetime) -> datetime:
    """Return an aware datetime in the regency's time zone."""
    return moment.astimezone(WIB)


def locale_words(text: str, lang: str | None = None) -> str:
    """Mark words of another language's locale data (Pakpak's dates are Indonesian)."""
    code = lang or current_language()
    return marking.wrap(text) if LANGUAGES[code].babel_locale != code else text


def number(value: float | int, lang: str | None = None) -> str:
    """Format a number with the language's grouping."""
    return format_decimal(value, locale=babel_locale(lang))


def rupiah(amount: int | None, lang: str | None = None) -> str:
    """Format whole rupiah: ``Rp25.000`` in Indonesian, ``Rp 25,000`` in English."""
    if amount is None:
        return ""
    lang = lang or current_language()
    digits = _grouped(amount, babel_locale(lang))
    return f"Rp {digits}" if lang == "en" else f"Rp{digits}"


def rupiah_range(low: int | None, high: int | None, lang: str | None = None) -> str:
    """Format a price or a price range in rupiah."""
    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        return rupiah(low if low is not None else high, lang)
    return f"{rupiah(low, lang)}–{rupiah(high, lang)}"


def long_date(moment: date | datetime, lang: str | None = None) -> str:
    """Format a date in full, e.g. ``Sabtu, 12 Desember 2026``."""
    if isinstance(moment, datetime):
        moment = to_wib(moment).date()
    locale = babel_locale(lang)
    pattern = "EEEE, d MMMM y" if locale == "id" else "full"  # CLDR's id "full" pads the day
    return locale_words(_date_text(moment, pattern, locale), lang)


def short_time(moment: datetime, lang: str | None = None) -> str:
    """Format a time of day in WIB (``19.30`` in Indonesian, ``7:30 PM`` in English)."""
    wib = to_wib(moment)
    return _time_text(wib.hour, wib.minute, babel_locale(lang))


def day_name(day: date, lang: str | None = None, today: date | None = None) -> str:
    """Say "today" or "tomorrow" where that helps, else the full date."""
    today = today or datetime.now(WIB).date()
    if day == today:
        return gettext("Today")
    if day == today + timedelta(days=1):
        return gettext("Tomorrow")
    return long_date(day, lang)


def event_when(
    starts_at: datetime,
    ends_at: datetime,
    all_day: bool,
    lang: str | None = None,
    today: date | None = None,
) -> str:
    """Describe when an event happens, as a date, a time span or a date range, in WIB."""
    start, end = to_wib(starts_at), to_wib(ends_at)
    locale = babel_locale(lang)
    if all_day:
        if start.date() == end.date():
            return day_name(start.date(), lang, today)
        return locale_words(format_interval(start.date(), end.date(), "yMMMd", locale=locale), lang)
    if start.date() == end.date() or end - start < timedelta(hours=12):
        span = f"{short_time(start, lang)}–{short_time(end, lang)}"
        day = day_name(start.date(), lang, today)
        when = gettext("%(date)s, %(time)s WIB", date=day, time=span)
        if start.date() != end.date():
            when = gettext("%(when)s (ends the next day)", when=when)
        return when
    first = f"{_date_text(start.date(), 'd MMM y', locale)} {short_time(start, lang)}"
    last = f"{_date_text(end.date(), 'd MMM y', locale)} {short_time(end, lang)}"
    return locale_words(f"{first} – {last} WIB", lang)


WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday_names(lang: str | None = None) -> list[tuple[str, str]]:
    """Return (key, name) for Monday to Sunday in the visitor's language."""
    names = get_day_names("wide", locale=babel_locale(lang))
    return [(key, locale_words(names[index], lang)) for index, key in enumerate(WEEKDAY_KEYS)]


def clock(hhmm: str, lang: str | None = None) -> str:
    """Format an ``HH:MM`` wall-clock time as the language writes it (``08.00`` in Indonesian)."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    # "24:00" (a closing time at midnight) is written as midnight, 00.00.
    return _time_text(hour % 24, minute, babel_locale(lang))
