"""Reading and changing areas."""

from __future__ import annotations

from sqlalchemy import select

from branding.areas.models import Area
from branding.extensions import db


def all_areas() -> list[Area]:
    """Return every area, districts first, by slug."""
    return list(db.session.scalars(select(Area).order_by(Area.kind, Area.slug)))


def get_area(slug: str) -> Area | None:
    """Return the area with this slug, if any."""
    return db.session.scalar(select(Area).where(Area.slug == slug))


def add_area(**fields) -> Area:
    """Stage a new area in the current unit of work."""
    area = Area(**fields)
    db.session.add(area)
    db.session.flush()
    return area


def create_area(**fields) -> Area:
    """Create an area and commit it."""
    area = add_area(**fields)
    db.session.commit()
    return area
