"""The tourism office's changes to destinations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding import editing
from branding.accounts.models import User
from branding.destinations.models import Destination
from branding.extensions import db
from branding.publishing import PublicationStatus

EDITABLE = (
    "category", "area_id", "featured", "name", "summary", "description", "how_to_get_there",
    "tips", "address", "latitude", "longitude", "opening_hours", "entry_free",
    "ticket_price_adult", "ticket_price_child", "ticket_note", "facilities", "contact_phone",
    "contact_whatsapp", "contact_email", "website",
)  # fmt: skip


def all_destinations() -> list[Destination]:
    """Return every destination, drafts included, for the back office."""
    query = select(Destination).options(selectinload(Destination.area))
    return list(db.session.scalars(query.order_by(Destination.updated_at.desc())))


def get_destination(destination_id: int) -> Destination | None:
    """Return any destination by id, whatever its status."""
    return db.session.get(Destination, destination_id)


def save_destination(
    actor: User, destination: Destination | None, values: dict[str, Any], slug: str = ""
) -> Destination:
    """Create a destination (as a draft) or update one, and log the change."""
    new = lambda: Destination(status=PublicationStatus.DRAFT)  # noqa: E731
    return editing.save_item(actor, destination, new, values, EDITABLE, slug)


def delete_destination(actor: User, destination: Destination) -> None:
    """Delete a destination; events held there keep its name as their venue."""
    from branding.events.models import Event

    for event in db.session.scalars(select(Event).where(Event.destination_id == destination.id)):
        event.venue_name = event.venue_name or destination.name.resolve("id")
    editing.delete_item(actor, destination, "name")
