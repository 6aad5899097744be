"""The event model. Times are stored in UTC and shown in Asia/Jakarta."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branding.areas.models import Area
from branding.core.content.columns import MultilingualText, TranslatedText, UTCDateTime
from branding.core.content.publishing import (
    PublicationStatus,
    Publishable,
    Scheduled,
    Timestamped,
    enum_column,
)
from branding.destinations.models import Destination
from branding.extensions import Model
from branding.media.models import HasPhotos, Photo


class EventCategory(StrEnum):
    FESTIVAL = "festival"
    CULTURE = "culture"
    RELIGIOUS = "religious"
    SPORT = "sport"
    MARKET = "market"
    EXHIBITION = "exhibition"


class EventStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    RESCHEDULED = "rescheduled"


class Event(HasPhotos, Publishable, Scheduled, Timestamped, Model):
    __tablename__ = "events"
    __table_args__ = (CheckConstraint("ends_at >= starts_at", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[PublicationStatus] = mapped_column(
        enum_column(PublicationStatus), default=PublicationStatus.DRAFT, index=True
    )
    event_status: Mapped[EventStatus] = mapped_column(
        enum_column(EventStatus), default=EventStatus.SCHEDULED
    )
    featured: Mapped[bool] = mapped_column(default=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    category: Mapped[EventCategory] = mapped_column(enum_column(EventCategory), index=True)
    title: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    summary: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    description: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    all_day: Mapped[bool] = mapped_column(default=False)
    # An RFC 5545 RRULE without DTSTART (e.g. "FREQ=WEEKLY;BYDAY=SA"), the
    # excluded dates (ISO dates in WIB) and the series end it implies (UTC),
    # kept so that "is it still on?" is one indexed comparison.
    recurrence_rule: Mapped[str | None] = mapped_column(String(255))
    recurrence_exdates: Mapped[list] = mapped_column(JSON, default=list)
    recurrence_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    destination_id: Mapped[int | None] = mapped_column(
        ForeignKey("destinations.id", ondelete="SET NULL"), index=True
    )
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("areas.id", ondelete="RESTRICT"), index=True
    )
    venue_name: Mapped[str] = mapped_column(String(200), default="")
    venue_address: Mapped[str] = mapped_column(String(255), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    organiser: Mapped[str] = mapped_column(String(200), default="")
    organiser_contact: Mapped[str] = mapped_column(String(200), default="")
    entry_free: Mapped[bool] = mapped_column(default=True)
    price: Mapped[int | None]  # rupiah
    registration_url: Mapped[str] = mapped_column(String(300), default="")

    destination: Mapped[Destination | None] = relationship()
    area: Mapped[Area | None] = relationship()
    photos: Mapped[list[Photo]] = relationship(
        order_by=(Photo.position, Photo.id), cascade="all, delete-orphan"
    )

    @property
    def is_repeating(self) -> bool:
        return bool(self.recurrence_rule)

    def __repr__(self) -> str:
        return f"<Event {self.slug}>"


# The lists and the calendar read by start, "not over yet" by end: both hold what those
# queries test, so that SQLite and PostgreSQL skip the past without reading its rows (the
# list's also holds when a series ends, which the past events' list tests). The repeating
# events' fingerprint (events.schedule) reads only its own index.
_TESTED = (Event.recurrence_rule, Event.event_status)
Index(
    "ix_events_list",
    Event.status,
    Event.starts_at,
    Event.id,
    Event.ends_at,
    *_TESTED,
    Event.recurrence_until,
)
Index("ix_events_ending", Event.status, Event.ends_at, Event.starts_at, Event.id, *_TESTED)
Index("ix_events_series", Event.recurrence_rule, Event.updated_at, Event.id)
