"""Back-office pages for destinations: list, create, edit, preview, publish, delete."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.core.web.query_args import page_arg, require_page
from branding.destinations import editing
from branding.destinations.office_form import DestinationForm
from branding.editorial import revisions
from branding.editorial.forms import fill_schedule, schedule_values
from branding.editorial.routes import (
    add_publishing_routes,
    office_filter,
    preview_actions,
    saved_message,
)
from branding.media.photo_routes import STAFF, Gallery, add_photo_routes

bp = Blueprint("office_destinations", __name__, url_prefix="/<lang:lang>/office/destinations")


def _get(destination_id: int):
    return editing.get_destination(destination_id) or abort(404)


@bp.get("/")
@staff_required
def index():
    """List the destinations a page at a time (by name and status), with missing translations."""
    wanted = office_filter()
    page = require_page(editing.office_destinations(wanted, page_arg()))
    template = "office/destinations/index.html"
    return render_template(template, page=page, items=page.items, wanted=wanted)


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:destination_id>/edit", methods=["GET", "POST"])
@staff_required
def edit(destination_id: int | None = None):
    """Create a destination, or edit one, with each text side by side in three languages."""
    destination = _get(destination_id) if destination_id else None
    form = DestinationForm()
    if form.validate_on_submit():
        values = {**form.values(), **schedule_values(form)}
        as_draft = request.form.get("action") == "draft"
        saved = editing.save_destination(
            current_user, destination, values, form.slug.data or "", as_draft=as_draft
        )
        flash(saved_message(saved, as_draft), "success")
        return redirect(url_for(".edit", destination_id=saved.id))
    draft = revisions.waiting(destination) if destination is not None else None
    if destination is not None and not form.is_submitted():
        if draft is not None:
            with revisions.showing(destination, draft.data):
                form.fill(destination)
        else:
            form.fill(destination)
        fill_schedule(form, destination)
    return render_template(
        "office/destinations/form.html", form=form, item=destination, draft=draft
    )


@bp.get("/<int:destination_id>/preview")
@staff_required
def preview(destination_id: int):
    """Show a destination as visitors would see it, even as a draft."""
    destination = _get(destination_id)
    draft = revisions.waiting(destination)
    actions = preview_actions(destination, draft, "destination_id")
    if draft is None:
        return render_template(
            "destinations/detail.html",
            destination=destination,
            preview=True,
            preview_actions=actions,
        )
    with revisions.showing(destination, draft.data):
        return render_template(
            "destinations/detail.html",
            destination=destination,
            preview=True,
            preview_actions=actions,
        )


add_publishing_routes(bp, _get, "destination_id", editing.delete_destination)
add_photo_routes(
    bp,
    Gallery("photos", "/<int:destination_id>", _get, staff_required,
            "office/photos.html", STAFF),
)  # fmt: skip
