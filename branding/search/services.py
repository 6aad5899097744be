"""Searching for visitors: the index first, the database when the index fails."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from math import ceil
from typing import Any

from flask import url_for
from sqlalchemy.exc import SQLAlchemyError

from branding.core.content.publishing import utcnow
from branding.core.i18n import LANGUAGES
from branding.core.web.paging import Pager
from branding.events.services import Upcoming, next_occurrence
from branding.extensions import db
from branding.search import health, storage
from branding.search.analyzers import index_terms
from branding.search.fallback import search_database
from branding.search.labels import TYPE_LABELS
from branding.search.missed import record_missed
from branding.search.params import SearchParams
from branding.search.query import FEW, IndexResult, clean_query, complete, search_index
from branding.search.snippets import Highlighted, highlight
from branding.search.sources import load_visible

log = logging.getLogger(__name__)
SNIPPET = 200
ENDPOINTS = {
    "destination": "destinations.detail",
    "event": "events.detail",
    "business": "businesses.detail",
}


@dataclass
class Result:
    """One item found, with its highlighted title and snippet."""

    kind: str
    item: Any
    url: str
    title: Highlighted
    snippet: Highlighted
    when: Upcoming | None = None  # an event's next (or last) occurrence


@dataclass
class SearchPage(Pager):
    """A page of results, the counts per type, and what the visitor should know."""

    params: SearchParams
    results: list[Result] = field(default_factory=list)
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    suggestion: str = ""  # "did you mean"
    tolerant: bool = False
    partial: bool = False
    degraded: bool = False  # the database answered: names only
    trouble: str = ""  # the index answered without a step (spelling): say so
    timed_out: bool = False

    @property
    def page(self) -> int:
        return self.params.page

    @property
    def pages(self) -> int:
        return ceil(self.total / self.params.per_page)

    @property
    def all_count(self) -> int:
        return sum(self.counts.values())


def find(params: SearchParams) -> tuple[IndexResult, bool]:
    """Return the index's answer, or the database's when the index fails (and say so)."""
    filters, root = params.filters(), storage.index_root()
    try:
        found = search_index(
            storage.searcher(root), params.words, params.lang, filters, params.page, params.per_page
        )
        if found.timed_out:
            health.degraded("a search ran out of time")
        return found, bool(found.trouble)
    except storage.IndexMissing as error:
        health.degraded("no search index: searching names in the database", error)
    except Exception as error:  # a locked, damaged or half-written index can fail in many ways
        health.degraded("the search index failed: searching names in the database", error)
        storage.forget_searcher(root)
    try:
        return search_database(params.words, filters, params.page, params.per_page), True
    except SQLAlchemyError as error:
        db.session.rollback()
        health.degraded("the database search failed too", error)
        return IndexResult(), True


def search_page(params: SearchParams, record: bool = True) -> SearchPage:
    """Search for the visitor's words and load one page of results from the database.

    A first page that found nothing is recorded for the office (``record``), even
    when search was degraded.
    """
    if not params.words:
        return SearchPage(params)
    found, degraded = find(params)
    stems = _stems(params.words, [v for vs in found.variants.values() for v in vs])
    moment = _moment(params)
    results = [_result(kind, item, stems, params.lang, moment) for kind, item in load(found.hits)]
    if record and not sum(found.counts.values()) and params.page == 1:
        record_missed(params.text, params.lang)
    corrected = " ".join(found.corrections.get(w, w) for w in params.words)
    show_correction = found.corrections and (found.tolerant or found.total < FEW)
    return SearchPage(
        params,
        results=results,
        total=found.total,
        counts=found.counts,
        suggestion=corrected if show_correction else "",
        tolerant=found.tolerant,
        partial=found.partial,
        degraded=degraded and not found.trouble,
        trouble=found.trouble,
        timed_out=found.timed_out,
    )


def load(pairs: list[tuple[str, int]]) -> list[tuple[str, Any]]:
    """Load the public items among ``(type, id)`` pairs, in their order: one query per type."""
    by_kind: dict[str, list[int]] = {}
    for kind, item_id in pairs:
        by_kind.setdefault(kind, []).append(item_id)
    loaded = {kind: load_visible(kind, ids) for kind, ids in by_kind.items()}
    return [(kind, loaded[kind][i]) for kind, i in pairs if i in loaded[kind]]


def _stems(words: list[str], variants: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Return the index terms to highlight, per language of the text."""
    stems = {lang: {t for w in words for t in index_terms(w, lang)} for lang in LANGUAGES}
    for lang, term in variants:
        stems[lang].add(term)
    return stems


def item_url(kind: str, item: Any) -> str:
    """Return the page of a found item (a product's is its business's page)."""
    if kind == "product":
        return url_for("businesses.detail", slug=item.business.slug)
    return url_for(ENDPOINTS[kind], slug=item.slug)


def item_name(kind: str, item: Any, lang: str) -> Any:
    """Return an item's name as a ``lang`` reader sees it."""
    if kind == "business":
        return item.name
    return (item.title if kind == "event" else item.name).resolve(lang)


def _moment(params: SearchParams) -> datetime:
    """Return the time from which to show an event's next occurrence."""
    filters = params.filters()
    if filters.ends_after and not params.upcoming:
        return filters.ends_after.replace(tzinfo=UTC)
    return utcnow()


def _result(
    kind: str, item: Any, stems: dict[str, set[str]], lang: str, moment: datetime
) -> Result:
    title = highlight(item_name(kind, item, lang), stems, lang)
    texts = [item.description] if kind == "product" else [item.summary, item.description]
    shown = [text for text in (t.resolve(lang) for t in texts) if text]
    snippets = [highlight(t, stems, lang, SNIPPET) for t in shown]
    snippet = next((s for s in snippets if any(m for _, m in s.segments)), None)
    snippet = snippet or (snippets[0] if snippets else Highlighted([], lang))
    when = None
    if kind == "event":
        when = next_occurrence(item, moment) or Upcoming(item, item.starts_at, item.ends_at)
    return Result(kind, item, item_url(kind, item), title, snippet, when)


def suggest(text: str, lang: str, limit: int = 8) -> list[dict[str, str]]:
    """Return items whose names complete the words typed so far, for the search box."""
    text = clean_query(text)
    root = storage.index_root()
    try:
        pairs = complete(storage.searcher(root), text, lang, limit)
    except Exception as error:  # suggestions are a nicety: no index, no suggestions
        health.degraded("search suggestions unavailable", error)
        storage.forget_searcher(root)
        return []
    return [
        {
            "title": str(item_name(kind, item, lang)),
            "type": kind,
            "label": str(TYPE_LABELS[kind]),
            "url": item_url(kind, item),
        }
        for kind, item in load(pairs)
    ]
