"""Ranking the matching documents by BM25F, the way Whoosh scores an AND of ORs.

Only the documents already known to match are scored, term by term, with the
field lengths of each segment read once and kept (segments never change), so
ranking a large result costs a few arithmetic operations per match instead of
a walk through Whoosh's matchers and a length lookup per document.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from whoosh.query import Term
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

MAX_CACHED = 64  # (segment, field) length lists kept per process
LENGTHS = "_branding_field_lengths"  # per-searcher cache of whole-index length lists

_segments: OrderedDict[tuple[str, str], list[int]] = OrderedDict()
_segments_lock = threading.Lock()


def _read_lengths(leaf: IndexReader, field: str) -> list[int]:
    """Return each document's length of a field in one segment (1 when it has none)."""
    count = leaf.doc_count_all()
    try:  # the codec's own column of length bytes, read in one go (whoosh-reloaded 2.7)
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = leaf._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return [1] * count
        raw = column._dbfile.get(column._basepos, column._count)
        return [byte_to_length(b) or 1 for b in raw] + [1] * (count - len(raw))
    except (AttributeError, ImportError, TypeError):  # another codec: ask document by document
        return [leaf.doc_field_length(d, field, 1) or 1 for d in range(count)]


def _segment_lengths(leaf: IndexReader, field: str) -> list[int]:
    """Return a segment's lengths of a field, read once per process."""
    segment = leaf.segment()
    key = (f"{getattr(leaf, '_storage', '')}/{segment.segment_id()}", field)
    with _segments_lock:
        if key in _segments:
            _segments.move_to_end(key)
            return _segments[key]
    found = _read_lengths(leaf, field)
    with _segments_lock:
        _segments[key] = found
        while len(_segments) > MAX_CACHED:
            _segments.popitem(last=False)
    return found


def field_lengths(searcher: Searcher, field: str) -> list[int]:
    """Return every document's length of a field, by document number, cached per searcher."""
    cache = searcher.__dict__.setdefault(LENGTHS, {})
    if field not in cache:
        lengths: list[int] = []
        for leaf, offset in searcher.reader().leaf_readers():
            lengths[offset:] = _segment_lengths(leaf, field)
        cache[field] = lengths
    return cache[field]


def rank(
    searcher: Searcher,
    terms: list[tuple[Term, dict[int, float]]],
    docs: set[int],
    limit: int,
    deadline: float,
) -> tuple[list[int], bool]:
    """Return the ``limit`` best of ``docs`` (ties by document number) and whether time ran out."""
    scores = dict.fromkeys(docs, 0.0)
    timed_out = False
    for term, postings in terms:
        hits = docs.intersection(postings)
        if not hits:
            continue
        if time.monotonic() > deadline:
            timed_out = True
            break
        bm25 = searcher.weighting.scorer(searcher, term.fieldname, term.text)
        # idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average)), times the boost
        top = term.boost * bm25.idf * (bm25.K1 + 1)
        base, per_word = bm25.K1 * (1 - bm25.B), bm25.K1 * bm25.B / bm25.avgfl
        lengths = field_lengths(searcher, term.fieldname)
        for docnum in hits:
            tf = postings[docnum]
            scores[docnum] += top * tf / (tf + base + per_word * lengths[docnum])
    # Best first, ties by document number; plain ints, nothing for the garbage collector.
    best = sorted(sorted(scores), key=scores.__getitem__, reverse=True)[:limit]
    return best, timed_out
