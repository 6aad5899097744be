"""Opening hours as people type them: "08:00-17:00, 19:00-22:00" per weekday, and exceptions.

Stored as ``{"weekly": {"mon": [["08:00", "17:00"]]}, "exceptions": [...]}`` where an
exception is ``{"date": "2026-12-25", "closed": true}`` or ``{"date": …, "hours": [[…]]}``.
"""

from __future__ import annotations

import re
from datetime import date

from flask_babel import lazy_gettext as _l

from branding.core.i18n.formatting import WEEKDAY_KEYS

_SPAN = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$")
CLOSED_WORDS = {"", "-", "closed", "tutup"}


class HoursError(ValueError):
    """Opening hours that cannot be understood; the message is for the user."""


def _time(hour: str, minute: str) -> str:
    h, m = int(hour), int(minute)
    if h > 24 or m > 59 or (h == 24 and m):
        raise HoursError(_l("Times run from 00:00 to 24:00."))
    return f"{h:02d}:{m:02d}"


def parse_spans(text: str) -> list[list[str]]:
    """Parse "08:00-12:00, 13:00-17:00" (or "closed") into [["08:00", "12:00"], …]."""
    if text.strip().lower() in CLOSED_WORDS:
        return []
    spans = []
    for part in text.split(","):
        match = _SPAN.match(part)
        if not match:
            raise HoursError(_l('Write hours like "08:00-17:00", separated by commas.'))
        start, end = _time(*match.group(1, 2)), _time(*match.group(3, 4))
        if end <= start and end != "00:00":
            raise HoursError(_l("A closing time must come after its opening time."))
        spans.append([start, end])
    return sorted(spans)


def format_spans(spans: list[list[str]]) -> str:
    """Write spans back as the user typed them."""
    return ", ".join(f"{start}-{end}" for start, end in spans)


def parse_exceptions(text: str) -> list[dict]:
    """Parse lines like "2026-12-25 closed" or "2026-12-31 08:00-12:00"."""
    exceptions = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        day, _, rest = line.partition(" ")
        try:
            when = date.fromisoformat(day).isoformat()
        except ValueError:
            raise HoursError(_l('Start each exception with a date like "2026-12-25".')) from None
        spans = parse_spans(rest)
        exceptions.append(
            {"date": when, "closed": True} if not spans else {"date": when, "hours": spans}
        )
    return sorted(exceptions, key=lambda e: e["date"])


def format_exceptions(exceptions: list[dict]) -> str:
    """Write exceptions back one per line."""
    return "\n".join(
        f"{e['date']} {'closed' if e.get('closed') else format_spans(e.get('hours', []))}"
        for e in exceptions
    )


def build_hours(weekly_text: dict[str, str], exceptions_text: str) -> dict:
    """Assemble stored opening hours from the form's texts."""
    weekly = {day: parse_spans(weekly_text.get(day, "")) for day in WEEKDAY_KEYS}
    return {
        "weekly": {day: spans for day, spans in weekly.items() if spans},
        "exceptions": parse_exceptions(exceptions_text),
    }
