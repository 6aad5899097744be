"""The business (UMKM) and product models."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branding.accounts.models import User
from branding.areas.models import Area
from branding.core.content.columns import MultilingualText, TranslatedText, UTCDateTime
from branding.core.content.publishing import Timestamped, enum_column
from branding.extensions import Model
from branding.media.models import HasPhotos, Photo


class BusinessCategory(StrEnum):
    CULINARY = "culinary"
    CRAFTS = "crafts"
    PRODUCE = "produce"  # agricultural produce
    COFFEE = "coffee"
    HOMESTAY = "homestay"
    GUIDE = "guide"
    TRANSPORT = "transport"
    SOUVENIRS = "souvenirs"


class ModerationStatus(StrEnum):
    DRAFT = "draft"
    PENDING = "pending"  # submitted, waiting for the tourism office
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class Reviewed:
    """What business owners list: visitors see it once the tourism office approves it."""

    if TYPE_CHECKING:  # each model maps its own column; declared at run time, the mixin would too
        status: Mapped[ModerationStatus]

    @hybrid_property
    def is_public(self) -> bool:
        """Whether it is approved (in a query: the condition); a product needs its business too."""
        return self.status == ModerationStatus.APPROVED


class Business(HasPhotos, Reviewed, Timestamped, Model):
    """A local business; deleted by its owner, it waits out a grace period, then goes."""

    __tablename__ = "businesses"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    status: Mapped[ModerationStatus] = mapped_column(
        enum_column(ModerationStatus), default=ModerationStatus.DRAFT, index=True
    )
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The visitor-facing fields as they were when last approved, to show editors what changed.
    approved_snapshot: Mapped[dict | None] = mapped_column(JSON)
    verified: Mapped[bool] = mapped_column(default=False)
    name: Mapped[str] = mapped_column(String(160))  # a proper name: not translated
    category: Mapped[BusinessCategory] = mapped_column(enum_column(BusinessCategory), index=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id", ondelete="RESTRICT"), index=True)
    summary: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    description: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    address: Mapped[str] = mapped_column(String(255), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    whatsapp: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    # {"instagram": "https://…", "facebook": "https://…", "website": "https://…"}
    social_links: Mapped[dict] = mapped_column(JSON, default=dict)
    # Set when the owner deletes it: hidden at once, removed for good after the grace period.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    owner: Mapped[User] = relationship()
    area: Mapped[Area] = relationship()
    products: Mapped[list[Product]] = relationship(
        back_populates="business",
        order_by="Product.position",
        cascade="all, delete-orphan",
    )
    photos: Mapped[list[Photo]] = relationship(
        order_by=(Photo.position, Photo.id), cascade="all, delete-orphan"
    )

    @hybrid_property
    def is_public(self) -> bool:
        """Whether visitors see it: approved and not deleted (in a query: the condition)."""
        return self.status == ModerationStatus.APPROVED and self.deleted_at is None

    @is_public.inplace.expression
    @classmethod
    def _is_public_expression(cls):
        return and_(cls.status == ModerationStatus.APPROVED, cls.deleted_at.is_(None))

    def __repr__(self) -> str:
        return f"<Business {self.slug}>"


class Product(HasPhotos, Reviewed, Timestamped, Model):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint(
            "price_max IS NULL OR price_min IS NULL OR price_max >= price_min",
            name="price_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    business_id: Mapped[int] = mapped_column(
        ForeignKey("businesses.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ModerationStatus] = mapped_column(
        enum_column(ModerationStatus), default=ModerationStatus.DRAFT, index=True
    )
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_snapshot: Mapped[dict | None] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    description: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    price_min: Mapped[int | None]  # rupiah; None with price_max None: ask the seller
    price_max: Mapped[int | None]  # rupiah; set only for a range
    unit: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    available: Mapped[bool] = mapped_column(default=True)

    business: Mapped[Business] = relationship(back_populates="products")
    photos: Mapped[list[Photo]] = relationship(
        order_by=(Photo.position, Photo.id), cascade="all, delete-orphan"
    )


# The list (verified first, then by name; it holds both tests of is_public, so counting the
# list reads the index alone), an area's list, the feed of new listings, the map's box; a
# business's products in their order, and the newest products on the home page.
Index(
    "ix_businesses_list",
    Business.status,
    Business.deleted_at,
    Business.verified.desc(),
    Business.name,
    Business.id,
)
Index(
    "ix_businesses_area_list",
    Business.area_id,
    Business.verified.desc(),
    Business.name,
    Business.id,
)
Index("ix_businesses_approved", Business.status, Business.approved_at, Business.id)
Index("ix_businesses_position", Business.latitude, Business.longitude)
Index("ix_products_business_list", Product.business_id, Product.position, Product.id)
Index("ix_products_new", Product.status, Product.created_at, Product.id)
