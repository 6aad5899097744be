"""Visitor routes: the counting redirects, the QR posters' short address, the privacy note."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from branding.core.i18n import preferred_language
from branding.insight import contacts, counting
from branding.insight.models import SCAN
from branding.insight.posters import poster_by_code

bp = Blueprint("insight", __name__)
GO = "/<lang:lang>/go/<any(destination, event, business):kind>/<int:subject_id>"


def _away(href: str) -> Response:
    """Redirect to a contact's target; never cached, so each click reaches the counter."""
    response = redirect(href, 302)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _day_arg() -> date | None:
    value = request.args.get("day")
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        abort(404)


@bp.get(GO + "/<any(whatsapp, phone, website, directions):action>")
def contact(kind: str, subject_id: int, action: str):
    """Count a contact with an item and send the visitor to the item's own link."""
    item = contacts.public_item(kind, subject_id) or abort(404)
    href = contacts.contact_target(kind, item, action, request.args.get("link", "website"))
    if not href:
        abort(404)
    counting.note(action, kind, item.id)
    return _away(href)


@bp.get(GO + "/share/<any(whatsapp, facebook, x):network>")
def share(kind: str, subject_id: int, network: str):
    """Count a share of an item's page and open the network's share page."""
    item = contacts.public_item(kind, subject_id) or abort(404)
    href = contacts.share_target(kind, item, network, _day_arg()) or abort(404)
    counting.note("share", kind, item.id)
    return _away(href)


@bp.get("/<lang:lang>/go/event/<int:event_id>/calendar/<any(ics, google):via>")
def calendar(event_id: int, via: str):
    """Count taking an event into a calendar, then download it or open Google Calendar."""
    event = contacts.public_item("event", event_id) or abort(404)
    href = contacts.calendar_target(event, via, _day_arg()) or abort(404)
    counting.note("calendar", "event", event.id)
    return _away(href)


@bp.get("/q/<code>")
def scan(code: str):
    """Open a poster's item in the visitor's language and count the scan."""
    poster = poster_by_code(code) or abort(404)
    lang = preferred_language()
    counting.note(SCAN, "poster", poster.id, lang)
    item = poster.item
    if item.is_public:
        target = contacts.page_url(poster.kind, item, lang=lang, external=False)
    else:  # withdrawn since it was printed: the home page rather than a dead end
        target = url_for("site.home", lang=lang)
    response = _away(target)
    response.headers["Vary"] = "Cookie, Accept-Language"
    return response


@bp.get("/<lang:lang>/privacy")
def privacy():
    """Say what the platform counts about visits, and what it never keeps."""
    return render_template("insight/privacy.html")
