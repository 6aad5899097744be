"""The tourism office's changes to events."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from branding.accounts.models import User
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination
from branding.editorial import editing, revisions, scheduling
from branding.editorial.listing import OfficeFilter, office_page
from branding.events import recurrence
from branding.events.models import Event
from branding.extensions import db

EDITABLE = (
    "category", "event_status", "featured", "title", "summary", "description", "starts_at",
    "ends_at", "all_day", "recurrence_rule", "recurrence_exdates", "destination_id", "area_id",
    "venue_name", "venue_address", "latitude", "longitude", "organiser", "organiser_contact",
    "entry_free", "price", "registration_url",
)  # fmt: skip


def office_events(wanted: OfficeFilter, page: int) -> Pagination:
    """Return a page of events, drafts included, for the back office: latest start first."""
    query = select(Event).options(selectinload(Event.area))
    query = query.order_by(Event.starts_at.desc(), Event.id.desc())
    return office_page(query, Event.title, Event.status, wanted, page)


def get_event(event_id: int) -> Event | None:
    """Return any event by id, whatever its status."""
    return db.session.get(Event, event_id)


def _venue(event: Event) -> Destination | None:
    """Return the destination an event is held at; a saved event's ids are the truth."""
    if event.destination_id is not None:
        return db.session.get(Destination, event.destination_id)
    return event.destination if event.id is None else None


def _derive(event: Event) -> None:
    """Derive an event's area from its venue and the end of its series from its rule."""
    has_area = event.area_id is not None or (event.id is None and event.area is not None)
    # No autoflush: a new event being saved is in the session before it has its slug, and
    # loading its destination must not write it half made (``events.slug NOT NULL``).
    with db.session.no_autoflush:
        place = _venue(event)
        if not has_area and place is not None:
            event.area, event.area_id = place.area, place.area_id
    duration = event.ends_at - event.starts_at
    rule = event.recurrence_rule
    event.recurrence_until = (
        recurrence.series_end(rule, event.starts_at, duration) if rule else None
    )


revisions.register(Event, EDITABLE, derive=_derive)
scheduling.schedule(Event)


def add_event(**fields) -> Event:
    """Stage a new event in the current unit of work (the sample, the tests)."""
    event = Event(**fields)
    _derive(event)
    editing.derive_published(event)
    db.session.add(event)
    db.session.flush()
    return event


class NotSaved(Exception):
    """The database refused the change (rolled back); the form keeps what was typed."""


def save_event(
    actor: User,
    event: Event | None,
    values: dict[str, Any],
    slug: str = "",
    as_draft: bool = False,
) -> Event:
    """Create an event (as a draft) or update one, deriving its area and series end."""
    new = lambda: Event(status=PublicationStatus.DRAFT)  # noqa: E731
    try:
        return editing.save_item(
            actor, event, new, values, EDITABLE, slug, derive=_derive, as_draft=as_draft
        )
    except SQLAlchemyError as error:
        db.session.rollback()
        current_app.logger.exception("saving an event failed")
        raise NotSaved() from error


def delete_event(actor: User, event: Event) -> None:
    """Delete an event and its photos."""
    editing.delete_item(actor, event, "title")
