"""The user model."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import Timestamped, enum_column, utcnow
from branding.extensions import Model


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"  # tourism office staff
    OWNER = "owner"  # a business (UMKM) owner
    TRANSLATOR = "translator"  # staff or a volunteer who translates the interface (workbench)


class User(Timestamped, Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    active: Mapped[bool] = mapped_column(default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Bumped at logout, deactivation and password change: a session cookie
    # carries the version it was issued with, so older cookies stop working.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The language the platform writes to this person in (the last one they used).
    language: Mapped[str] = mapped_column(String(5), default="id", server_default="id")

    # Flask-Login's user protocol
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        """Return the session identity: the id and the session version."""
        return f"{self.id}:{self.session_version}"

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.ADMIN, Role.EDITOR)

    @property
    def is_invitable(self) -> bool:
        """Staff and translators get set-password links from an administrator."""
        return self.role in (Role.ADMIN, Role.EDITOR, Role.TRANSLATOR)

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class RateEvent(Model):
    """One counted event (a failed login, a reset mail, a registration, an upload) for the
    rate limits, when Redis is not configured or not answering (``accounts.limits``)."""

    __tablename__ = "rate_events"
    __table_args__ = (Index("ix_rate_events_lookup", "bucket", "key", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bucket: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class AuditEntry(Model):
    """Who changed what, and when."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int | None]
    target_label: Mapped[str] = mapped_column(String(200), default="")
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    actor: Mapped[User | None] = relationship()
