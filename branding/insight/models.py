"""Counts of visits, contacts, scans and searches per day, and the QR posters.

Nothing here can name a visitor: a row is a day, an item, an action, a language and a number.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branding.accounts.models import User
from branding.businesses.models import Business
from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import utcnow
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import Model

# What is counted. A page view is "view"; a contact goes through the counting redirect.
VIEW, SCAN = "view", "scan"
CONTACT_ACTIONS = ("whatsapp", "phone", "website", "directions", "share", "calendar")
ACTIONS = (VIEW, SCAN, *CONTACT_ACTIONS)
SUBJECT_TYPES = ("destination", "event", "business", "product", "poster")


class DailyCount(Model):
    """How many visitors did one thing with one item on one day (WIB), in one language.

    A visitor is counted once per item, action and day. ``is_sample`` rows are made up for the
    sample data and never mixed with real counts (they have rows of their own).
    """

    __tablename__ = "daily_counts"
    __table_args__ = (
        UniqueConstraint(
            "day",
            "subject_type",
            "subject_id",
            "action",
            "lang",
            "is_sample",
            name="uq_daily_counts_key",
        ),
        Index("ix_daily_counts_subject", "subject_type", "subject_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    subject_type: Mapped[str] = mapped_column(String(12))  # SUBJECT_TYPES
    subject_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(12))  # ACTIONS
    lang: Mapped[str] = mapped_column(String(3))
    is_sample: Mapped[bool] = mapped_column(default=False)
    count: Mapped[int] = mapped_column(default=0)


class SearchCount(Model):
    """How many visitors searched for a text on one day, in one language (no one's identity)."""

    __tablename__ = "search_counts"
    __table_args__ = (
        UniqueConstraint("day", "lang", "query", "is_sample", name="uq_search_counts_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    lang: Mapped[str] = mapped_column(String(3))
    query: Mapped[str] = mapped_column(String(100))
    is_sample: Mapped[bool] = mapped_column(default=False)
    count: Mapped[int] = mapped_column(default=0)


class CountBatch(Model):
    """A batch of counts written to the database: a batch is written once, even after a crash."""

    __tablename__ = "count_batches"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


POSTER_ITEMS = ("destination_id", "event_id", "business_id")
_ONE_ITEM = " + ".join(f"(CASE WHEN {col} IS NULL THEN 0 ELSE 1 END)" for col in POSTER_ITEMS)


class Poster(Model):
    """A printed QR poster for one destination, event or business, with a short address.

    ``code`` makes the address ``/q/<code>``; scans are counted per poster (``DailyCount`` rows
    of subject type "poster"). ``label`` says where it hangs, for the office.
    """

    __tablename__ = "posters"
    __table_args__ = (CheckConstraint(f"{_ONE_ITEM} = 1", name="one_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    label: Mapped[str] = mapped_column(String(120), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    destination_id: Mapped[int | None] = mapped_column(
        ForeignKey("destinations.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    business_id: Mapped[int | None] = mapped_column(
        ForeignKey("businesses.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    is_sample: Mapped[bool] = mapped_column(default=False)

    destination: Mapped[Destination | None] = relationship()
    event: Mapped[Event | None] = relationship()
    business: Mapped[Business | None] = relationship()
    created_by: Mapped[User | None] = relationship()

    @property
    def kind(self) -> str:
        """Which kind of item the poster is for: destination, event or business."""
        names = (col.removesuffix("_id") for col in POSTER_ITEMS)
        return next(name for name in names if getattr(self, name) is not None)

    @property
    def item(self) -> Destination | Event | Business:
        """The destination, event or business the poster is for."""
        return getattr(self, self.kind)
