"""What narrows a search besides its words: type, category, area and event dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from whoosh.searching import Searcher

from branding.search.matching import date_docs, filter_docs


@dataclass
class Filters:
    """The filters of one search; times are naive UTC, as the index stores them."""

    kind: str | None = None
    category: str | None = None
    area_id: int | None = None
    upcoming: bool = False
    starts_before: datetime | None = None  # the end of the last day asked for
    ends_after: datetime | None = None  # the start of the first day asked for
    now: datetime | None = None

    def only_kind(self) -> bool:
        """Tell whether the type is the only narrowing filter (its count is the total)."""
        return not self.category and not self.dated()

    def dated(self) -> bool:
        """Tell whether an event-only date filter applies."""
        return self.kind == "event" and bool(self.upcoming or self.ends_after or self.starts_before)

    def common_docs(self, searcher: Searcher) -> frozenset[int] | None:
        """Return the documents in the chosen area: the counts per type respect it too."""
        return filter_docs(searcher, "area", str(self.area_id)) if self.area_id else None

    def narrow_docs(self, searcher: Searcher) -> set[int] | None:
        """Return the documents of the chosen type, category and, for events, dates."""
        sets: list[set[int] | frozenset[int]] = []
        if self.kind:
            sets.append(filter_docs(searcher, "type", self.kind))
        if self.category:
            sets.append(filter_docs(searcher, "category", self.category))
        if self.dated():
            after = [t for t in (self.now if self.upcoming else None, self.ends_after) if t]
            sets.append(date_docs(searcher, max(after) if after else None, self.starts_before))
        if not sets:
            return None
        smallest = min(sets, key=len)
        return set(smallest).intersection(*(s for s in sets if s is not smallest))
