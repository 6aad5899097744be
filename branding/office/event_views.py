"""Back-office pages for events: list, create, edit, preview, publish, delete."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.events import editing
from branding.events.recurrence import describe
from branding.events.services import next_occurrence
from branding.office.event_form import EventForm
from branding.publishing import utcnow

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
        saved = editing.save_event(current_user, event, form.values(), form.slug.data)
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
    return render_template(
        "events/detail.html",
        event=event,
        upcoming=next_occurrence(event, utcnow()),
        describe_recurrence=describe,
        preview=True,
    )


@bp.post("/<int:event_id>/publish")
@staff_required
def publish(event_id: int):
    """Publish an event."""
    editing.set_published(current_user, _get(event_id), True)
    flash(_("Published: visitors can see it now."), "success")
    return redirect(url_for(".edit", event_id=event_id))


@bp.post("/<int:event_id>/unpublish")
@staff_required
def unpublish(event_id: int):
    """Take an event back to draft."""
    editing.set_published(current_user, _get(event_id), False)
    flash(_("Unpublished: visitors no longer see it."), "info")
    return redirect(url_for(".edit", event_id=event_id))


@bp.post("/<int:event_id>/delete")
@staff_required
def delete(event_id: int):
    """Delete an event for good."""
    editing.delete_event(current_user, _get(event_id))
    flash(_("Deleted."), "info")
    return redirect(url_for(".index"))
