"""Sets of matching documents, for counting and filtering without scoring.

Counting what matches (per type, after filters) needs every match but no score,
so it is done with Python sets built from posting lists, a block at a time,
rather than by stepping Whoosh matchers document by document. Each segment's own
sets (its documents per filter value, a language's span, its events' dates) are read
once a process (``per_segment``): a segment never changes once written, so after an
edit only the new segment is read. The whole index's sets are put together from them
once a process for each version of the index (``state_cache``), applying deletions,
and shared by the threads' searchers.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Set
from datetime import UTC, datetime
from functools import partial
from itertools import accumulate, chain
from typing import Any, TypeVar

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.collectors import WrappingCollector
from whoosh.matching import FilterMatcher, Matcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher

from branding.search import vocabulary

FILTER_CACHE = "_branding_filter_sets"  # on a searcher that belongs to no index (a writer's)
MAX_STATES = 2  # index versions whose sets a process keeps: the current one and the last

T = TypeVar("T")

_states: OrderedDict[tuple, dict] = OrderedDict()
_states_lock = threading.Lock()


def state_cache(searcher: Searcher) -> dict:
    """Return what is worked out from one version of an index, shared by the process's threads.

    Filter sets, language spans, event dates and field lengths depend only on the version
    (its generation) of the index read, not on the searcher: each thread has its own
    searcher, and kept on it they were made and held once per thread (four times the memory
    in a gunicorn worker of four threads).
    """
    index = getattr(searcher, "_ix", None)
    if index is None:
        return searcher.__dict__.setdefault(FILTER_CACHE, {})
    key = (str(getattr(index.storage, "folder", id(index.storage))), searcher.reader().generation())
    with _states_lock:
        found = _states.get(key)
        if found is None:
            found = _states[key] = {}
            while len(_states) > MAX_STATES:
                _states.popitem(last=False)
        return found


Span = tuple[int, int]  # the first and last document number of one segment worth reading
EVERYTHING: Span = (0, 2**63)


def _leaf_postings(matcher: Matcher, span: Span) -> Iterator[tuple[Iterable[int], Iterable[float]]]:
    """Yield a segment matcher's document numbers and weights within a span, block by block.

    The blocks are the codec's own (whoosh-reloaded 2.7's W3 format): blocks
    wholly outside the span are skipped without being decoded. Any other matcher
    is stepped through one posting at a time.
    """
    low, high = span
    if not (isinstance(matcher, W3LeafMatcher) and hasattr(matcher, "_read_data")):
        while matcher.is_active() and matcher.id() <= high:
            if matcher.id() >= low:
                yield (matcher.id(),), (matcher.weight(),)
            matcher.next()
        return
    while matcher.is_active() and matcher.block_max_id() < low:
        matcher._next_block()
    while matcher.is_active():
        if matcher._ids is None:  # decode the block's ids in C rather than in a generator
            if matcher._data is None:
                matcher._read_data()
            matcher._ids = tuple(accumulate(matcher._data[0]))
        ids = matcher._ids
        if ids[matcher._i] > high:
            return
        matcher.weight()  # load the block's weights
        start = bisect_left(ids, low, matcher._i)
        end = bisect_right(ids, high, start)
        yield ids[start:end], matcher._weights[start:end]
        if end < len(ids):
            return
        matcher._next_block()


def term_postings(
    reader: IndexReader, field: str, text: str, spans: list[Span | None] | None = None
) -> dict[int, float]:
    """Return the live documents containing a term, with the term's weight in each.

    ``spans`` (one per segment, see ``language_spans``) limits the reading to the
    documents that can matter; ``None`` for a segment skips it.
    """
    found: dict[int, float] = {}
    for number, (leaf, offset) in enumerate(reader.leaf_readers()):
        span = spans[number] if spans is not None else EVERYTHING
        if span is None or text not in vocabulary.of(leaf, field).known:
            continue
        try:
            matcher = leaf.postings(field, text)
        except TermNotFound:
            continue
        deleted: Iterable[int] = ()
        if isinstance(matcher, FilterMatcher):  # the segment has deleted documents
            matcher, deleted = matcher.child, leaf.deleted_docs_set
        for ids, weights in _leaf_postings(matcher, span):
            found.update(zip((i + offset for i in ids) if offset else ids, weights, strict=True))
        for docnum in deleted:
            found.pop(docnum + offset, None)
    return found


def language_spans(searcher: Searcher, lang: str) -> list[Span | None]:
    """Return, per segment, the range of document numbers holding ``lang`` documents.

    A rebuild writes each language's documents together, so in the big segment
    a language is one stretch and reading a common term skips the others.
    """
    return [
        per_segment(leaf, ("span", lang), partial(_span, leaf, lang))
        for leaf, _offset in searcher.reader().leaf_readers()
    ]


def _span(leaf: IndexReader, lang: str) -> Span | None:
    docs = segment_docs(leaf, "lang", lang)
    return (min(docs), max(docs)) if docs else None


def filter_docs(searcher: Searcher, field: str, value: str) -> frozenset[int]:
    """Return the documents with a filter value (type, area, category), kept per index version.

    Made from each segment's own set (``segment_docs``), so a new version after an edit
    reads only its new segment and applies the others' deletions.
    """
    cache = state_cache(searcher)
    key = (field, value)
    if key not in cache:
        parts = []
        for leaf, offset in searcher.reader().leaf_readers():
            docs = segment_docs(leaf, field, value)
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
            live = docs.difference(deleted) if deleted else docs
            parts.append(frozenset(map(offset.__add__, live)) if offset and live else live)
        nonempty = [part for part in parts if part]
        # one segment untouched since it was written: its own set, not a copy of it
        joined = nonempty[0] if len(nonempty) == 1 else frozenset().union(*nonempty)
        return cache.setdefault(key, joined)  # threads that made it at once share the first
    return cache[key]


MAX_SEGMENT_SETS = 512  # (segment, what) results kept per process
_segment_sets: OrderedDict[tuple, Any] = OrderedDict()
_segment_lock = threading.Lock()


def per_segment(leaf: IndexReader, what: tuple, make: Callable[[], T]) -> T:
    """Return what is worked out from one segment alone, made once per process.

    A segment's postings and columns never change once it is written (deletions are
    kept beside them), so whatever depends on them alone survives every later edit.
    """
    name = vocabulary.segment_key(leaf)
    if name is None:  # not a segment of a file index: work it out every time
        return make()
    key = (name, *what)
    with _segment_lock:
        if key in _segment_sets:
            _segment_sets.move_to_end(key)
            return _segment_sets[key]
    made = make()
    with _segment_lock:
        found = _segment_sets.setdefault(key, made)  # another thread's, if it came first
        while len(_segment_sets) > MAX_SEGMENT_SETS:
            _segment_sets.popitem(last=False)
    return found


def segment_docs(leaf: IndexReader, field: str, value: str) -> frozenset[int]:
    """Return a segment's own document numbers with a term, deleted ones included."""
    return per_segment(leaf, ("docs", field, value), partial(_raw_docs, leaf, field, value))


