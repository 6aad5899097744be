"""The open-data change log: one row per public-facing change, written with the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import utcnow
from branding.extensions import Model


class ApiChange(Model):
    """An item whose open-data representation may have changed (or gone), in commit-safe order.

    An append-only log read through ``branding.core.changefeed``, compacted by
    ``api.retention`` (never by the search indexer: its outbox is another table): past the
    retention, rows superseded by a later row of the same item and tombstones go, so a
    client may still sync from the very first row and get every public item.
    """

    __tablename__ = "api_changes"
    __table_args__ = (
        Index("ix_api_changes_item", "item_type", "item_id", "id"),
        {"sqlite_autoincrement": True},  # ids are never reused
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_type: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ApiExposure(Model):
    """An item that has been public at least once: only these ever get a tombstone.

    Written with the change that makes an item public (``changelog``), so a draft deleted
    before it was published leaves no trace in the feed, not even its id.
    """

    __tablename__ = "api_exposures"

    item_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    item_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    first_public_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiLogHorizon(Model):
    """How far the change log has been compacted (one row, ``id`` 1; none before the first).

    ``compacted_through``: no row with an id up to it can appear any more (a reader need not
    wait for one). ``resync_below``: a tombstone (or a resync) with an id up to it is gone.
    ``epoch``: how many compactions removed a tombstone. A cursor carries the epoch it was
    read in: one read in an earlier epoch that has not read up to ``resync_below`` must
    start again (one read in this epoch was handed nothing that a removed tombstone would
    take back: the compacted log holds no row of the removed item). ``cutoff``: rows logged
    before it may be gone, so ``updated_since`` must not be older.
    """

    __tablename__ = "api_log_horizon"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    compacted_through: Mapped[int]
    resync_below: Mapped[int]
    epoch: Mapped[int]
    cutoff: Mapped[datetime] = mapped_column(UTCDateTime)
