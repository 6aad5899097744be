"""sitemap.xml, robots.txt and the Atom feeds."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, url_for
from flask_babel import gettext

from branding.core.content.publishing import utcnow
from branding.core.i18n import LANGUAGES
from branding.seo import feeds, services

bp = Blueprint("seo", __name__)
ATOM = "application/atom+xml"


def _language_urls(page: services.Page) -> dict[str, str]:
    return {
        code: url_for(page.endpoint, lang=code, **page.values, _external=True) for code in LANGUAGES
    }


@bp.get("/sitemap.xml")
def sitemap():
    """List every public page in every language, with its alternates."""
    pages = [(page, _language_urls(page)) for page in services.sitemap_pages()]
    xml = render_template("seo/sitemap.xml", pages=pages, languages=list(LANGUAGES))
    return Response(xml, mimetype="application/xml")


@bp.get("/robots.txt")
def robots():
    """Tell crawlers where the sitemap is and what is private."""
    text = render_template("seo/robots.txt", sitemap=url_for("seo.sitemap", _external=True))
    return Response(text, mimetype="text/plain")


def _atom(title: str, entries: list[feeds.Entry], alternate: str) -> Response:
    xml = render_template(
        "seo/feed.atom.xml",
        title=title,
        entries=entries,
        updated=feeds.feed_updated(entries, utcnow()),
        alternate=alternate,
    )
    return Response(xml, mimetype=ATOM)


@bp.get("/<lang:lang>/feeds/events.atom")
def events_feed():
    """Serve the Atom feed of upcoming events."""
    entries = [feeds.event_entry(u) for u in services.upcoming_for_feed(utcnow())]
    return _atom(gettext("Upcoming events"), entries, url_for("events.index", _external=True))


@bp.get("/<lang:lang>/feeds/listings.atom")
def listings_feed():
    """Serve the Atom feed of newly published destinations and businesses."""
    entries = [feeds.listing_entry(item) for item in services.new_listings()]
    title = gettext("New destinations and businesses")
    return _atom(title, entries, url_for("site.home", _external=True))
