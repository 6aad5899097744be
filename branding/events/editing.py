"""The tourism office's changes to events: save, publish, unpublish, delete."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.accounts import audit
from branding.accounts.models import User
from branding.destinations.models import Destination
from branding.events import recurrence
from branding.events.models import Event
from branding.extensions import db
from branding.publishing import PublicationStatus, utcnow
from branding.slugs import unique_slug

EDITABLE = (
    "category", "event_status", "featured", "title", "summary", "description", "starts_at",
    "ends_at", "all_day", "recurrence_rule", "recurrence_exdates", "destination_id", "area_id",
    "venue_name", "venue_address", "latitude", "longitude", "organiser", "organiser_contact",
    "entry_free", "price", "registration_url",
)  # fmt: skip


def _values(event: Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in EDITABLE}


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
    event.recurrence_until = (
        recurrence.series_end(
            event.recurrence_rule, event.starts_at, event.ends_at - event.starts_at
        )
        if event.recurrence_rule
        else None
    )


def save_event(actor: User, event: Event | None, values: dict[str, Any], slug: str = "") -> Event:
    """Create an event (as a draft) or update one, and log the change."""
    before = _values(event) if event else {}
    if event is None:
        event = Event(status=PublicationStatus.DRAFT)
        db.session.add(event)
    for name in EDITABLE:
        setattr(event, name, values[name])
    _derive(event)
    wanted = slug or event.slug or values["title"].get("id") or values["title"].get("en", "")
    event.slug = unique_slug(Event, wanted, event.id)
    db.session.flush()
    audit.record(actor, "update" if before else "create", event, audit.diff(before, _values(event)))
    db.session.commit()
    return event


def set_published(actor: User, event: Event, published: bool) -> Event:
    """Publish an event for visitors, or take it back to draft."""
    status = PublicationStatus.PUBLISHED if published else PublicationStatus.DRAFT
    if event.status != status:
        event.status = status
        if published:
            event.published_at = event.published_at or utcnow()
        audit.record(actor, "publish" if published else "unpublish", event)
        db.session.commit()
    return event


def delete_event(actor: User, event: Event) -> None:
    """Delete an event and its photos."""
    audit.record(actor, "delete", event, {"title": [event.title, None]})
    db.session.delete(event)
    db.session.commit()
