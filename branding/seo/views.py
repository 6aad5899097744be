"""sitemap.xml, robots.txt and the Atom feeds."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, render_template, url_for
from flask_babel import gettext
from markupsafe import escape

from branding.core.content.publishing import utcnow
from branding.core.i18n import LANGUAGES
from branding.seo import feeds, services

bp = Blueprint("seo", __name__)
ATOM = "application/atom+xml"
MAX_URLS = 50_000  # in one sitemap file (sitemaps.org)
PLACEHOLDER = "__slug__"
URLSET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
    'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


class _Links:
    """Build a page's address in each language: ``url_for`` once per endpoint and language,
    then the slug put in, as the sitemap lists tens of thousands of them."""

    def __init__(self) -> None:
        self.patterns: dict[tuple[str, str], str] = {}

    def __call__(self, page: services.Page) -> dict[str, str]:
        slug = page.values.get("slug")
        urls = {}
        for code in LANGUAGES:
            key = (page.endpoint, code)
            if key not in self.patterns:
                values = {"slug": PLACEHOLDER} if slug is not None else {}
                self.patterns[key] = url_for(page.endpoint, lang=code, **values, _external=True)
            urls[code] = (
                self.patterns[key].replace(PLACEHOLDER, quote(slug))
                if slug
                else (self.patterns[key])
            )
        return urls


def _urlset(pages: list[services.Page]) -> Response:
    """Answer with a urlset: each page in every language, with its alternates. Written as
    strings, not by the template engine: a file holds up to 50,000 of them."""
    links, languages = _Links(), list(LANGUAGES)
    parts = [URLSET_HEAD]
    for page in pages:
        urls = {code: escape(url) for code, url in links(page).items()}
        alternates = "".join(
            f'    <xhtml:link rel="alternate" hreflang="{code}" href="{urls[code]}"/>\n'
            for code in languages
        )
        alternates += (
            f'    <xhtml:link rel="alternate" hreflang="x-default" href="{urls[languages[0]]}"/>\n'
        )
        lastmod = (
            f"    <lastmod>{page.lastmod.replace(microsecond=0).isoformat()}</lastmod>\n"
            if page.lastmod
            else ""
        )
        parts += [f"  <url>\n    <loc>{urls[code]}</loc>\n{lastmod}{alternates}  </url>\n"
                  for code in languages]  # fmt: skip
    parts.append("</urlset>\n")
    return Response("".join(parts), mimetype="application/xml")


def _per_file() -> int:
    """Return how many pages a sitemap file lists: each is a URL in every language."""
    return max(1, current_app.config.get("SITEMAP_MAX_URLS", MAX_URLS) // len(LANGUAGES))


@bp.get("/sitemap.xml")
def sitemap():
    """List every public page in every language, or past 50,000 addresses, the sitemap files."""
    sizes = services.section_sizes()
    total, per_file = len(services.LIST_PAGES) + sum(sizes), _per_file()
    if total <= per_file:
        return _urlset(services.sitemap_pages(sizes=sizes))
    files = [url_for("seo.sitemap_file", number=n, _external=True)
             for n in range(1, -(-total // per_file) + 1)]  # fmt: skip
    xml = render_template("seo/sitemap_index.xml", files=files)
    return Response(xml, mimetype="application/xml")


@bp.get("/sitemap-<int:number>.xml")
def sitemap_file(number: int):
    """List one file's share of the public pages (the sitemap index lists the files)."""
    sizes = services.section_sizes()
    total, per_file = len(services.LIST_PAGES) + sum(sizes), _per_file()
    if not 1 <= number <= -(-total // per_file):  # a small sitemap is its one file
        abort(404)
    start = (number - 1) * per_file
    return _urlset(services.sitemap_pages(start, start + per_file, sizes))


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
