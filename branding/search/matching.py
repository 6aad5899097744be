"""Sets of matching documents, for counting and filtering without scoring.

Counting what matches (per type, after filters) needs every match but no score,
so it is done with Python sets built from posting lists, a block at a time,
rather than by stepping Whoosh matchers document by document. Sets for the
filters (type, area, category) are kept per searcher, which is replaced when
the index changes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import accumulate

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.collectors import WrappingCollector
from whoosh.matching import FilterMatcher, Matcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher

FILTER_CACHE = "_branding_filter_sets"  # kept on the searcher: one per thread and index version


def _leaf_postings(matcher: Matcher) -> Iterator[tuple[Iterable[int], Iterable[float]]]:
    """Yield a segment matcher's document numbers and weights, a whole block at a time.

    The block arrays are the codec's own (whoosh-reloaded 2.7's W3 format); any
    other matcher is stepped through one posting at a time.
    """
    if not (isinstance(matcher, W3LeafMatcher) and hasattr(matcher, "_read_data")):
        while matcher.is_active():
            yield (matcher.id(),), (matcher.weight(),)
            matcher.next()
        return
    while matcher.is_active():
        if matcher._ids is None:  # decode the block's ids in C rather than in a generator
            if matcher._data is None:
                matcher._read_data()
            matcher._ids = tuple(accumulate(matcher._data[0]))
        matcher.weight()  # load the block's weights
        yield matcher._ids[matcher._i :], matcher._weights[matcher._i :]
        matcher._next_block()


def term_postings(reader: IndexReader, field: str, text: str) -> dict[int, float]:
    """Return the live documents containing a term, with the term's weight in each."""
    found: dict[int, float] = {}
    for leaf, offset in reader.leaf_readers():
        try:
            matcher = leaf.postings(field, text)
        except TermNotFound:
            continue
        deleted: Iterable[int] = ()
        if isinstance(matcher, FilterMatcher):  # the segment has deleted documents
            matcher, deleted = matcher.child, leaf.deleted_docs_set
        for ids, weights in _leaf_postings(matcher):
            found.update(zip((i + offset for i in ids) if offset else ids, weights, strict=True))
        for docnum in deleted:
            found.pop(docnum + offset, None)
    return found


def term_docs(reader: IndexReader, field: str, text: str) -> set[int]:
    """Return the numbers of the live documents that contain a term."""
    return set(term_postings(reader, field, text))


def filter_docs(searcher: Searcher, field: str, value: str) -> frozenset[int]:
    """Return the documents with a filter value (type, area, category), cached per searcher."""
    cache = searcher.__dict__.setdefault(FILTER_CACHE, {})
    key = (field, value)
    if key not in cache:
        cache[key] = frozenset(term_docs(searcher.reader(), field, value))
    return cache[key]


def _event_dates(searcher: Searcher) -> list[tuple[int, int, int]]:
    """Return (document, start, end) of every event document, cached per searcher."""
    cache = searcher.__dict__.setdefault(FILTER_CACHE, {})
    if "dates" not in cache:
        reader = searcher.reader()
        starts = list(reader.column_reader("starts"))
        ends = list(reader.column_reader("ends"))
        events = sorted(filter_docs(searcher, "type", "event"))
        cache["dates"] = [(docnum, starts[docnum], ends[docnum]) for docnum in events]
    return cache["dates"]


def date_docs(
    searcher: Searcher, ends_after: datetime | None, starts_before: datetime | None
) -> set[int]:
    """Return the events not over by ``ends_after`` and begun by ``starts_before`` (UTC)."""
    low = _seconds(ends_after) if ends_after else None
    high = _seconds(starts_before) if starts_before else None
    return {
        docnum
        for docnum, starts, ends in _event_dates(searcher)
        if (low is None or ends >= low) and (high is None or starts <= high)
    }


def _seconds(moment: datetime) -> int:
    """Return a naive UTC time as seconds since 1970, as the index keeps dates."""
    return int(moment.replace(tzinfo=UTC).timestamp())


class BoundedCollector(WrappingCollector):
    """Collect only allowed documents, and stop at a deadline keeping what was found.

    No signals and no timer thread: the clock is read every 64 matches.
    """

    def __init__(self, child, deadline: float, allow: set[int] | None = None) -> None:
        super().__init__(child)
        self.deadline = deadline
        self.allow = allow
        self.timed_out = False

    def collect_matches(self) -> None:
        if self.timed_out or time.monotonic() > self.deadline:
            self.timed_out = True
            return
        child, allow, offset = self.child, self.allow, self.child.offset
        for seen, docnum in enumerate(child.matches(), 1):
            if allow is None or docnum + offset in allow:
                child.collect(docnum)
            if not seen % 64 and time.monotonic() > self.deadline:
                self.timed_out = True
                return
