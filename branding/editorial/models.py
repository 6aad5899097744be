"""Revisions: every saved version of an item, kept beside the live row visitors read."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branding.accounts.models import User
from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import enum_column, utcnow
from branding.extensions import Model


class RevisionKind(StrEnum):
    """What made a revision."""

    BASELINE = "baseline"  # the item as it was before it had revisions
    CREATE = "create"
    EDIT = "edit"
    REVERT = "revert"  # a copy of an older revision's content


class RevisionStatus(StrEnum):
    """Where a revision stands against the live row."""

    DRAFT = "draft"  # saved, not shown to visitors (a newer draft of a published item)
    PENDING = "pending"  # an owner's change waiting for the tourism office
    LIVE = "live"  # applied to the row: it is, or was, what visitors see
    REJECTED = "rejected"  # an owner's change the tourism office declined
    SUPERSEDED = "superseded"  # a newer draft or submission took its place undecided


class Revision(Model):
    """One version of a destination, event, area, business or product.

    ``data`` is the full JSON of the item's editable fields: texts with every language,
    opening hours, and ``photo_order`` (the photo ids, cover first).
    """

    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_item", "item_type", "item_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_type: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[int]
    kind: Mapped[RevisionKind] = mapped_column(enum_column(RevisionKind))
    status: Mapped[RevisionStatus] = mapped_column(enum_column(RevisionStatus), index=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[int | None]  # the revision a revert copied

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    def __repr__(self) -> str:
        return f"<Revision {self.item_type}:{self.item_id} #{self.id} {self.status}>"
