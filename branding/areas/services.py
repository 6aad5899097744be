"""Reading areas, and the ``?area=`` filter of list pages."""

from __future__ import annotations

from flask import request
from sqlalchemy import select

from branding.areas.models import Area
from branding.extensions import db


def all_areas() -> list[Area]:
    """Return every area, districts first, by slug."""
    return list(db.session.scalars(select(Area).order_by(Area.kind, Area.slug)))


def get_area(slug: str) -> Area | None:
    """Return the area with this slug, if any."""
    return db.session.scalar(select(Area).where(Area.slug == slug))


def area_arg() -> Area | None:
    """Return the area named by ``?area=slug``, or no filter."""
    slug = request.args.get("area", "")
    return get_area(slug) if slug else None
