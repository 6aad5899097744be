"""Write the buffered counts to the database in batches: ``flush()``.

``flush`` is a plain function: a web worker calls it after a response when a flush is due
(``COUNTING_FLUSH_AFTER_REQUEST``), ``flask counts flush`` calls it, and a job runner may call it
on a schedule. Counts are added to the day's rows with one upsert per table (rows sorted, so
concurrent flushers lock them in the same order), and the batch's id is written in the same
transaction, so a batch is never added twice.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from datetime import date, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.insight.buffer import Batch, Buffer
from branding.insight.models import CountBatch, DailyCount, SearchCount
from branding.insight.visitors import today

log = logging.getLogger(__name__)
MAX_BATCHES = 20  # per flush; a busier buffer is left for the next one
KEEP_BATCH_IDS = timedelta(days=7)
KEEP_SEARCH_DAYS = 365
PRUNE_EVERY = 3600.0  # seconds
_next_prune = [0.0]


def counting_buffer() -> Buffer:
    """Return the buffer this application counts into."""
    return current_app.extensions["counting_buffer"]


def flush(buffer: Buffer | None = None) -> int:
    """Write what the buffer holds to the database; return how many counts were added."""
    buffer = buffer or counting_buffer()
    buffer.send()  # what this process has not handed to the buffer yet
    added = 0
    for _ in range(MAX_BATCHES):
        batch = buffer.take()
        if batch is None:
            break
        try:
            added += write_batch(batch)
        except Exception:
            db.session.rollback()
            buffer.give_back(batch)
            raise
        buffer.done(batch)
    return added


def flush_quietly(buffer: Buffer | None = None) -> int:
    """Flush, logging any failure instead of raising it (the counts stay buffered)."""
    try:
        return flush(buffer)
    except Exception:
        log.warning("writing the visit counts failed; they stay buffered", exc_info=True)
        return 0


def write_batch(batch: Batch) -> int:
    """Add a batch's counts to the database in one transaction, unless it was written before."""
    if db.session.get(CountBatch, batch.id) is not None:
        return 0  # written by a flusher that died before it could say so
    days, searches = _rows(batch.counts)
    if days:
        _upsert(DailyCount, days, ("day", "subject_type", "subject_id", "action", "lang"))
    if searches:
        _upsert(SearchCount, searches, ("day", "lang", "query"))
    db.session.add(CountBatch(id=batch.id))
    _prune()
    try:
        db.session.commit()
    except IntegrityError:  # another flusher wrote this very batch meanwhile
        db.session.rollback()
        return 0
    return sum(batch.counts.values())


def _rows(counts: dict[str, int]) -> tuple[list[dict], list[dict]]:
    """Turn buffer keys into rows, sorted by their unique key."""
    days: Counter[tuple] = Counter()
    searches: Counter[tuple] = Counter()
    for key, number in counts.items():
        kind, rest = key.split("|", 1)
        if kind == "c":
            day, subject_type, subject_id, action, lang = rest.split("|")
            days[(date.fromisoformat(day), subject_type, int(subject_id), action, lang)] += number
        elif kind == "s":
            day, lang, query = rest.split("|", 2)
            searches[(date.fromisoformat(day), lang, query)] += number
    day_rows = [
        {"day": k[0], "subject_type": k[1], "subject_id": k[2], "action": k[3], "lang": k[4],
         "is_sample": False, "count": n}
        for k, n in sorted(days.items())
    ]  # fmt: skip
    search_rows = [
        {"day": k[0], "lang": k[1], "query": k[2], "is_sample": False, "count": n}
        for k, n in sorted(searches.items())
    ]
    return day_rows, search_rows


def _upsert(model, rows: list[dict], keys: tuple[str, ...]) -> None:
    """Insert rows, or add their counts to the rows that exist (SQLite and PostgreSQL)."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = db.session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = model.__table__
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[*keys, "is_sample"],
        set_={"count": table.c["count"] + statement.excluded["count"]},
    )
    db.session.execute(statement, rows)


def _prune() -> None:
    """Forget old batch ids, and searches older than a year (as for missed searches).

    At most once an hour per process: it is housekeeping, not part of every write.
    """
    if time.monotonic() < _next_prune[0]:
        return
    _next_prune[0] = time.monotonic() + PRUNE_EVERY
    db.session.execute(delete(CountBatch).where(CountBatch.written_at < utcnow() - KEEP_BATCH_IDS))
    oldest = today() - timedelta(days=KEEP_SEARCH_DAYS)
    if db.session.scalar(select(SearchCount.id).where(SearchCount.day < oldest).limit(1)):
        db.session.execute(delete(SearchCount).where(SearchCount.day < oldest))
