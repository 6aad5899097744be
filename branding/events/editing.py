"""The tourism office's changes to events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding import editing
from branding.accounts.models import User
from branding.destinations.models import Destination
from branding.events import recurrence
from branding.events.models import Event
from branding.extensions import db
from branding.publishing import PublicationStatus

EDITABLE = (
    "category", "event_status", "featured", "title", "summary", "description", "starts_at",
    "ends_at", "all_day", "recurrence_rule", "recurrence_exdates", "destination_id", "area_id",
    "venue_name", "venue_address", "latitude", "longitude", "organiser", "organiser_contact",
    "entry_free", "price", "registration_url",
)  # fmt: skip


def all_events() -> list[Event]:
    """Return every event, drafts included, latest start first."""
    query = select(Event).options(selectinload(Event.area))
    return list(db.session.scalars(query.order_by(Event.starts_at.desc())))


def get_event(event_id: int) -> Event | None:
    """Return any event by id, whatever its status."""
    return db.session.get(Event, event_id)


def _derive(event: Event) -> None:
    if event.destination_id and not event.area_id:
        event.area_id = db.session.get(Destination, event.destination_id).area_id
    duration = event.ends_at - event.starts_at
    rule = event.recurrence_rule
    event.recurrence_until = (
        recurrence.series_end(rule, event.starts_at, duration) if rule else None
    )


def save_event(actor: User, event: Event | None, values: dict[str, Any], slug: str = "") -> Event:
    """Create an event (as a draft) or update one, deriving its area and series end."""
    new = lambda: Event(status=PublicationStatus.DRAFT)  # noqa: E731
    return editing.save_item(actor, event, new, values, EDITABLE, slug, derive=_derive)


def delete_event(actor: User, event: Event) -> None:
    """Delete an event and its photos."""
    editing.delete_item(actor, event, "title")
