"""Sets of matching documents, for counting and filtering without scoring.

Counting what matches (per type, after filters) needs every match but no score,
so it is done with Python sets built from posting lists, a block at a time,
rather than by stepping Whoosh matchers document by document. Sets for the
filters (type, area, category) are kept once a process for each version of the
index (``state_cache``), shared by the threads' searchers.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Set
from datetime import UTC, datetime
from itertools import accumulate

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.collectors import WrappingCollector
from whoosh.matching import FilterMatcher, Matcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher

from branding.search import vocabulary

FILTER_CACHE = "_branding_filter_sets"  # on a searcher that belongs to no index (a writer's)
MAX_STATES = 2  # index versions whose sets a process keeps: the current one and the last

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
    cache = state_cache(searcher)
    key = ("spans", lang)
    if key not in cache:
        docs = sorted(filter_docs(searcher, "lang", lang))
        spans: list[Span | None] = []
        for leaf, offset in searcher.reader().leaf_readers():
            first = bisect_left(docs, offset)
            last = bisect_left(docs, offset + leaf.doc_count_all()) - 1
            spans.append((docs[first] - offset, docs[last] - offset) if first <= last else None)
        cache[key] = spans
    return cache[key]


def term_docs(reader: IndexReader, field: str, text: str) -> set[int]:
    """Return the numbers of the live documents that contain a term."""
    return set(term_postings(reader, field, text))


def filter_docs(searcher: Searcher, field: str, value: str) -> frozenset[int]:
    """Return the documents with a filter value (type, area, category), kept per index version."""
    cache = state_cache(searcher)
    key = (field, value)
    if key not in cache:
        cache[key] = frozenset(term_docs(searcher.reader(), field, value))
    return cache[key]


def _event_dates(searcher: Searcher) -> list[tuple[int, int, int]]:
    """Return (document, start, end) of every event document, kept per index version."""
    cache = state_cache(searcher)
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
