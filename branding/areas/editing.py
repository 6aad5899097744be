"""Changes to areas: the tourism office's edits, and staging for the sample and the tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError

from branding.accounts.models import User
from branding.areas.models import Area
from branding.editorial import editing, revisions
from branding.extensions import db

EDITABLE = ("kind", "name", "description", "latitude", "longitude")
revisions.register(Area, EDITABLE)


class AreaInUse(Exception):
    """An area that destinations, events or businesses still belong to."""


def get_area_by_id(area_id: int) -> Area | None:
    """Return an area by id."""
    return db.session.get(Area, area_id)


def add_area(**fields) -> Area:
    """Stage a new area in the current unit of work (the sample, the tests)."""
    area = Area(**fields)
    db.session.add(area)
    db.session.flush()
    return area


def save_area(
    actor: User, area: Area | None, values: dict[str, Any], slug: str = "", as_draft: bool = False
) -> Area:
    """Create or update an area, and log the change (with ``as_draft``, keep it as a draft)."""
    return editing.save_item(actor, area, Area, values, EDITABLE, slug, as_draft=as_draft)


def delete_area(actor: User, area: Area) -> None:
    """Delete an area that nothing belongs to any more.

    What belongs to an area refers to it with ``ON DELETE RESTRICT``: the database, which
    knows every such table, refuses the delete, and the area stays as it was.
    """
    slug = area.slug
    try:
        editing.delete_item(actor, area, "name")
    except IntegrityError:
        db.session.rollback()
        raise AreaInUse(slug) from None
