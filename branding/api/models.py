"""The open-data change log: one row per public-facing change, written with the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import utcnow
from branding.extensions import Model


class ApiChange(Model):
    """An item whose open-data representation may have changed (or gone), in commit-safe order.

    An append-only log read through ``branding.core.changefeed``; never pruned by the search
    indexer (its outbox is another table), so a client may sync from the very first row.
    """

    __tablename__ = "api_changes"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids are never reused

    id: Mapped[int] = mapped_column(primary_key=True)
    item_type: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
