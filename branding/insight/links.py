"""The contact links of a visitor page, sent through the counting redirect.

The template helpers (``whatsapp_link``, ``tel_link``, ``share_links``, ``calendar_links``,
``directions_link``, ``website_link``) are wrapped: on a page whose view noted its item
(``core.web.visits.note_subject``), a link that is one of that item's own becomes
``/<lang>/go/<kind>/<id>/<action>``, which counts the contact and redirects to the same place.
Any other link (the tourism office's WhatsApp in the footer, a preview page's links) and every
link while counting is off stays as it was. Templates need no change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import urlencode, urlsplit

from flask import Flask, current_app, g, request, url_for

from branding.calendar.exports import CalendarLinks
from branding.core.web.contact import ShareLink, e164, whatsapp_number
from branding.core.web.visits import PageSubject, page_subject
from branding.insight import contacts


def _subject() -> PageSubject | None:
    return page_subject() if current_app.config["COUNTING"] else None


def _go(subject: PageSubject, tail: str, **query: str) -> str:
    """Return ``/<lang>/go/<kind>/<id>/<tail>``: the item's counting redirect for an action.

    The prefix is built once a request (one ``url_for``); a page has half a dozen such links.
    """
    prefix = g.get("counting_prefix")
    if prefix is None:
        whole = url_for("insight.contact", kind=subject.kind, subject_id=subject.item.id,
                        action="phone")  # fmt: skip
        prefix = g.counting_prefix = whole.removesuffix("/phone")
    return f"{prefix}/{tail}" + (f"?{urlencode(query)}" if query else "")


def whatsapp_link(plain: Callable, raw: str | None, about: str | None = None) -> str | None:
    subject = _subject()
    if subject and about is not None and raw:
        if raw == getattr(subject.item, contacts.WHATSAPP[subject.kind]):
            return _go(subject, "whatsapp") if whatsapp_number(raw) else None
    return plain(raw, about)


def tel_link(plain: Callable, raw: str | None) -> str | None:
    subject = _subject()
    if subject and raw and raw == getattr(subject.item, contacts.PHONE[subject.kind]):
        return _go(subject, "phone") if e164(raw) else None
    return plain(raw)


def website_link(plain: Callable, url: str, link: str = "website") -> str:
    subject = _subject()
    if subject and url and url == contacts.stored_website(subject.kind, subject.item, link):
        return _go(subject, "website", **({"link": link} if link != "website" else {}))
    return plain(url, link)


def directions_link(plain: Callable, latitude: float, longitude: float) -> str:
    subject = _subject()
    if subject and contacts.coordinates(subject.kind, subject.item) == (latitude, longitude):
        return _go(subject, "directions")
    return plain(latitude, longitude)


def share_links(plain: Callable, url: str, title: str) -> list[ShareLink]:
    links = plain(url, title)
    subject = _subject()
    if not subject or urlsplit(url).path != request.path:  # only the page's own address
        return links
    day = {"day": subject.day.isoformat()} if subject.day else {}
    return [
        ShareLink(link.network, link.label, _go(subject, f"share/{link.network}", **day))
        for link in links
    ]


def calendar_links(plain: Callable, event, occurrence=None) -> CalendarLinks:
    subject = _subject()
    if not subject or subject.kind != "event" or subject.item.id != event.id:
        return plain(event, occurrence)
    day = {"day": occurrence.day.isoformat()} if occurrence is not None else {}
    return CalendarLinks(
        ics=_go(subject, "calendar/ics", **day), google=_go(subject, "calendar/google", **day)
    )


WRAPPED: dict[str, Callable[..., Any]] = {
    "whatsapp_link": whatsapp_link,
    "tel_link": tel_link,
    "website_link": website_link,
    "directions_link": directions_link,
    "share_links": share_links,
    "calendar_links": calendar_links,
}


def install(app: Flask) -> None:
    """Wrap the link helpers the features registered (they must be registered first)."""
    globals_: dict[str, Any] = app.jinja_env.globals
    for name, wrapper in WRAPPED.items():
        globals_[name] = partial(wrapper, globals_[name])
