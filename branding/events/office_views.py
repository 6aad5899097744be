"""Back-office pages for events: list, create, edit, preview, publish, delete."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.core.content.publishing import utcnow
from branding.core.web.query_args import page_arg, require_page
from branding.editorial import revisions
from branding.editorial.forms import fill_schedule, schedule_values
from branding.editorial.routes import (
    add_publishing_routes,
    office_filter,
    preview_actions,
    saved_message,
)
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
    """List the events a page at a time (by name and status), with missing translations."""
    wanted = office_filter()
    page = require_page(editing.office_events(wanted, page_arg()))
    template = "office/events/index.html"
    return render_template(template, page=page, items=page.items, wanted=wanted)


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@staff_required
def edit(event_id: int | None = None):
    """Create an event, or edit one, with each text side by side in three languages."""
    event = _get(event_id) if event_id else None
    form = EventForm()
    if form.validate_on_submit():
        values = {**form.values(), **schedule_values(form)}
        as_draft = request.form.get("action") == "draft"
        try:
            saved = editing.save_event(
                current_user, event, values, form.slug.data or "", as_draft=as_draft
            )
        except editing.NotSaved:  # a constraint the form cannot see: keep what was typed
            flash(_("The event could not be saved. Check the fields and try again."), "error")
            page = render_template("office/events/form.html", form=form, item=event, draft=None)
            return page, 409
        flash(saved_message(saved, as_draft), "success")
        return redirect(url_for(".edit", event_id=saved.id))
    draft = revisions.waiting(event) if event is not None else None
    if event is not None and not form.is_submitted():
        if draft is not None:
            with revisions.showing(event, draft.data):
                form.fill(event)
        else:
            form.fill(event)
        fill_schedule(form, event)
    return render_template("office/events/form.html", form=form, item=event, draft=draft)


@bp.get("/<int:event_id>/preview")
@staff_required
def preview(event_id: int):
    """Show an event as visitors would see it, even as a draft."""
    event = _get(event_id)
    draft = revisions.waiting(event)
    actions = preview_actions(event, draft, "event_id")
    if draft is None:
        return _preview_page(event, actions)
    with revisions.showing(event, draft.data):
        return _preview_page(event, actions)


def _preview_page(event, actions: dict) -> str:
    return render_template(
        "events/detail.html",
        event=event,
        upcoming=next_occurrence(event, utcnow()),
        describe_recurrence=describe,
        preview=True,
        preview_actions=actions,
    )


add_publishing_routes(bp, _get, "event_id", editing.delete_event)
add_photo_routes(
    bp,
    Gallery("photos", "/<int:event_id>", _get, staff_required,
            "office/photos.html", STAFF),
)  # fmt: skip
