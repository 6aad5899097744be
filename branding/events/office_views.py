"""Back-office pages for events: list, create, edit, preview, publish, delete."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.core.content.publishing import utcnow
from branding.editorial.routes import add_publishing_routes
from branding.events import editing
from branding.events.office_form import EventForm
from branding.events.recurrence import describe
from branding.events.services import next_occurrence
from branding.media.photo_routes import STAFF, Gallery, add_photo_routes

bp = Blueprint("office_events", __name__, url_prefix="/<lang:lang>/office/events")


def _get(event_id: int):
    return editing.get_event(event_id) or abort(404)


@bp.get("/")
@staff_required
def index():
    """List every event with its status and missing translations."""
    return render_template("office/events/index.html", items=editing.all_events())


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@staff_required
def edit(event_id: int | None = None):
    """Create an event, or edit one, with each text side by side in three languages."""
    event = _get(event_id) if event_id else None
    form = EventForm()
    if form.validate_on_submit():
        try:
            saved = editing.save_event(current_user, event, form.values(), form.slug.data)
        except editing.NotSaved:  # a constraint the form cannot see: keep what was typed
            flash(_("The event could not be saved. Check the fields and try again."), "error")
            return render_template("office/events/form.html", form=form, item=event), 409
        flash(_("Saved."), "success")
        return redirect(url_for(".edit", event_id=saved.id))
    if event is not None and not form.is_submitted():
        form.fill(event)
    return render_template("office/events/form.html", form=form, item=event)


@bp.get("/<int:event_id>/preview")
@staff_required
def preview(event_id: int):
    """Show an event as visitors would see it, even as a draft."""
    event = _get(event_id)
    upcoming = next_occurrence(event, utcnow())
    return render_template(
        "events/detail.html",
        event=event,
        upcoming=upcoming,
        describe_recurrence=describe,
        preview=True,
    )


add_publishing_routes(bp, _get, "event_id", editing.delete_event)
add_photo_routes(
    bp,
    Gallery("photos", "/<int:event_id>", _get, staff_required,
            "office/photos.html", STAFF),
)  # fmt: skip
