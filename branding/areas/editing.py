"""The tourism office's changes to areas."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, or_, select

from branding.accounts import audit
from branding.accounts.models import User
from branding.areas.models import Area
from branding.businesses.models import Business
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.slugs import unique_slug

EDITABLE = ("kind", "name", "description", "latitude", "longitude")


class AreaInUse(Exception):
    """An area that destinations, events or businesses still belong to."""


def get_area_by_id(area_id: int) -> Area | None:
    """Return an area by id."""
    return db.session.get(Area, area_id)


def save_area(actor: User, area: Area | None, values: dict[str, Any], slug: str = "") -> Area:
    """Create or update an area, and log the change."""
    before = {name: getattr(area, name) for name in EDITABLE} if area else {}
    if area is None:
        area = Area()
        db.session.add(area)
    for name in EDITABLE:
        setattr(area, name, values[name])
    wanted = slug or area.slug or values["name"].get("id") or values["name"].get("en", "")
    area.slug = unique_slug(Area, wanted, area.id)
    db.session.flush()
    after = {name: getattr(area, name) for name in EDITABLE}
    audit.record(actor, "update" if before else "create", area, audit.diff(before, after))
    db.session.commit()
    return area


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
    audit.record(actor, "delete", area, {"name": [area.name, None]})
    db.session.delete(area)
    db.session.commit()
