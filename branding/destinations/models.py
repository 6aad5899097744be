"""The destination model."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String
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
from branding.extensions import Model
from branding.media.models import HasPhotos, Photo


class DestinationCategory(StrEnum):
    NATURE = "nature"
    WATERFALL = "waterfall"
    LAKE = "lake"
    CULTURE = "culture"  # culture and heritage
    RELIGIOUS = "religious"
    CULINARY = "culinary"
    AGRO = "agro"
    ADVENTURE = "adventure"
    LANDMARK = "landmark"


class Facility(StrEnum):
    PARKING = "parking"
    TOILETS = "toilets"
    PRAYER_ROOM = "prayer_room"
    FOOD_STALLS = "food_stalls"
    LODGING = "lodging"
    ACCESSIBLE = "accessible"


class Destination(HasPhotos, Publishable, Scheduled, Timestamped, Model):
    __tablename__ = "destinations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[PublicationStatus] = mapped_column(
        enum_column(PublicationStatus), default=PublicationStatus.DRAFT, index=True
    )
    featured: Mapped[bool] = mapped_column(default=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    category: Mapped[DestinationCategory] = mapped_column(
        enum_column(DestinationCategory), index=True
    )
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id", ondelete="RESTRICT"), index=True)
    name: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    summary: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    description: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    how_to_get_there: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    tips: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    address: Mapped[str] = mapped_column(String(255), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    # {"weekly": {"mon": [["08:00", "17:00"]], ...},
    #  "exceptions": [{"date": "2026-12-25", "closed": true}]}
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    entry_free: Mapped[bool] = mapped_column(default=False)
    ticket_price_adult: Mapped[int | None]  # rupiah
    ticket_price_child: Mapped[int | None]  # rupiah
    ticket_note: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    facilities: Mapped[list] = mapped_column(JSON, default=list)
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    contact_whatsapp: Mapped[str] = mapped_column(String(40), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(300), default="")

    area: Mapped[Area] = relationship()
    photos: Mapped[list[Photo]] = relationship(
        order_by=(Photo.position, Photo.id), cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Destination {self.slug}>"


# What the public pages filter and order by (checked with EXPLAIN on SQLite and PostgreSQL):
# the list (featured first, then by slug), an area's list, the feed of new listings, the map's box.
Index("ix_destinations_list", Destination.status, Destination.featured.desc(), Destination.slug)
Index(
    "ix_destinations_area_list", Destination.area_id, Destination.featured.desc(), Destination.slug
)
Index("ix_destinations_published", Destination.status, Destination.published_at, Destination.id)
Index("ix_destinations_position", Destination.latitude, Destination.longitude)
