"""The content version: one row, raised in the transaction of every visible change."""

from __future__ import annotations

from sqlalchemy.orm import Mapped, mapped_column

from branding.extensions import Model


class PageVersion(Model):
    """The version of everything the public pages show (``id`` is always 1)."""

    __tablename__ = "page_versions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(default=0)
