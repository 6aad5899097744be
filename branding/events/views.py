"""Visitor pages for events."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from branding.core.content.publishing import utcnow
from branding.core.web.query_args import enum_arg, page_arg, per_page, require_page
from branding.core.web.visits import note_subject
from branding.events import recurrence, services
from branding.events.models import EventCategory

bp = Blueprint("events", __name__, url_prefix="/<lang:lang>/events")
REPEATING_SHOWN = 12  # the soonest regular events on the list; the agenda has all of them


@bp.get("/")
def index():
    """List upcoming events, soonest first, and the repeating ones."""
    now, category = utcnow(), enum_arg(EventCategory)
    page = services.list_upcoming(now, category, page_arg(), per_page())
    first = page.page == 1
    return render_template(
        "events/index.html",
        page=require_page(page),
        repeating=services.list_repeating(now, category, REPEATING_SHOWN) if first else [],
        repeating_total=services.count_repeating(now, category) if first else 0,
        category=category,
        archive=False,
    )


@bp.get("/past")
def past():
    """List events that are over, latest first."""
    category = enum_arg(EventCategory)
    page = services.list_past(utcnow(), category, page_arg(), per_page())
    return render_template(
        "events/index.html",
        page=require_page(page),
        repeating=[],
        repeating_total=0,
        category=category,
        archive=True,
    )


@bp.get("/<slug>")
def detail(slug: str):
    """Show one published event, with its next date if it repeats."""
    event = services.get_published_event(slug) or abort(404)
    note_subject("event", event)
    return render_template(
        "events/detail.html",
        event=event,
        upcoming=services.next_occurrence(event, utcnow()),
        describe_recurrence=recurrence.describe,
    )
