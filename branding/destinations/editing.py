"""The tourism office's changes to destinations: save, publish, unpublish, delete."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.accounts import audit
from branding.accounts.models import User
from branding.destinations.models import Destination
from branding.extensions import db
from branding.publishing import PublicationStatus, utcnow
from branding.slugs import unique_slug

EDITABLE = (
    "category", "area_id", "featured", "name", "summary", "description", "how_to_get_there",
    "tips", "address", "latitude", "longitude", "opening_hours", "entry_free",
    "ticket_price_adult", "ticket_price_child", "ticket_note", "facilities", "contact_phone",
    "contact_whatsapp", "contact_email", "website",
)  # fmt: skip


def _values(destination: Destination) -> dict[str, Any]:
    return {name: getattr(destination, name) for name in EDITABLE}


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
    before = _values(destination) if destination else {}
    if destination is None:
        destination = Destination(status=PublicationStatus.DRAFT)
        db.session.add(destination)
    for name in EDITABLE:
        setattr(destination, name, values[name])
    wanted = slug or destination.slug or values["name"].get("id") or values["name"].get("en", "")
    destination.slug = unique_slug(Destination, wanted, destination.id)
    db.session.flush()
    changes = audit.diff(before, _values(destination))
    audit.record(actor, "update" if before else "create", destination, changes)
    db.session.commit()
    return destination


def set_published(actor: User, destination: Destination, published: bool) -> Destination:
    """Publish a destination for visitors, or take it back to draft."""
    status = PublicationStatus.PUBLISHED if published else PublicationStatus.DRAFT
    if destination.status != status:
        destination.status = status
        if published:
            destination.published_at = destination.published_at or utcnow()
        audit.record(actor, "publish" if published else "unpublish", destination)
        db.session.commit()
    return destination


def delete_destination(actor: User, destination: Destination) -> None:
    """Delete a destination and its photos; events held there keep its name as their venue."""
    from branding.events.models import Event

    for event in db.session.scalars(select(Event).where(Event.destination_id == destination.id)):
        event.venue_name = event.venue_name or destination.name.resolve("id")
    audit.record(actor, "delete", destination, {"name": [destination.name, None]})
    db.session.delete(destination)
    db.session.commit()
