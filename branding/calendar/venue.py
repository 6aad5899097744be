"""Where an event takes place: its destination or a named place, in one shape."""

from __future__ import annotations

from dataclasses import dataclass

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
