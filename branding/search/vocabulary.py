"""Each segment's terms of a field, in memory: quick "is it there", prefixes, and fuzzy walks.

A segment never changes once written, so its terms are read once per process
(a sorted list and a set, per segment and field; the least recently used are
dropped) and a search on an index of many segments, which every edit makes,
asks Python's ``bisect`` and ``set`` instead of each segment's on-disk tables.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterator

from whoosh.codec.base import Automata
from whoosh.reading import IndexReader

MAX_CACHED = 96  # (segment, field) vocabularies kept per process


class Vocabulary:
    """The terms of one field in one segment."""

    __slots__ = ("terms", "known")

    def __init__(self, terms: list[str]) -> None:
        self.terms = terms  # sorted
        self.known = frozenset(terms)

    def with_prefix(self, prefix: str) -> Iterator[str]:
        """Yield the terms that begin with ``prefix``, in order."""
        terms = self.terms
        at = bisect_left(terms, prefix)
        while at < len(terms) and terms[at].startswith(prefix):
            yield terms[at]
            at += 1

    def near(self, dfa) -> Iterator[str]:
        """Yield the terms a Levenshtein automaton accepts (Whoosh's own walk, in memory)."""
        return Automata.find_matches(dfa, _Cursor(self.terms))


class _Cursor:
    """Whoosh's term cursor protocol (``text``, ``find``) over a sorted list."""

    def __init__(self, terms: list[str]) -> None:
        self.terms, self.at = terms, 0

    def text(self) -> str | None:
        return self.terms[self.at] if self.at < len(self.terms) else None

    def find(self, term: str) -> None:
        self.at = bisect_left(self.terms, term, self.at)


_cache: OrderedDict[tuple[str, str], Vocabulary] = OrderedDict()
_lock = threading.Lock()
_EMPTY = Vocabulary([])


def of(leaf: IndexReader, field: str) -> Vocabulary:
    """Return a segment's vocabulary of a field, read once per process."""
    mine = leaf.__dict__.setdefault(ON_READER, {})  # the fast way: kept on the reader too
    found = mine.get(field)
    if found is None:
        found = mine[field] = _of(leaf, field)
    return found


ON_READER = "_branding_vocabularies"


def segment_key(leaf: IndexReader) -> str | None:
    """Return what names a segment across readers and searchers (its folder and id), if any.

    A compound segment's reader reads through an overlay made anew by each reader, so the
    folder is the overlay's second storage; the segment id is random and never reused.
    """
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    if segment is None:
        return None
    store = getattr(leaf, "_storage", None)
    store = getattr(store, "b", store)  # OverlayStorage(compound file, folder)
    return f"{getattr(store, 'folder', id(store))}/{segment.segment_id()}"


def _of(leaf: IndexReader, field: str) -> Vocabulary:
    name = segment_key(leaf)
    if name is None:  # not a segment of a file index: read it every time
        return _read(leaf, field)
    key = (name, field)
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    found = _read(leaf, field)
    with _lock:
        _cache[key] = found
        while len(_cache) > MAX_CACHED:
            _cache.popitem(last=False)
    return found


def _read(leaf: IndexReader, field: str) -> Vocabulary:
    if field not in leaf.indexed_field_names():
        return _EMPTY
    return Vocabulary(sorted(leaf.field_terms(field)))


def has(reader: IndexReader, field: str, term: str) -> bool:
    """Tell whether any segment has the term (deleted documents may still hold it)."""
    return any(term in of(leaf, field).known for leaf, _ in reader.leaf_readers())
