"""The regency's branding settings: one row."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branding.core.content.columns import MultilingualText, TranslatedText
from branding.core.content.publishing import Timestamped
from branding.extensions import Model
from branding.media.models import HasPhotos, Photo


class BrandingSettings(HasPhotos, Timestamped, Model):
    """The regency's identity, shown on every page.

    The logo's files are named from ``logo_key`` (``identity.logo``); its hero photographs
    are photos like any item's, the first of them on the home page.
    """

    __tablename__ = "branding_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_name: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    regency_name: Mapped[str] = mapped_column(String(120))
    tagline: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    welcome: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    logo_key: Mapped[str] = mapped_column(String(200), default="")
    logo_width: Mapped[int] = mapped_column(default=0)  # of the header rendition, in pixels
    logo_height: Mapped[int] = mapped_column(default=0)
    color_primary: Mapped[str] = mapped_column(String(7), default="#1f5f3f")
    color_secondary: Mapped[str] = mapped_column(String(7), default="#b5412b")
    color_accent: Mapped[str] = mapped_column(String(7), default="#e0a526")
    office_name: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    office_address: Mapped[str] = mapped_column(String(255), default="")
    office_phone: Mapped[str] = mapped_column(String(40), default="")
    office_email: Mapped[str] = mapped_column(String(200), default="")
    office_whatsapp: Mapped[str] = mapped_column(String(40), default="")

    photos: Mapped[list[Photo]] = relationship(
        order_by=(Photo.position, Photo.id), cascade="all, delete-orphan"
    )
