"""The workbench's list: every string with its state, filtered, searched and in pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import ceil

from branding.core.web.paging import Pager
from branding.workbench import services
from branding.workbench.coverage import translated_keys
from branding.workbench.models import InterfaceTranslation
from branding.workbench.strings import InterfaceString, all_strings, committed

FILTERS = ("all", "untranslated", "review", "recent")
PER_PAGE = 50


@dataclass(frozen=True)
class Row:
    """One string as the list shows it."""

    string: InterfaceString
    current: tuple[str, ...]  # the live translation ("" none)
    waiting: tuple[InterfaceTranslation, ...]
    changed_at: datetime | None


@dataclass(frozen=True)
class ListPage(Pager):
    """A page of rows, shaped like Flask-SQLAlchemy's pagination for the pager macro."""

    items: list[Row]
    page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / PER_PAGE))


def _matches(row: Row, words: str) -> bool:
    s = row.string
    texts = (s.msgid, s.plural, *s.indonesian, *s.english, *row.current)
    return all(any(word in text.casefold() for text in texts) for word in words.split())


def rows(lang: str, show: str = "all", query: str = "") -> list[Row]:
    """Return the strings a filter and a search keep, recently changed ones newest first."""
    live, waiting, changed = (
        services.live(lang),
        services.waiting(lang),
        services.changed_since(lang),
    )
    have, done = committed(lang), translated_keys(lang)
    found = []
    for string in all_strings():
        row_live = live.get(string.key)
        current = (
            tuple(row_live.forms) if row_live else have.get((string.context, string.msgid), ())
        )
        row = Row(string, current, tuple(waiting.get(string.key, ())), changed.get(string.key))
        if show == "untranslated" and string.key in done:
            continue
        if show == "review" and not row.waiting:
            continue
        if show == "recent" and row.changed_at is None:
            continue
        if query and not _matches(row, query.casefold()):
            continue
        found.append(row)
    if show == "recent":
        found.sort(key=lambda r: r.changed_at or datetime.min, reverse=True)
    return found


def page_of(found: list[Row], page: int) -> ListPage:
    """Cut one page out of the rows."""
    start = (page - 1) * PER_PAGE
    return ListPage(found[start : start + PER_PAGE], page, len(found))


def next_after(found: list[Row], key: str) -> Row | None:
    """Return the row after a string's in the list (the first one if it is not there)."""
    keys = [row.string.key for row in found]
    if key not in keys:
        return found[0] if found else None
    index = keys.index(key)
    return found[index + 1] if index + 1 < len(found) else None
