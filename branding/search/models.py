"""The search outbox and the record of searches that found nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import utcnow
from branding.extensions import Model


class SearchOutbox(Model):
    """An item whose documents must be brought up to date, written with the change."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    # destination, event, business, product, area (its items), or all (reconcile)
    item_type: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MissedSearch(Model):
    """A visitor's search that found nothing, for the tourism office."""

    __tablename__ = "missed_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(100))
    lang: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
