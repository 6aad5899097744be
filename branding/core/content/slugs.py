"""URL slugs made from names, unique per table."""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Mapped

from branding.extensions import db


class SluggedModel(Protocol):
    """A mapped class with a slug column and an integer primary key ``id``."""

    id: ClassVar[Mapped[int]]
    slug: ClassVar[Mapped[str]]


class Slugged(Protocol):
    """A row of such a class, as its mapping types it (``id`` is None until first flushed)."""

    id: int
    slug: str


def slugify(text: str, max_length: int = 80) -> str:
    """Turn a name into lowercase ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def unique_slug(model: type[SluggedModel], wanted: str, exclude_id: int | None = None) -> str:
    """Return ``wanted`` slugified, with -2, -3… added if another row has it."""
    base = slugify(wanted)
    query = select(model.slug).where(model.slug.like(f"{base}%"), model.id != (exclude_id or 0))
    with db.session.no_autoflush:  # the row being named may not be complete yet
        taken = set(db.session.scalars(query))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
