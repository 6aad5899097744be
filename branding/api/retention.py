"""Compacting the change log on a schedule, with a retention clients can rely on.

Rows logged in the last ``API_CHANGES_RETENTION_DAYS`` all stay. Older ones go when they
tell a client nothing it could not learn later: a row whose item has a later row (the
reader meets that one), and the last row of an item that is not public any more (its
tombstone) or a ``resync``. So the log keeps one row per public item however old, and a
client syncing from nothing still gets every one of them. What the compaction removed is
kept in ``api_log_horizon``: a position read before a tombstone was removed that had not
read past it, or an ``updated_since`` before the cutoff, is answered 410 (``ResyncRequired``),
and no reader waits for an id up to the compacted range.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import Delete, delete, exists, func, or_, select

from branding.api.changelog import public_ids
from branding.api.models import ApiChange, ApiExposure, ApiLogHorizon
from branding.api.sync import LOG
from branding.areas.models import Area
from branding.core import jobs
from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.search.sources import KINDS


@jobs.every("api change log compacted", minutes="41", hours="2")
def compact_on_schedule() -> int:
    """Compact the change log past its retention (daily, 02:41 UTC)."""
    removed = compact(utcnow())
    db.session.commit()
    return removed


def compact(now: datetime) -> int:
    """Remove the log's rows past the retention that no client needs; return how many."""
    cutoff = now - timedelta(days=current_app.config["API_CHANGES_RETENTION_DAYS"])
    through = db.session.scalar(select(func.max(ApiChange.id)).where(ApiChange.created_at < cutoff))
    if through is None:
        return 0
    later = LOG.alias("later")
    superseded = delete(ApiChange).where(
        ApiChange.id <= through,
        exists().where(
            later.c.item_type == ApiChange.item_type,
            later.c.item_id == ApiChange.item_id,
            later.c.id > ApiChange.id,
        ),
    )
    removed = _run(superseded)
    gone = or_(
        ApiChange.item_type == "all",
        *(
            (ApiChange.item_type == kind) & ApiChange.item_id.not_in(public_ids(kind))
            for kind in ("area", *KINDS)
        ),
    )
    old = (ApiChange.id <= through) & gone
    last_tombstone = db.session.scalar(select(func.max(ApiChange.id)).where(old)) or 0
    removed += _run(delete(ApiChange).where(old))
    _forget_exposures()
    _note_horizon(through, last_tombstone, cutoff)
    return removed


def _run(statement: Delete) -> int:
    """Run a DELETE on the session's connection (in its transaction); return its row count."""
    return db.session.connection().execute(statement).rowcount


def _forget_exposures() -> None:
    """Forget items that are gone and that no log row names any more."""
    for kind in ("area", *KINDS):
        model = Area if kind == "area" else KINDS[kind].model
        logged = exists().where(
            ApiChange.item_type == ApiExposure.item_type, ApiChange.item_id == ApiExposure.item_id
        )
        db.session.execute(
            delete(ApiExposure).where(
                ApiExposure.item_type == kind,
                ApiExposure.item_id.not_in(select(model.id)),
                ~logged,
            )
        )


def _note_horizon(through: int, last_tombstone: int, cutoff: datetime) -> None:
    horizon = db.session.get(ApiLogHorizon, 1)
    if horizon is None:
        horizon = ApiLogHorizon(id=1, compacted_through=0, resync_below=0, epoch=0, cutoff=cutoff)
        db.session.add(horizon)
    horizon.compacted_through = max(horizon.compacted_through, through)
    if last_tombstone:
        horizon.resync_below = max(horizon.resync_below, last_tombstone)
        horizon.epoch += 1
    horizon.cutoff = max(horizon.cutoff, cutoff)
