"""The tourism office's changes to destinations."""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.accounts.models import User
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination, Facility
from branding.editorial import editing, revisions, scheduling
from branding.editorial.listing import OfficeFilter, office_page
from branding.extensions import db

EDITABLE = (
    "category", "area_id", "featured", "name", "summary", "description", "how_to_get_there",
    "tips", "address", "latitude", "longitude", "opening_hours", "entry_free",
    "ticket_price_adult", "ticket_price_child", "ticket_note", "facilities", "contact_phone",
    "contact_whatsapp", "contact_email", "website",
)  # fmt: skip


revisions.register(Destination, EDITABLE)
scheduling.schedule(Destination)


def all_destinations() -> list[Destination]:
    """Return every destination, drafts included (the choices of an event's place)."""
    query = select(Destination).options(selectinload(Destination.area))
    return list(db.session.scalars(query.order_by(Destination.updated_at.desc())))


def office_destinations(wanted: OfficeFilter, page: int) -> Pagination:
    """Return a page of destinations, drafts included, for the back office: latest change first."""
    query = select(Destination).options(selectinload(Destination.area))
    query = query.order_by(Destination.updated_at.desc(), Destination.id.desc())
    return office_page(query, Destination.name, Destination.status, wanted, page)


def get_destination(destination_id: int) -> Destination | None:
    """Return any destination by id, whatever its status."""
    return db.session.get(Destination, destination_id)


def add_destination(**fields) -> Destination:
    """Stage a new destination in the current unit of work (the sample, the tests)."""
    unknown = set(fields.get("facilities", [])) - {f.value for f in Facility}
    if unknown:
        raise ValueError(f"unknown facilities: {sorted(unknown)}")
    destination = Destination(**fields)
    editing.derive_published(destination)
    db.session.add(destination)
    db.session.flush()
    return destination


def save_destination(
    actor: User,
    destination: Destination | None,
    values: dict[str, Any],
    slug: str = "",
    as_draft: bool = False,
) -> Destination:
    """Create a destination (as a draft) or update one (a published one: maybe as a draft)."""
    new = lambda: Destination(status=PublicationStatus.DRAFT)  # noqa: E731
    return editing.save_item(actor, destination, new, values, EDITABLE, slug, as_draft=as_draft)


def delete_destination(actor: User, destination: Destination) -> None:
    """Delete a destination; events held there keep its name as their venue (events.venue)."""
    editing.delete_item(actor, destination, "name")
