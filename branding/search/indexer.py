"""The indexer: drain the outbox into the index, or rebuild the index from the database.

There is one writer at a time: Whoosh's lock on the current index. A drain that
cannot take it within its timeout leaves the rows for the next drain. Applying a
row means "make this item's documents match the database now", so applying one
twice, or late, is harmless; rows are deleted only after the index commits.
The indexer ends its own read transactions: call it without pending changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from branding.extensions import db
from branding.search import outbox, storage
from branding.search.apply import plan_for, refresh
from branding.search.check import reconcile
from branding.search.documents import category_labels

BATCH = 500  # outbox rows per index commit


@dataclass
class DrainReport:
    """How much a drain applied, and whether it had to stop."""

    rows: int = 0
    documents: int = 0
    busy: bool = False
    missing: bool = False  # no usable index: the rows wait for `flask search rebuild`


def drain_batch(timeout: float, batch: int = BATCH) -> DrainReport:
    """Apply up to ``batch`` outbox rows in one index commit."""
    root = storage.index_root()
    with storage.writer(root, timeout) as writer:
        rows = [(r.id, r.item_type, r.item_id) for r in outbox.pending(batch)]
        if not rows:
            db.session.rollback()
            return DrainReport()
        plan = plan_for([(kind, item_id) for _, kind, item_id in rows])
        labels = category_labels()
        # A full reconcile covers every item: refreshing some first would add them twice.
        added = reconcile(writer, labels) if plan.everything else refresh(writer, plan, labels)
        db.session.rollback()  # end the read transaction before the database write
        writer.commit()
    outbox.remove([row_id for row_id, _, _ in rows])
    db.session.commit()
    return DrainReport(rows=len(rows), documents=added)


def drain(timeout: float = 5.0, limit: int | None = None, batch: int = BATCH) -> DrainReport:
    """Drain the outbox batch by batch until it is empty (or ``limit`` rows are applied)."""
    report = DrainReport()
    while limit is None or report.rows < limit:
        try:
            done = drain_batch(timeout, batch if limit is None else min(batch, limit - report.rows))
        except (storage.IndexMissing, storage.IndexDamaged):  # rows wait for a rebuild
            return DrainReport(report.rows, report.documents, missing=True)
        except storage.IndexBusy:
            return DrainReport(report.rows, report.documents, busy=True)
        report.rows += done.rows
        report.documents += done.documents
        if not done.rows:
            break
    return report
