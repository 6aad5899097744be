"""The search outbox (a change log), the indexes reading it, and searches that found nothing."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import BigInteger, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import utcnow
from branding.extensions import Model


class SearchOutbox(Model):
    """An item whose documents must be brought up to date, written with the change.

    An append-only log (``branding.core.changefeed``): every index reads it at its
    own position; rows go once every live index has passed them, or after the
    retention period.
    """

    __tablename__ = "search_outbox"
    __table_args__ = (
        Index("ix_search_outbox_created_at", "created_at"),
        {"sqlite_autoincrement": True},  # ids are never reused once pruned
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # destination, event, business, product, area (its items), or all (reconcile)
    item_type: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SearchIndexState(Model):
    """One search index (a folder on one server): where it is in the outbox, and its health."""

    __tablename__ = "search_indexes"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)  # host:folder
    position: Mapped[str] = mapped_column(Text, default="")  # changefeed.Position as JSON
    low: Mapped[int] = mapped_column(BigInteger, default=0)  # every row up to here applied
    high: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rebuild_needed: Mapped[str] = mapped_column(String(200), default="")  # why, if it must
    degraded_count: Mapped[int] = mapped_column(default=0)
    degraded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    degraded_cause: Mapped[str] = mapped_column(String(300), default="")


class MissedSearch(Model):
    """A visitor's search that found nothing, for the tourism office."""

    __tablename__ = "missed_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(100))
    lang: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


OUTBOX = cast(Table, SearchOutbox.__table__)  # the log, for branding.core.changefeed
INDEXES = cast(Table, SearchIndexState.__table__)
