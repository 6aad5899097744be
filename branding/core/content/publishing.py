"""What all visitor-facing content shares: status, timestamps, enum columns."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Enum as SAEnum
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import UTCDateTime


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


def enum_column(enum_cls: type[StrEnum]) -> SAEnum:
    """Return a portable enum type stored as its values in a VARCHAR."""
    return SAEnum(
        enum_cls,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        create_constraint=True,
    )


class PublicationStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Publishable:
    """What the tourism office publishes: visitors see it once it is published."""

    if TYPE_CHECKING:  # each model maps its own column; declared at run time, the mixin would too
        status: Mapped[PublicationStatus]

    @hybrid_property
    def is_public(self) -> bool:
        """Whether visitors see it (in a query: the condition that says so)."""
        return self.status == PublicationStatus.PUBLISHED


class Scheduled:
    """When the tourism office wants an item to go live, or to close itself (UTC, or none)."""

    publish_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    unpublish_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


class Timestamped:
    """Creation and last-change times, kept in UTC."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    is_sample: Mapped[bool] = mapped_column(default=False)
