"""Back-office pages for destinations: list, create, edit, preview, publish, delete."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.destinations import editing
from branding.office.destination_form import DestinationForm

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
        saved = editing.save_destination(current_user, destination, form.values(), form.slug.data)
        flash(_("Saved."), "success")
        return redirect(url_for(".edit", destination_id=saved.id))
    if destination is not None and not form.is_submitted():
        form.fill(destination)
    return render_template("office/destinations/form.html", form=form, item=destination)


@bp.get("/<int:destination_id>/preview")
@staff_required
def preview(destination_id: int):
    """Show a destination as visitors would see it, even as a draft."""
    return render_template(
        "destinations/detail.html", destination=_get(destination_id), preview=True
    )


@bp.post("/<int:destination_id>/publish")
@staff_required
def publish(destination_id: int):
    """Publish a destination."""
    editing.set_published(current_user, _get(destination_id), True)
    flash(_("Published: visitors can see it now."), "success")
    return redirect(url_for(".edit", destination_id=destination_id))


@bp.post("/<int:destination_id>/unpublish")
@staff_required
def unpublish(destination_id: int):
    """Take a destination back to draft."""
    editing.set_published(current_user, _get(destination_id), False)
    flash(_("Unpublished: visitors no longer see it."), "info")
    return redirect(url_for(".edit", destination_id=destination_id))


@bp.post("/<int:destination_id>/delete")
@staff_required
def delete(destination_id: int):
    """Delete a destination for good."""
    editing.delete_destination(current_user, _get(destination_id))
    flash(_("Deleted."), "info")
    return redirect(url_for(".index"))
