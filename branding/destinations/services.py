"""Reading destinations as visitors see them."""

from __future__ import annotations

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from branding.areas.models import Area
from branding.destinations.models import Destination, DestinationCategory
from branding.extensions import db


def _published() -> Select:
    return (
        select(Destination)
        .where(Destination.is_public)
        .options(joinedload(Destination.area), selectinload(Destination.photos))
    )


def list_destinations(
    category: DestinationCategory | None = None,
    area: Area | None = None,
    page: int = 1,
    per_page: int = 12,
) -> Pagination:
    """Return a page of published destinations, featured first, then by slug."""
    query = _published()
    if category:
        query = query.where(Destination.category == category)
    if area:
        query = query.where(Destination.area_id == area.id)
    query = query.order_by(Destination.featured.desc(), Destination.slug)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def featured_destinations(limit: int = 6) -> list[Destination]:
    """Return published destinations marked featured."""
    query = _published().where(Destination.featured).order_by(Destination.slug)
    return list(db.session.scalars(query.limit(limit)))


def home_destinations(limit: int = 6) -> list[Destination]:
    """Return the featured destinations, or the newest published while none is featured."""
    featured = featured_destinations(limit)
    if featured:
        return featured
    newest = _published().order_by(Destination.published_at.desc(), Destination.slug)
    return list(db.session.scalars(newest.limit(limit)))


def get_published_destination(slug: str) -> Destination | None:
    """Return a published destination by slug, if any."""
    return db.session.scalar(_published().where(Destination.slug == slug))
