"""Spelling: index words close to a misspelled one, for "did you mean" and typo tolerance.

Two sources, each walked with one Levenshtein automaton per word:

- the words of names as written (the ``complete`` field), for a correction
  to show the visitor ("did you mean kopi?") and, one edit away, to search for;
- otherwise the stemmed terms of every field one edit from the word's own stem,
  which widen the search to a misspelled word of a description.

A word is only corrected when no document has it, it is at least four letters
long, and the correction keeps its first letter.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.codec.base import Automata
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.support.levenshtein import distance

from branding.core.i18n import LANGUAGES
from branding.search import vocabulary
from branding.search.analyzers import index_terms
from branding.search.matching import filter_docs, term_postings
from branding.search.schema import COMPLETE, OTHER, ROLES, text_field

MIN_LENGTH = 4  # shorter words have too many neighbours
VARIANTS = 4  # close terms tried per word and language
Variant = tuple[str, str]  # (text language, index term)


def known(searcher: Searcher, word: str, lang: str) -> bool:
    """Tell whether any ``lang`` document has the word, in any of its forms."""
    reader, in_lang = searcher.reader(), filter_docs(searcher, "lang", lang)
    for text_lang in LANGUAGES:
        for term in index_terms(word, text_lang):
            for role in (*ROLES, OTHER):
                name = text_field(role, text_lang)
                if vocabulary.has(reader, name, term) and not in_lang.isdisjoint(
                    term_postings(reader, name, term)
                ):
                    return True
    return False


def near_terms(reader: IndexReader, field: str, dfa) -> Iterator[str]:
    """Yield the terms of a field that a Levenshtein automaton accepts, segment by segment.

    Whoosh-reloaded's ``MultiReader`` (an index of several segments, which every
    edit makes) has no ``cursor()``: each segment's terms are walked on their own,
    from memory (``vocabulary``), whatever the index's history.
    """
    for leaf, _offset in reader.leaf_readers():
        yield from vocabulary.of(leaf, field).near(dfa)


def _matches(searcher: Searcher, word: str, maxdist: int, fields: list[str]) -> set[str]:
    """Return the terms of the fields within ``maxdist`` edits of a word, same first letter."""
    dfa = Automata.levenshtein_dfa(word, maxdist, 1)
    reader, found = searcher.reader(), set[str]()
    for name in fields:
        found.update(near_terms(reader, name, dfa))
    found.discard(word)
    return found


def correction(searcher: Searcher, word: str, lang: str) -> str | None:
    """Return the likeliest word of a ``lang`` name the visitor meant: fewest edits, most used."""
    reader, in_lang = searcher.reader(), filter_docs(searcher, "lang", lang)
    ranked = []
    for candidate in _matches(searcher, word, 2, [COMPLETE]):
        used = len(in_lang.intersection(term_postings(reader, COMPLETE, candidate)))
        if used:
            ranked.append((distance(candidate, word), -used, candidate))
    return min(ranked)[2] if ranked else None


def variants(searcher: Searcher, word: str, lang: str) -> list[Variant]:
    """Return the index terms one edit from the word's stem in each text language."""
    reader, found = searcher.reader(), []
    for text_lang in LANGUAGES:
        fields = [text_field(role, text_lang) for role in ROLES]
        for term in index_terms(word, text_lang):
            if len(term) < MIN_LENGTH:
                continue
            close = _matches(searcher, term, 1, fields)
            ranked = sorted(close, key=lambda t: -sum(reader.doc_frequency(f, t) for f in fields))
            found += [(text_lang, t) for t in ranked[:VARIANTS]]
    return list(dict.fromkeys(found))


def spelling(
    searcher: Searcher, words: list[str], lang: str
) -> tuple[dict[str, str], dict[str, list[Variant]]]:
    """Return a correction to suggest and the close terms to search, per unknown word."""
    corrections: dict[str, str] = {}
    widened: dict[str, list[Variant]] = {}
    for word in words:
        if len(word) < MIN_LENGTH or not word.isalpha() or known(searcher, word, lang):
            continue
        suggested = correction(searcher, word, lang)
        if suggested:
            corrections[word] = suggested
        if suggested and distance(suggested, word) <= 1:  # a name's word: search it alone
            close = [(t, s) for t in LANGUAGES for s in index_terms(suggested, t)]
        else:
            close = variants(searcher, word, lang)
        if close:
            widened[word] = list(dict.fromkeys(close))
    return corrections, widened
