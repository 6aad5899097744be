"""The index schema: one document per (item, language).

A document for language ``L`` (``lang`` field) holds the item's texts as a
reader of ``L`` sees them: each text in ``L`` or, when missing, in its fallback
language. Every text goes into the field of the language it is written in,
``name_<T>`` or ``body_<T>``, so that it is analyzed as that language:
Indonesian text is stemmed as Indonesian even in the English document. A search
in ``L`` keeps the ``L`` documents (a set kept per searcher), so sharing the
fields between document languages costs nothing and keeps the term dictionary
small, which is most of what building an index costs.
"""

from __future__ import annotations

from collections import Counter

from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, Schema
from whoosh.system import pack_uint

from branding.core.i18n import LANGUAGES
from branding.search.analyzers import analyzer

ROLES = ("name", "body")  # what a reader of the document's language sees
OTHER = "other"  # the item's texts in the other languages, so every version is findable
NAME_BOOST = 3.0  # a word in a name or title weighs three times a word in the body
OTHER_BOOST = 0.25  # a word only in another language's version weighs least
TYPES = ("destination", "event", "business", "product")


_analyzed: dict[tuple[str, str], list] = {}  # a text's postings, while its item is indexed


class CountedText(TEXT):
    """Whoosh's TEXT field (term frequencies, no positions), indexing a text in one pass.

    Whoosh counts a text's terms token by token through a chain of generators;
    counting the analyzer's plain terms with a ``Counter`` gives the same postings
    in about half the time, and indexing is most of what a rebuild costs.
    """

    def __init__(self, lang: str) -> None:
        super().__init__(analyzer=analyzer(lang), phrase=False)
        self.lang = lang

    def index(self, value: str, **kwargs):
        # An item's three documents share most texts (fallbacks, other versions):
        # each text is analyzed once.
        key = (self.lang, value)
        found = _analyzed.get(key)
        if found is None:
            counts = Counter(self.analyzer.terms(value))
            boost = self.format.field_boost
            found = [(w.encode("utf-8"), n, n * boost, pack_uint(n)) for w, n in counts.items()]
            if len(_analyzed) > 2000:
                _analyzed.clear()
            _analyzed[key] = found
        return found


def text(lang: str) -> CountedText:
    """Return a text field analyzed as ``lang``."""
    return CountedText(lang)


def text_field(role: str, text_lang: str) -> str:
    """Return the field holding ``role`` text (name or body) written in ``text_lang``."""
    return f"{role}_{text_lang}"


COMPLETE = "complete"  # names as readers see them, words unstemmed: suggestions, corrections


def build_schema() -> Schema:
    """Return the schema: keys and filters, dates, then the text fields per language."""
    schema = Schema(
        key=STORED,  # "destination:12:en", to map a hit to its item
        item=ID,  # "destination:12": all languages of one item, to replace them
        lang=ID,
        type=ID,
        business=ID,  # a product's business, so a business change reaches its products
        area=ID,
        category=ID,
        # An event's start, and its end or the end of its series (open: far future), in
        # seconds since 1970; kept as columns, not terms (see matching.date_docs).
        starts=COLUMN(NumericColumn("q")),
        ends=COLUMN(NumericColumn("q")),
        fingerprint=STORED,  # a hash of the fields, to spot stale documents
    )
    schema.add(COMPLETE, text("btd"))  # lowercase words, nothing stemmed
    for lang in LANGUAGES:
        for role in (*ROLES, OTHER):
            schema.add(text_field(role, lang), text(lang))
    return schema
