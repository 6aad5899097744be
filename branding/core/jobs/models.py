"""Jobs that failed for good: what the office is shown until someone looks into them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import UTCDateTime
from branding.extensions import Model


class JobFailure(Model):
    """A job that raised on every attempt."""

    __tablename__ = "job_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    arguments: Mapped[str] = mapped_column(String(500), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(default=1)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    @property
    def reason(self) -> str:
        """Return the last line of the error (what went wrong, without the traceback)."""
        lines = self.error.strip().splitlines()
        return lines[-1] if lines else ""
