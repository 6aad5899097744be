"""The indexer: bring this server's index up to the outbox, at its own position.

``drain()`` is the one function to call, from ``flask search index``, a job
runner, or after a request: it reads the outbox rows this index has not applied
(``branding.core.changefeed``, so a row that commits late is never skipped),
rewrites those items' documents, commits the index, and only then stores the
new position in ``search_indexes``. Applying a row twice, or late, is harmless.
Writers for one index folder take turns on a lock file; other servers' indexes
read the same rows at their own pace. Rows every live index has passed are
pruned; rows older than the retention period go regardless, and an index that
had not read them rebuilds itself on its next drain.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, or_, select

from branding.core import changefeed
from branding.core.changefeed import Position
from branding.core.content.publishing import utcnow
from branding.core.content.statements import affected_rows
from branding.extensions import db
from branding.search import health, positions, storage
from branding.search.apply import plan_for, refresh
from branding.search.check import reconcile
from branding.search.documents import category_labels
from branding.search.models import OUTBOX, SearchIndexState, SearchOutbox

log = logging.getLogger(__name__)
BATCH = 500  # outbox rows per index commit
DRAIN_LOCK = "DRAIN_LOCK"  # one drain per index folder, from reading the position to saving it
RETENTION_DAYS = 7  # outbox rows older than this are pruned even if an index has not read them
TOUCH_EVERY = timedelta(minutes=1)  # how often an idle drain reports the index alive


class RebuildNeeded(Exception):
    """Rows this index had not read were pruned: only a rebuild can catch it up."""


@dataclass
class DrainReport:
    """How much a drain applied, and whether it had to stop."""

    rows: int = 0
    documents: int = 0
    busy: bool = False
    missing: bool = False  # no usable index: the rows wait for `flask search rebuild`
    rebuilt: str = ""  # why the index had to be rebuilt, if it was
    pruned: int = 0
    position: Position = field(default_factory=Position)
    more: bool = False


def _log_table():
    return OUTBOX


def drain_batch(timeout: float, batch: int = BATCH) -> DrainReport:
    """Apply up to ``batch`` outbox rows this index has not applied, in one index commit."""
    root = storage.index_root()
    name = positions.index_name(root)
    with storage.lock(root, DRAIN_LOCK, timeout), storage.writer(root, timeout) as writer:
        db.session.rollback()  # a fresh transaction: see everything committed until now
        state = positions.load(name)
        if state is not None and state.rebuild_needed:
            raise RebuildNeeded(state.rebuild_needed)
        before = Position.from_json(state.position) if state else Position()
        got = changefeed.read(db.session.connection(), _log_table(), before, limit=batch)
        added = 0
        if got.rows:
            plan = plan_for([(row.item_type, row.item_id) for row in got.rows])
            labels = category_labels()
            # A full reconcile covers every item: refreshing some first would add them twice.
            added = reconcile(writer, labels) if plan.everything else refresh(writer, plan, labels)
        db.session.rollback()  # end the read transaction before the database write
        if got.rows:
            writer.commit()
        idle = state is not None and state.last_seen > utcnow() - TOUCH_EVERY
        if got.after != before or not idle:
            positions.save(got.after, name)
            db.session.commit()
        else:
            positions.remember(name, got.after)
    return DrainReport(rows=len(got.rows), documents=added, position=got.after, more=got.more)


def drain(
    timeout: float = 5.0, limit: int | None = None, batch: int = BATCH, prune: bool = True
) -> DrainReport:
    """Apply the waiting outbox rows batch by batch (at most ``limit``); rebuild if it must.

    The function a job runner calls, and ``flask search index``.
    """
    from branding.search.rebuild import rebuild

    report = DrainReport()
    while limit is None or report.rows < limit:
        size = batch if limit is None else min(batch, limit - report.rows)
        try:
            done = drain_batch(timeout, size)
        except (storage.IndexMissing, storage.IndexDamaged) as error:  # rows wait for a rebuild
            health.degraded("index missing or unreadable: changes wait for a rebuild", error)
            report.missing = True
            break
        except storage.IndexBusy:
            report.busy = True
            break
        except RebuildNeeded as reason:
            health.degraded(f"rebuilding: {reason}")
            db.session.rollback()
            rebuild(timeout=max(timeout, 30.0))
            report.rebuilt = str(reason)
            continue
        report.rows += done.rows
        report.documents += done.documents
        report.position = done.position
        if not done.more:
            break
    if prune:
        report.pruned = prune_outbox()
    return report


def prune_outbox(retention_days: float | None = None) -> int:
    """Delete the rows every live index has passed, and those past the retention period.

    An index whose position is below a row deleted here is flagged: its next drain
    rebuilds it. Return how many rows were deleted; commits.
    """
    retention = retention_days
    if retention is None:
        retention = current_app.config.get("SEARCH_OUTBOX_RETENTION_DAYS", RETENTION_DAYS)
    live = positions.live_since()
    deleted = 0
    cut = db.session.scalar(
        select(func.min(SearchIndexState.low)).where(SearchIndexState.last_seen >= live)
    )
    if cut:
        positions.mark_for_rebuild(cut, "changes it had not read were pruned while it was away")
        deleted += affected_rows(delete(SearchOutbox).where(SearchOutbox.id <= cut))
    old = utcnow() - timedelta(days=float(retention))
    expired = db.session.scalar(
        select(func.max(SearchOutbox.id)).where(SearchOutbox.created_at < old)
    )
    if expired:
        positions.mark_for_rebuild(expired, f"changes older than {retention} days were pruned")
        deleted += affected_rows(delete(SearchOutbox).where(SearchOutbox.id <= expired))
    db.session.commit()
    if deleted:
        log.debug("pruned %d search outbox rows", deleted)
    return deleted


def backlog(name: str | None = None) -> int:
    """Return how many outbox rows this index has not applied."""
    found = positions.position(name)
    ids = SearchOutbox.id
    wanted = [ids > found.high, *(ids.between(g.low, g.high) for g in found.gaps)]
    waiting = db.session.scalar(select(func.count(ids)).where(or_(*wanted))) or 0
    db.session.rollback()
    return waiting
