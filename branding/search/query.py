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
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import islice

from whoosh.query import And, Prefix, Term
from whoosh.searching import Searcher

from branding.core.i18n import LANGUAGES
from branding.search import health, vocabulary
from branding.search.analyzers import VOWELS, index_terms, query_words
from branding.search.filters import Filters
from branding.search.matching import (
    BoundedCollector,
    filter_docs,
    language_spans,
    term_postings,
)
from branding.search.ranking import rank
from branding.search.schema import (
    COMPLETE,
    NAME_BOOST,
    OTHER,
    OTHER_BOOST,
    ROLES,
    TYPES,
    text_field,
)
from branding.search.spelling import Variant, known, spelling

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
    """Return the distinct normalized words of a query, in order, at most MAX_WORDS.

    Cut as the analyzers cut text: ``kue2`` and ``kue kue`` are ``kue-kue``, ``250g``
    is ``250`` and ``gram``.
    """
    return list(dict.fromkeys(query_words(text)))[:MAX_WORDS]


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
    trouble: str = ""  # a step that failed (it was logged and counted)


def word_terms(word: str, variants: list[Variant] | None = None) -> list[Term]:
    """Return the term queries for one word (and its close terms) in every text field.

    The texts a reader of the page's language sees weigh most (names three times);
    the item's versions in the other languages count too, least.
    """
    found = []
    for role in (*ROLES, OTHER):
        boost = NAME_BOOST if role == "name" else OTHER_BOOST if role == OTHER else 1.0
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
    deadline, trouble = time.monotonic() + TIME_LIMIT, ""
    exact = text_query(searcher, words, lang)
    if exact is None:
        return IndexResult()
    readings, joined = compound_readings(searcher, words, lang)
    if len(readings) > 1:
        exact = merge([q for r in readings if (q := text_query(searcher, r, lang))])
    result = run(searcher, exact, filters, page, per_page, deadline)
    if result.total < FEW:
        unknown = [w for w in words if w not in joined]
        try:
            corrections, variants = spelling(searcher, unknown, lang)
        except Exception as error:  # answer with the exact words, loudly
            health.degraded("the spelling step failed", error)
            corrections, variants, trouble = {}, {}, "spelling"
        for word in unknown:
            more = [] if known(searcher, word, lang) else spoken_variants(searcher, word, lang)
            if word == words[-1]:  # the word being typed: complete it, as suggestions do
                more += prefix_variants(searcher, word)
            if more:
                variants[word] = list(dict.fromkeys([*variants.get(word, []), *more]))
        if variants:
            wider = merge([q for r in readings if (q := text_query(searcher, r, lang, variants))])
            found = run(searcher, wider, filters, page, per_page, deadline)
            if found.total > result.total:
                result = replace(found, tolerant=True, variants=variants)
        result.corrections = leading(searcher, words, corrections, lang, filters)
    if result.total == 0 and len(words) > 1:
        loose = text_query(searcher, words, lang, every=False)
        found = run(searcher, loose, filters, page, per_page, deadline) if loose else result
        if found.total:
            result = replace(found, corrections=result.corrections, partial=True)
    result.trouble = trouble
    return result


def merge(queries: list[TextQuery]) -> TextQuery:
    """Return the documents matching any of several readings of a query, with all their terms."""
    if len(queries) == 1:
        return queries[0]
    seen, terms, docs = set(), [], set()
    for query in queries:
        docs |= query.docs
        for term, postings in query.terms:
            if (term.fieldname, term.text) not in seen:
                seen.add((term.fieldname, term.text))
                terms.append((term, postings))
    return TextQuery(terms, docs)


def compound_readings(
    searcher: Searcher, words: list[str], lang: str
) -> tuple[list[list[str]], set[str]]:
    """Return the query as written, and as compounds joined or split where the index knows them.

    ``home stay`` is also read ``homestay`` if a document has that word, and
    ``homestay`` is also read ``home stay`` if it has none but both halves are
    known. Also return the words that a joined reading used (they are not typos).
    """
    readings, joined = [words], set()
    for at in range(len(words) - 1):
        first, second = words[at], words[at + 1]
        if first.isalpha() and second.isalpha() and known(searcher, first + second, lang):
            readings.append([*words[:at], first + second, *words[at + 2 :]])
            joined |= {first, second}
    for at, word in enumerate(words):
        if len(word) < 6 or not word.isalpha() or known(searcher, word, lang):
            continue
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if known(searcher, head, lang) and known(searcher, tail, lang):
                readings.append([*words[:at], head, tail, *words[at + 1 :]])
                joined.add(word)
                break
    return readings[:4], joined


