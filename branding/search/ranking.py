"""Ranking the matching documents by BM25F, the way Whoosh scores an AND of ORs.

Only the documents already known to match are scored, term by term, with the
field lengths of each segment read once and kept (segments never change), so
ranking a large result costs a few arithmetic operations per match instead of
a walk through Whoosh's matchers and a length lookup per document.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from whoosh.query import Term
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from branding.search import vocabulary
from branding.search.matching import state_cache

MAX_CACHED = 32  # (segment, field) length lists kept per process (~1 MB per 100,000 docs)
LENGTHS = "field lengths"  # whole-index length lists, kept per index version (state_cache)

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
    name = vocabulary.segment_key(leaf)
    if name is None:  # not a segment of a file index: read it every time
        return _read_lengths(leaf, field)
    key = (name, field)
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
    """Return every document's length of a field, by document number, cached per index version."""
    cache = state_cache(searcher).setdefault(LENGTHS, {})
    if field not in cache:
        lengths: list[int] = []
        for leaf, offset in searcher.reader().leaf_readers():
            lengths[offset:] = _segment_lengths(leaf, field)
        cache[field] = lengths
    return cache[field]


CHEAP = 2000  # a term matching at most this many documents is always scored in full


@dataclass
class _Scorer:
    """One term's BM25F contribution: boost * idf * tf * (K1 + 1) / (tf + K1 * norm)."""

    postings: dict[int, float]
    hits: set[int]
    lengths: list[int]
    top: float  # boost * idf * (K1 + 1): no document gets more from this term
    base: float  # K1 * (1 - B)
    per_word: float  # K1 * B / average field length

    def add_to(self, scores: dict[int, float], docs: Iterable[int]) -> None:
        """Add the term's contribution to the scores of ``docs``."""
        postings, lengths = self.postings, self.lengths
        top, base, per_word = self.top, self.base, self.per_word
        for docnum in docs:
            tf = postings[docnum]
            score = top * tf / (tf + base + per_word * lengths[docnum])
            scores[docnum] = scores.get(docnum, 0.0) + score


def _scorers(searcher: Searcher, terms, docs: set[int]) -> list[_Scorer]:
    found = []
    for term, postings in terms:
        hits = docs.intersection(postings)
        if hits:
            bm25 = searcher.weighting.scorer(searcher, term.fieldname, term.text)
            found.append(
                _Scorer(
                    postings,
                    hits,
                    field_lengths(searcher, term.fieldname),
                    term.boost * bm25.idf * (bm25.K1 + 1),
                    bm25.K1 * (1 - bm25.B),
                    bm25.K1 * bm25.B / bm25.avgfl,
                )
            )
    return found


def rank(
    searcher: Searcher,
    terms: list[tuple[Term, dict[int, float]]],
    docs: set[int],
    limit: int,
    deadline: float,
) -> tuple[list[int], bool]:
    """Return the ``limit`` best of ``docs`` (ties by document number) and whether time ran out.

    Exact, but lazy about common terms: terms with few matches are scored first;
    then, before each common term, if the documents scored so far already hold
    ``limit`` scores above anything the remaining common terms could give a
    document they alone match, that term only adds to the documents scored so far.
    """
    scorers = _scorers(searcher, terms, docs)
    common = sorted((s for s in scorers if len(s.hits) > CHEAP), key=lambda s: -s.top)
    scores: dict[int, float] = {}
    for scorer in scorers:
        if time.monotonic() > deadline:
            return _out_of_time(scores, docs, limit), True
        if len(scorer.hits) <= CHEAP:
            scorer.add_to(scores, scorer.hits)
    rest = sum(s.top for s in common)
    for scorer in common:
        if time.monotonic() > deadline:
            return _out_of_time(scores, docs, limit), True
        closed = len(scores) >= limit and heapq.nlargest(limit, scores.values())[-1] > rest
        scorer.add_to(scores, scorer.hits.intersection(scores) if closed else scorer.hits)
        rest -= scorer.top
    return _best(scores, limit), False


def _out_of_time(scores: dict[int, float], docs: set[int], limit: int) -> list[int]:
    """Return what is scored so far, best first, then unscored documents by number."""
    return (_best(scores, limit) + sorted(docs - scores.keys())[:limit])[:limit]


def _best(scores: dict[int, float], limit: int) -> list[int]:
    """Return the best-scored documents, ties by document number (plain ints: no GC work)."""
    return sorted(sorted(scores), key=scores.__getitem__, reverse=True)[:limit]
