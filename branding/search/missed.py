"""Searches that found nothing: recorded for the tourism office, kept for a year."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import has_request_context
from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError

from branding.core import pagecache
from branding.core.content.publishing import utcnow
from branding.core.content.statements import affected_rows
from branding.extensions import db
from branding.search.models import MissedSearch
from branding.search.query import MAX_QUERY, clean_query

log = logging.getLogger(__name__)
KEEP_DAYS = 365
MISSED_NOTE = "search_missed"


@dataclass(frozen=True)
class MissedQuery:
    """How often a query found nothing in a language, and when it last did."""

    query: str
    lang: str
    count: int
    last_seen: datetime


def record_missed(text: str, lang: str) -> None:
    """Remember a search that found nothing; a failure here never fails the page."""
    query = clean_query(text).lower()[:MAX_QUERY]
    if not query:
        return
    if has_request_context():  # recorded again when the page is answered from the cache
        pagecache.note(MISSED_NOTE, [text, lang])
    try:
        db.session.add(MissedSearch(query=query, lang=lang))
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        log.warning("could not record a missed search", exc_info=True)


def missed_searches(days: int = 30, limit: int = 50) -> list[MissedQuery]:
    """Return the most frequent searches that found nothing in the last ``days``."""
    since = utcnow() - timedelta(days=days)
    count = func.count(MissedSearch.id)
    query = (
        select(MissedSearch.query, MissedSearch.lang, count, func.max(MissedSearch.created_at))
        .where(MissedSearch.created_at >= since)
        .group_by(MissedSearch.query, MissedSearch.lang)
        .order_by(count.desc(), MissedSearch.query)
        .limit(limit)
    )
    return [MissedQuery(*row) for row in db.session.execute(query)]


def prune_missed(days: int = KEEP_DAYS) -> int:
    """Delete missed searches older than ``days``; the caller commits. Return how many."""
    before = utcnow() - timedelta(days=days)
    return affected_rows(delete(MissedSearch).where(MissedSearch.created_at < before))
