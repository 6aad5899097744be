"""The tourism office's changes to areas."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, or_, select

from branding import editing
from branding.accounts.models import User
from branding.areas.models import Area
from branding.businesses.models import Business
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db

EDITABLE = ("kind", "name", "description", "latitude", "longitude")


class AreaInUse(Exception):
    """An area that destinations, events or businesses still belong to."""


def get_area_by_id(area_id: int) -> Area | None:
    """Return an area by id."""
    return db.session.get(Area, area_id)


def save_area(actor: User, area: Area | None, values: dict[str, Any], slug: str = "") -> Area:
    """Create or update an area, and log the change."""
    return editing.save_item(actor, area, Area, values, EDITABLE, slug)


def delete_area(actor: User, area: Area) -> None:
    """Delete an area that nothing belongs to any more."""
    used = db.session.scalar(
        select(
            or_(
                exists().where(Destination.area_id == area.id),
                exists().where(Business.area_id == area.id),
                exists().where(Event.area_id == area.id),
            )
        )
    )
    if used:
        raise AreaInUse(area.slug)
    editing.delete_item(actor, area, "name")
