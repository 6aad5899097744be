"""Reading and changing destinations."""

from __future__ import annotations

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from branding.areas.models import Area
from branding.destinations.models import Destination, DestinationCategory, Facility
from branding.extensions import db
from branding.publishing import PublicationStatus, utcnow


def _published() -> Select:
    return (
        select(Destination)
        .where(Destination.is_public)
        .options(selectinload(Destination.area), selectinload(Destination.photos))
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


def get_published_destination(slug: str) -> Destination | None:
    """Return a published destination by slug, if any."""
    return db.session.scalar(_published().where(Destination.slug == slug))


def add_destination(**fields) -> Destination:
    """Stage a new destination in the current unit of work."""
    unknown = set(fields.get("facilities", [])) - {f.value for f in Facility}
    if unknown:
        raise ValueError(f"unknown facilities: {sorted(unknown)}")
    destination = Destination(**fields)
    if destination.status == PublicationStatus.PUBLISHED:
        destination.published_at = destination.published_at or utcnow()
    db.session.add(destination)
    db.session.flush()
    return destination


def create_destination(**fields) -> Destination:
    """Create a destination and commit it."""
    destination = add_destination(**fields)
    db.session.commit()
    return destination


def publish_destination(destination: Destination) -> Destination:
    """Publish a destination so that visitors see it."""
    destination.status = PublicationStatus.PUBLISHED
    destination.published_at = destination.published_at or utcnow()
    db.session.commit()
    return destination
