"""Where an event takes place: its destination or a named place, in one shape."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask
from sqlalchemy import event as orm_event
from sqlalchemy import select
from sqlalchemy.orm import Session

from branding.core.i18n import current_language
from branding.destinations.models import Destination
from branding.events.models import Event

REGION = "Sumatera Utara"
COUNTRY = "ID"


@dataclass(frozen=True)
class Venue:
    """An event's place, resolved for a language."""

    name: str
    address: str
    locality: str  # the area (district) it is in
    latitude: float | None
    longitude: float | None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def one_line(self) -> str:
        """Return the place as one line, e.g. for a calendar's LOCATION."""
        parts = [self.name, self.address, self.locality]
        unique = [p for n, p in enumerate(parts) if p and p not in parts[:n]]
        return ", ".join(unique)


def event_venue(event: Event, lang: str) -> Venue:
    """Return an event's venue: its own fields first, then its destination's."""
    place = event.destination
    area = event.area or (place.area if place else None)
    latitude, longitude = event.latitude, event.longitude
    if (latitude is None or longitude is None) and place is not None:
        latitude, longitude = place.latitude, place.longitude
    return Venue(
        name=str(place.name.resolve(lang)) if place else event.venue_name,
        address=event.venue_address or (place.address if place else ""),
        locality=str(area.name.resolve(lang)) if area else "",
        latitude=latitude,
        longitude=longitude,
    )


def venue_of(event: Event) -> Venue:
    """Return an event's venue in the visitor's language (a template helper)."""
    return event_venue(event, current_language())


def _keep_venue_names(session: Session, flush_context, instances) -> None:
    """Let events held at a destination being deleted keep its name as their venue."""
    gone = [d for d in session.deleted if isinstance(d, Destination)]
    for place in gone:
        held = select(Event).where(Event.destination_id == place.id, Event.venue_name == "")
        for held_there in session.scalars(held):
            held_there.venue_name = place.name.resolve("id")


def init_app(app: Flask) -> None:
    """Watch for deleted destinations (once per process)."""
    if not orm_event.contains(Session, "before_flush", _keep_venue_names):
        orm_event.listen(Session, "before_flush", _keep_venue_names)