def _raw_docs(leaf: IndexReader, field: str, value: str) -> frozenset[int]:
    if value not in vocabulary.of(leaf, field).known:
        return frozenset()
    try:
        matcher = leaf.postings(field, value)
    except TermNotFound:
        return frozenset()
    if isinstance(matcher, FilterMatcher):  # deletions are applied by the caller
        matcher = matcher.child
    return frozenset(chain.from_iterable(ids for ids, _ in _leaf_postings(matcher, EVERYTHING)))


def _event_dates(searcher: Searcher) -> list[tuple[int, int, int]]:
    """Return (document, start, end) of every event document, kept per index version."""
    cache = state_cache(searcher)
    if "dates" not in cache:
        dates: list[tuple[int, int, int]] = []
        for leaf, offset in searcher.reader().leaf_readers():
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
            own = per_segment(leaf, ("dates",), partial(_dates, leaf))
            dates += [(d + offset, start, end) for d, start, end in own if d not in deleted]
        cache["dates"] = dates
    return cache["dates"]


def _dates(leaf: IndexReader) -> list[tuple[int, int, int]]:
    """Return (document, start, end) of a segment's event documents, deleted ones included."""
    events = sorted(segment_docs(leaf, "type", "event"))
    if not events:
        return []
    starts, ends = leaf.column_reader("starts"), leaf.column_reader("ends")
    return [(docnum, starts[docnum], ends[docnum]) for docnum in events]


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

    def __init__(self, child, deadline: float, allow: Set[int] | None = None) -> None:
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
