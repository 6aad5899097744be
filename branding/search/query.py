"""Searching the index: a visitor's plain words in, ranked item ids and counts out.

Queries are built from words, never parsed: ``*``, ``?``, ``~``, quotes, field
names and boolean operators are just punctuation, so nobody can run a wildcard,
regex or fuzzy query of their own making. Typo tolerance is ours: only when the
exact words find few items are unknown words widened to index words one edit
away (same first letter), and every search stops at a time limit.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace

from whoosh.query import And, Prefix, Term
from whoosh.searching import Searcher

from branding.core.i18n import LANGUAGES
from branding.search.analyzers import WORD, index_terms, normalize
from branding.search.filters import Filters
from branding.search.matching import (
    BoundedCollector,
    filter_docs,
    language_spans,
    term_postings,
)
from branding.search.ranking import rank
from branding.search.schema import COMPLETE, NAME_BOOST, ROLES, TYPES, text_field
from branding.search.spelling import Variant, spelling

MAX_QUERY = 100  # characters a visitor may search for
MAX_WORDS = 8
FEW = 3  # fewer exact results than this: widen unknown words to close spellings
VARIANT_WEIGHT = 0.6  # a close spelling counts less than the word itself
TIME_LIMIT = 0.5  # seconds for one search
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw: str | None) -> str:
    """Return the visitor's query trimmed, single-spaced and capped in length."""
    text = " ".join(CONTROL.sub(" ", raw or "").split())
    return text[:MAX_QUERY].strip()


def words_of(text: str) -> list[str]:
    """Return the distinct normalized words of a query, in order, at most MAX_WORDS."""
    return list(dict.fromkeys(normalize(w) for w in WORD.findall(text)))[:MAX_WORDS]


@dataclass
class IndexResult:
    """Ranked ``(type, id)`` pairs of one page, the total and the counts per type."""

    hits: list[tuple[str, int]] = field(default_factory=list)
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)
    variants: dict[str, list[Variant]] = field(default_factory=dict)  # close terms searched
    tolerant: bool = False  # close spellings were searched too
    partial: bool = False  # no item had every word: items with some of them
    timed_out: bool = False


def word_terms(word: str, variants: list[Variant] | None = None) -> list[Term]:
    """Return the term queries for one word (and its close terms) in every text field."""
    found = []
    for role in ROLES:
        boost = NAME_BOOST if role == "name" else 1.0
        for text_lang in LANGUAGES:
            name = text_field(role, text_lang)
            found += [Term(name, t, boost=boost) for t in index_terms(word, text_lang)]
        for text_lang, term in variants or ():
            found.append(Term(text_field(role, text_lang), term, boost=boost * VARIANT_WEIGHT))
    return found


@dataclass
class TextQuery:
    """The words of a search: each term with its postings, and the documents that match."""

    terms: list[tuple[Term, dict[int, float]]]
    docs: set[int]


def text_query(
    searcher: Searcher,
    words: list[str],
    lang: str,
    variants: dict[str, list[Variant]] | None = None,
    every: bool = True,
) -> TextQuery | None:
    """Return the ``lang`` documents with every word (or, with ``every=False``, any word)."""
    variants, reader = variants or {}, searcher.reader()
    per_word = [t for w in words if (t := word_terms(w, variants.get(w)))]
    if not per_word:
        return None
    terms, sets, spans = [], [], language_spans(searcher, lang)
    for word in per_word:
        found = [(t, term_postings(reader, t.fieldname, t.text, spans)) for t in word]
        sets.append(set().union(*(postings for _, postings in found)))
        terms += [(t, postings) for t, postings in found if postings]
    in_lang = filter_docs(searcher, "lang", lang)
    smallest = min(sets, key=len) if every else set().union(*sets)
    docs = smallest.intersection(in_lang, *sets) if every else smallest & in_lang
    return TextQuery(terms, docs)


def run(
    searcher: Searcher, text: TextQuery, filters: Filters, page: int, per_page: int, deadline: float
) -> IndexResult:
    """Count the matches per type, apply the filters and rank one page of hits."""
    common = filters.common_docs(searcher)
    everything = text.docs & common if common is not None else text.docs
    counts = {kind: len(everything & filter_docs(searcher, "type", kind)) for kind in TYPES}
    narrow = filters.narrow_docs(searcher)
    final = everything & narrow if narrow is not None else everything
    result = IndexResult(total=len(final), counts=counts)
    start = (page - 1) * per_page
    if len(final) <= start:
        return result
    best, result.timed_out = rank(searcher, text.terms, final, page * per_page, deadline)
    stored = searcher.stored_fields
    result.hits = [_pair(stored(docnum)["key"]) for docnum in best[start : start + per_page]]
    return result


def _pair(key: str) -> tuple[str, int]:
    kind, item_id, _lang = key.split(":")
    return kind, int(item_id)


def search_index(
    searcher: Searcher, words: list[str], lang: str, filters: Filters, page: int, per_page: int
) -> IndexResult:
    """Search the ``lang`` documents: exact words, then close spellings, then any word."""
    deadline = time.monotonic() + TIME_LIMIT
    exact = text_query(searcher, words, lang)
    if exact is None:
        return IndexResult()
    result = run(searcher, exact, filters, page, per_page, deadline)
    if result.total < FEW:
        corrections, variants = spelling(searcher, words, lang)
        if variants:
            wider = text_query(searcher, words, lang, variants)  # never None: words had terms
            found = run(searcher, wider, filters, page, per_page, deadline) if wider else result
            if found.total > result.total:
                result = replace(found, tolerant=True, variants=variants)
        result.corrections = corrections
    if result.total == 0 and len(words) > 1:
        loose = text_query(searcher, words, lang, every=False)
        found = run(searcher, loose, filters, page, per_page, deadline) if loose else result
        if found.total:
            result = replace(found, corrections=result.corrections, partial=True)
    return result


def complete(searcher: Searcher, text: str, lang: str, limit: int = 8) -> list[tuple[str, int]]:
    """Return items whose name in ``lang`` has the words typed so far, the last as a prefix."""
    words = words_of(text)
    if not words or len(words[-1]) < 2:
        return []
    *done, last = words
    query = And([Term(COMPLETE, w) for w in done] + [Prefix(COMPLETE, last)])
    in_lang = filter_docs(searcher, "lang", lang)
    deadline = time.monotonic() + TIME_LIMIT
    collector = BoundedCollector(searcher.collector(limit=limit), deadline, in_lang)
    searcher.search_with_collector(query, collector)
    return [_pair(hit["key"]) for hit in collector.results()]
