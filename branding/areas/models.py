"""The area model."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import MultilingualText, TranslatedText
from branding.core.content.publishing import Timestamped, enum_column
from branding.extensions import Model


class AreaKind(StrEnum):
    DISTRICT = "district"  # kecamatan
    TOURISM_AREA = "tourism_area"  # kawasan


class Area(Timestamped, Model):
    __tablename__ = "areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[AreaKind] = mapped_column(enum_column(AreaKind))
    name: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    description: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]

    def __repr__(self) -> str:
        return f"<Area {self.slug}>"
