"""Visitor pages of the calendar: month, agenda, dated occurrences and iCalendar files."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from flask import Blueprint, Response, abort, render_template, request
from werkzeug.routing import BaseConverter, ValidationError

from branding.calendar import exports, services
from branding.calendar.month import looks_like_month, parse_month, shift_month, within_reach
from branding.core.content.publishing import utcnow
from branding.core.web.query_args import date_arg, enum_arg, page_arg, parse_date
from branding.core.web.visits import note_subject
from branding.events import recurrence
from branding.events.models import EventCategory
from branding.events.services import get_published_event

if TYPE_CHECKING:
    from icalendar import Calendar

bp = Blueprint("calendar", __name__, url_prefix="/<lang:lang>/events")


class IsoDateConverter(BaseConverter):
    """Match a ``YYYY-MM-DD`` date in a URL and hand the view a ``date``."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        day = parse_date(value)  # the one date rule: a real day, years 1900–2199
        if day is None:
            raise ValidationError()
        return day

    def to_url(self, value: date | str) -> str:
        return value.isoformat() if isinstance(value, date) else str(value)


@bp.record_once
def _register_converter(state) -> None:
    state.app.url_map.converters.setdefault("isodate", IsoDateConverter)


def ics_response(calendar: Calendar, filename: str, download: bool = True) -> Response:
    """Answer with an iCalendar file, as a download or for calendar apps to subscribe to."""
    response = Response(calendar.to_ical(), mimetype="text/calendar")
    disposition = "attachment" if download else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response.cache_control.public, response.cache_control.max_age = True, 900
    return response


@bp.get("/calendar")
def month():
    """Show a month of events, repeating ones on each of their dates."""
    today = services.today_in_wib()
    asked = request.args.get("month", "")
    first = parse_month(asked)
    if first is None and looks_like_month(asked):  # 2026-13, 0000-01: no such month here
        abort(404)
    first = first or today.replace(day=1)
    if not within_reach(first, today):
        abort(404)
    category, week_start = enum_arg(EventCategory), services.first_weekday()
    previous, following = shift_month(first, -1), shift_month(first, 1)
    return render_template(
        "calendar/month.html",
        first=first,
        weeks=services.month_view(first, category, week_start),
        week_start=week_start,
        category=category,
        today=today,
        previous=previous if within_reach(previous, today) else None,
        following=following if within_reach(following, today) else None,
        feeds=exports.subscription_links(category),
    )


@bp.get("/agenda")
def agenda():
    """List the coming days that have events, a month at a time."""
    today = services.today_in_wib()
    first = date_arg("from") or today
    if not within_reach(first.replace(day=1), today):
        abort(404)
    step = timedelta(days=services.AGENDA_DAYS)
    category = enum_arg(EventCategory)
    found = services.agenda(
        first, services.AGENDA_DAYS, category, page_arg(), services.AGENDA_PER_PAGE
    )
    if found.page > found.pages:
        abort(404)
    return render_template(
        "calendar/agenda.html",
        first=first,
        last=first + step - timedelta(days=1),
        days=found.days,
        agenda=found,
        category=category,
        today=today,
        previous=first - step if first > today and within_reach(first - step, today) else None,
        following=first + step if within_reach((first + step).replace(day=1), today) else None,
        feeds=exports.subscription_links(category),
    )


@bp.get("/<slug>/<isodate:day>")
def occurrence(slug: str, day: date):
    """Show one date of an event, with its own calendar links."""
    found = services.find_occurrence(slug, day) or abort(404)
    note_subject("event", found.event, day=day)
    return render_template(
        "events/detail.html",
        event=found.event,
        upcoming=found,
        occurrence=found,
        describe_recurrence=recurrence.describe,
    )


@bp.get("/<slug>.ics")
def event_ics(slug: str):
    """Download an event, all its dates if it repeats, as an iCalendar file."""
    event = get_published_event(slug) or abort(404)
    return ics_response(exports.event_calendar(event), f"{slug}.ics")


@bp.get("/<slug>/<isodate:day>.ics")
def occurrence_ics(slug: str, day: date):
    """Download one date of an event as an iCalendar file."""
    found = services.find_occurrence(slug, day) or abort(404)
    return ics_response(exports.event_calendar(found.event, found), f"{slug}-{day}.ics")


@bp.get("/calendar.ics")
def feed():
    """Serve the calendar of upcoming events to subscribe to, for one category or all."""
    category = enum_arg(EventCategory)
    name = f"events-{category.value}.ics" if category else "events.ics"
    return ics_response(exports.feed_calendar(utcnow(), category), name, download=False)
