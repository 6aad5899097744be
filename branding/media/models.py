"""The photo model: one row per photo, attached to exactly one item."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from branding.columns import MultilingualText, TranslatedText, UTCDateTime
from branding.extensions import db
from branding.publishing import utcnow

OWNER_COLUMNS = ("destination_id", "event_id", "business_id", "product_id")
_ONE_OWNER = " + ".join(f"(CASE WHEN {col} IS NULL THEN 0 ELSE 1 END)" for col in OWNER_COLUMNS)


class Photo(db.Model):
    """A stored photo; the first by position is its item's cover."""

    __tablename__ = "photos"
    __table_args__ = (CheckConstraint(f"{_ONE_OWNER} = 1", name="one_owner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    storage_key: Mapped[str] = mapped_column(String(200), unique=True)
    width: Mapped[int]
    height: Mapped[int]
    alt: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    caption: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    destination_id: Mapped[int | None] = mapped_column(
        ForeignKey("destinations.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    business_id: Mapped[int | None] = mapped_column(
        ForeignKey("businesses.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
