"""Back-office pages for destinations: list, create, edit, preview, publish, delete."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.destinations import editing
from branding.destinations.office_form import DestinationForm
from branding.editorial.routes import add_publishing_routes
from branding.media.photo_routes import STAFF, Gallery, add_photo_routes

bp = Blueprint("office_destinations", __name__, url_prefix="/<lang:lang>/office/destinations")


def _get(destination_id: int):
    return editing.get_destination(destination_id) or abort(404)


@bp.get("/")
@staff_required
def index():
    """List every destination with its status and missing translations."""
    return render_template("office/destinations/index.html", items=editing.all_destinations())


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:destination_id>/edit", methods=["GET", "POST"])
@staff_required
def edit(destination_id: int | None = None):
    """Create a destination, or edit one, with each text side by side in three languages."""
    destination = _get(destination_id) if destination_id else None
    form = DestinationForm()
    if form.validate_on_submit():
        saved = editing.save_destination(
            current_user, destination, form.values(), form.slug.data or ""
        )
        flash(_("Saved."), "success")
        return redirect(url_for(".edit", destination_id=saved.id))
    if destination is not None and not form.is_submitted():
        form.fill(destination)
    return render_template("office/destinations/form.html", form=form, item=destination)


@bp.get("/<int:destination_id>/preview")
@staff_required
def preview(destination_id: int):
    """Show a destination as visitors would see it, even as a draft."""
    destination = _get(destination_id)
    return render_template("destinations/detail.html", destination=destination, preview=True)


add_publishing_routes(bp, _get, "destination_id", editing.delete_destination)
add_photo_routes(
    bp,
    Gallery("photos", "/<int:destination_id>", _get, staff_required,
            "office/photos.html", STAFF),
)  # fmt: skip
