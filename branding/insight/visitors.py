"""Who is counted, and how a visitor is told apart for one day without being known.

A visitor is a salted hash of the client address and the browser's User-Agent, made with a
random salt of the day. The salt lives in memory (or in Redis, shared by the workers) until the
day is over and is then dropped, so a hash can never be matched to an address again; no hash,
address or User-Agent ever reaches the database, and no cookie is set.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date, datetime, time, timedelta

from flask import Request, session

from branding.core.i18n.formatting import WIB

# Crawlers, link previews, uptime checks, scripts and headless browsers.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|scrap|preview|facebookexternalhit|facebot|whatsapp|telegram|"
    r"embedly|pinterest|skypeuri|bitly|vkshare|lighthouse|pagespeed|headless|phantomjs|"
    r"puppeteer|playwright|selenium|pingdom|uptime|monitor|statuscake|curl|wget|httpie|"
    r"python|aiohttp|httpx|go-http|java/|okhttp|libwww|perl|ruby|php/|axios|node-fetch|"
    r"feed|rss|validator|check|archive",
    re.IGNORECASE,
)
# Headers with which browsers announce a speculative load (prefetch, prerender, link preview).
PREFETCH_HEADERS = ("Purpose", "Sec-Purpose", "X-Purpose", "X-Moz")


def is_countable(request: Request) -> bool:
    """Tell whether this request comes from a person reading the site.

    Left out: anything but GET (HEAD included), prefetches and prerenders, bots and scripts
    (by User-Agent, and requests without one), and signed-in accounts (staff and owners
    looking at their own pages).
    """
    if request.method != "GET":
        return False
    for header in PREFETCH_HEADERS:
        value = request.headers.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or "preview" in value:
            return False
    agent = request.headers.get("User-Agent", "")
    if not agent or BOTS.search(agent):
        return False
    return "_user_id" not in session


def today() -> date:
    """Return today's date in WIB, the day counts are kept by."""
    return datetime.now(WIB).date()


def end_of_day(day: date) -> datetime:
    """Return when a WIB day ends, as an aware datetime."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=WIB)


def visitor(salt: bytes, address: str, agent: str) -> bytes:
    """Return the visitor's hash for the day of this salt (nothing that names them)."""
    return hmac.new(salt, f"{address}\n{agent}".encode(), hashlib.sha256).digest()


def token(visitor_hash: bytes, what: str) -> str:
    """Return the mark that this visitor did ``what`` today (12 bytes, hex)."""
    return hashlib.blake2b(what.encode(), key=visitor_hash[:32], digest_size=12).hexdigest()


def marks(salt: bytes, who: tuple[str, str], day: date, entries) -> list[tuple[str, str]]:
    """Return, for each thing a request did, the visitor's mark and the buffer key it counts.

    An entry is ``("c", type, id, action, lang)`` (an item) or ``("s", lang, query)`` (a
    search). The mark leaves the language out: a visitor is counted once a day per item and
    action, in the language they first read it in.
    """
    visitor_hash = visitor(salt, *who)
    found = []
    for entry in entries:
        if entry[0] == "s":
            _, lang, query = entry
            found.append((token(visitor_hash, f"s|{lang}|{query}"), f"s|{day}|{lang}|{query}"))
        else:
            _, subject_type, subject_id, action, lang = entry
            what = f"{subject_type}|{subject_id}|{action}"
            found.append((token(visitor_hash, what), f"c|{day}|{what}|{lang}"))
    return found