PREFIX_TERMS = 12  # index terms a partly typed word may stand for


def prefix_variants(searcher: Searcher, word: str) -> list[Variant]:
    """Return the commonest index terms that begin with a partly typed word, per text language.

    From the stemmed texts (``festiv`` → *festival*) and from the words of names
    as written, analyzed (``pemandang`` → *pemandangan* → *pandang*).
    """
    if len(word) < 3 or not word.isalpha():
        return []
    reader, found = searcher.reader(), Counter[Variant]()
    leaves = [leaf for leaf, _ in reader.leaf_readers()]
    for text_lang in LANGUAGES:
        for role in (*ROLES, OTHER):
            name = text_field(role, text_lang)
            for leaf in leaves:
                for term in islice(vocabulary.of(leaf, name).with_prefix(word), 200):
                    found[(text_lang, term)] += leaf.doc_frequency(name, term)
    for leaf in leaves:
        for whole in islice(vocabulary.of(leaf, COMPLETE).with_prefix(word), 50):
            weight = leaf.doc_frequency(COMPLETE, whole)
            for text_lang in LANGUAGES:
                for term in index_terms(whole, text_lang):
                    found[(text_lang, term)] += weight
    return [variant for variant, _ in found.most_common(PREFIX_TERMS)]


def spoken_variants(searcher: Searcher, word: str, lang: str) -> list[Variant]:
    """Return the roots of a word the index does not have, read as speech writes them.

    *mancing* is *memancing*, *nonton* is *menonton*, *bikinin* is *bikinkan*: only
    for words no document has, since *makan* and *nasi* are words of their own.
    """
    if len(word) < 4 or not word.isalpha():
        return []
    candidates = []
    if word[0] == "m" and word[1] in VOWELS:
        candidates += ["mem" + word[1:], "p" + word[1:]]
    if word[0] == "n" and word[1] in VOWELS:
        candidates += ["men" + word[1:], "t" + word[1:]]
    if word.endswith("in") and len(word) > 5:
        candidates += [word[:-2] + "kan", word[:-2] + "i", word[:-2]]
    found = [("id", term) for c in candidates for term in index_terms(c, "id")]
    reader = searcher.reader()
    return [
        (text_lang, term)
        for text_lang, term in dict.fromkeys(found)
        if any(vocabulary.has(reader, text_field(r, text_lang), term) for r in ROLES)
    ]


def leading(
    searcher: Searcher, words: list[str], corrections: dict[str, str], lang: str, filters: Filters
) -> dict[str, str]:
    """Keep the corrections only if the corrected query finds something ("did you mean")."""
    if not corrections:
        return {}
    corrected = [corrections.get(w, w) for w in words]
    query = text_query(searcher, corrected, lang)
    if query is None:
        return {}
    common, narrow = filters.common_docs(searcher), filters.narrow_docs(searcher)
    docs = query.docs & common if common is not None else query.docs
    docs = docs & narrow if narrow is not None else docs
    return corrections if docs else {}


def complete(searcher: Searcher, text: str, lang: str, limit: int = 8) -> list[tuple[str, int]]:
    """Return items whose name in ``lang`` has the words typed so far, the last as a prefix."""
    words = [w.split("-")[0] for w in words_of(text)]  # names hold "kue-kue" as "kue"
    if not words or len(words[-1]) < 2:
        return []
    *done, last = words
    query = And([Term(COMPLETE, w) for w in done] + [Prefix(COMPLETE, last)])
    in_lang = filter_docs(searcher, "lang", lang)
    deadline = time.monotonic() + TIME_LIMIT
    collector = BoundedCollector(searcher.collector(limit=limit), deadline, in_lang)
    searcher.search_with_collector(query, collector)
    return [_pair(hit["key"]) for hit in collector.results()]
