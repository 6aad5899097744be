"""Each item's history: its revisions, a side-by-side comparison of two, and revert."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.areas.models import Area
from branding.businesses.labels import FIELD_LABELS as LISTING_LABELS
from branding.businesses.models import Business, Product
from branding.destinations.models import Destination
from branding.editorial import editing, revisions
from branding.editorial.diffing import side_by_side
from branding.editorial.labels import REVISION_KINDS, REVISION_STATUSES
from branding.events.models import Event
from branding.extensions import db

bp = Blueprint("history", __name__, url_prefix="/<lang:lang>/office/history")
KINDS = {
    "destinations": Destination,
    "events": Event,
    "areas": Area,
    "businesses": Business,
    "products": Product,
}
ITEM = "/<any(destinations, events, areas, businesses, products):kind>/<int:item_id>"
EDIT_PAGES = {
    "destinations": ("office_destinations.edit", "destination_id"),
    "events": ("office_events.edit", "event_id"),
    "areas": ("office_areas.edit", "area_id"),
    "businesses": ("moderation.item", "item_id"),
    "products": ("moderation.item", "item_id"),
}


def _item(kind: str, item_id: int):
    return db.session.get(KINDS[kind], item_id) or abort(404)


def item_url(kind: str, item) -> str:
    endpoint, id_name = EDIT_PAGES[kind]
    values: dict[str, Any] = {id_name: item.id}
    if endpoint == "moderation.item":
        values["kind"] = kind
    return url_for(endpoint, **values)


def _title(item) -> str:
    value = getattr(item, "title", None) or item.name
    return value if isinstance(value, str) else value.resolve("id")


@bp.context_processor
def _helpers() -> dict:
    return {
        "FIELD_NAMES": LISTING_LABELS,
        "item_url": item_url,
        "item_title": _title,
        "REVISION_KINDS": REVISION_KINDS,
        "REVISION_STATUSES": REVISION_STATUSES,
    }


@bp.get(ITEM)
@staff_required
def item(kind: str, item_id: int):
    """List an item's revisions, newest first, to compare two or revert to one."""
    found = _item(kind, item_id)
    return render_template(
        "office/history.html", kind=kind, item=found, revisions=revisions.history(found)
    )


def _version(found, value: str):
    """A revision of the item by id, or the live row ("live")."""
    if value == "live":
        return None, revisions.snapshot(found)
    revision = revisions.get(found, int(value)) if value.isdigit() else None
    if revision is None:
        abort(404)
    return revision, revision.data


@bp.get(f"{ITEM}/compare")
@staff_required
def compare(kind: str, item_id: int):
    """Show two versions side by side, field by field and language by language."""
    found = _item(kind, item_id)
    newest = revisions.history(found)[:1]
    fallback = str(newest[0].id) if newest else "live"
    left, left_data = _version(found, request.args.get("a", "") or fallback)
    right, right_data = _version(found, request.args.get("b", "live"))
    rows = side_by_side(left_data, right_data)
    only_changes = request.args.get("all") != "1"
    return render_template(
        "office/compare.html",
        kind=kind,
        item=found,
        left=left,
        right=right,
        rows=[row for row in rows if row.changed or not only_changes],
        only_changes=only_changes,
    )


@bp.post(f"{ITEM}/revert/<int:revision_id>")
@staff_required
def revert(kind: str, item_id: int, revision_id: int):
    """Make a new revision with an older one's content (a draft for a published item)."""
    found = _item(kind, item_id)
    source = revisions.get(found, revision_id) or abort(404)
    made = editing.revert_to(current_user._get_current_object(), found, source)
    if made.status.value == "draft":
        flash(_("Reverted as a draft: publish it for visitors to see it."), "success")
    else:
        flash(_("Reverted: the item has this content again."), "success")
    return redirect(url_for(".item", kind=kind, item_id=item_id))
