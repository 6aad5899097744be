"""What differs between two versions of an item, field by field and part by part.

A part is a language for texts kept per language, a weekday (or the exceptions) for opening
hours, a key for other objects (a social network), or "" for a plain value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from branding.core.forms.hours_input import format_exceptions, format_spans
from branding.core.i18n.formatting import WEEKDAY_KEYS


@dataclass(frozen=True)
class Change:
    field: str
    part: str  # a language code, weekday, network…, or "" for a plain field
    before: Any
    after: Any


def _hours_parts(hours: dict) -> dict[str, str]:
    weekly = (hours or {}).get("weekly", {})
    parts = {day: format_spans(weekly.get(day, [])) for day in WEEKDAY_KEYS}
    parts["exceptions"] = format_exceptions((hours or {}).get("exceptions", []))
    return parts


def _parts(name: str, value: Any) -> dict[str, Any]:
    if name == "opening_hours":
        return _hours_parts(value)
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return {"": ", ".join(str(v) for v in value)}
    return {"": value}


def _blank(value: Any) -> Any:
    return "" if value is None else value


def changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Change]:
    """Return what differs between two versions, field by field and part by part."""
    found = []
    for name, value in after.items():
        old, new = _parts(name, (before or {}).get(name)), _parts(name, value)
        for part in [*new, *(part for part in old if part not in new)]:
            if _blank(old.get(part)) != _blank(new.get(part)):
                found.append(Change(name, part, old.get(part), new.get(part)))
    return found


@dataclass(frozen=True)
class Row:
    """One line of a side-by-side comparison: a field's part in two versions."""

    field: str
    part: str
    left: Any
    right: Any

    @property
    def changed(self) -> bool:
        return _blank(self.left) != _blank(self.right)


def side_by_side(left: dict[str, Any], right: dict[str, Any]) -> list[Row]:
    """Return every field and part of two versions, in field order, marking what differs."""
    rows = []
    names = [*left, *(name for name in right if name not in left)]
    for name in names:
        a, b = _parts(name, left.get(name)), _parts(name, right.get(name))
        for part in [*a, *(part for part in b if part not in a)]:
            rows.append(Row(name, part, a.get(part), b.get(part)))
    return rows
