"""Answer anonymous visitors' public pages from the cache, and keep the pages worth keeping.

``serve`` (the last ``before_request`` hook) looks the page up under the content version read
now; ``keep`` (the first ``after_request`` hook, so before the language cookie, counting and
the security headers) stores a page only if nothing in it can belong to one visitor: a 200
to a GET from a request with no session at all, whose view set no cookie, touched no session
(a CSRF token, a flashed message) and did not forbid storing. Such pages get an ETag and
``Cache-Control: public, no-cache`` whether the cache is on or not (``PAGE_CACHE=0``): a proxy
may keep them but asks again each time, and gets a 304 while the page is unchanged.
"""

from __future__ import annotations

import time
from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING

from flask import Response, current_app, g, request, session

from branding.core.pagecache import encoded, keys, version
from branding.core.pagecache.entry import Entry
from branding.core.web.security import LOGIN_REQUIRED
from branding.core.web.visits import note_subject, page_subject

if TYPE_CHECKING:
    from branding.core.pagecache import PageCache

MINUTE = 60
SHARED = "page_cache_shared"  # g: a public page as anyone sees it (validators, caching)
KEY = "page_cache_key"  # g: this request may be answered from and kept in the cache
HIT = "page_cache_hit"
NOTES = "page_cache_notes"  # g: what a view noted for its answers from the cache (``note``)
SKIPPED_HEADERS = {"content-length", "set-cookie", "date"}


def now() -> float:
    """Return the time (a function of its own, so a test can hold the clock)."""
    return time.time()


def _cache() -> PageCache:
    return current_app.extensions["page_cache"]


def _anonymous() -> bool:
    """Whether the visitor is nobody in particular: no user, no message waiting, no login."""
    config = current_app.config
    if request.authorization or request.cookies.get(config.get("REMEMBER_COOKIE_NAME", "x")):
        return False
    if request.cookies.get(config["SESSION_COOKIE_NAME"]) is None:
        return True
    return not (session.get("_user_id") or session.get("_flashes"))


def _shared() -> bool:
    """Whether this request asks for a public page as anyone would see it."""
    cache = _cache()
    if request.method not in ("GET", "HEAD") or not request.endpoint:
        return False
    if request.blueprint not in cache.blueprints:
        return False
    view = current_app.view_functions.get(request.endpoint)
    if view is None or getattr(view, LOGIN_REQUIRED, False) or getattr(view, "no_store", False):
        return False
    return _anonymous()


def serve() -> Response | None:
    """Answer the request from the cache if it may be and the page is there (a hook)."""
    if not _shared():
        return None
    cache = _cache()
    setattr(g, SHARED, True)
    if not cache.enabled:
        return None
    part = cache.key_parts.get(request.endpoint or "")
    extra = f"{cache.build}\n{g.get('lang', '')}\n{part() if part else ''}"
    key = keys.page_key(request, version.current(), extra)
    setattr(g, KEY, key)
    data = cache.store.get(key)
    found = Entry.unpack(data) if data else None
    if found is None or found.expires <= now():
        return None
    setattr(g, HIT, True)
    setattr(g, NOTES, found.notes or {})
    if found.subject:  # for counting the visit, as the view would have noted it
        kind, item_id, day, shown = found.subject
        when = date.fromisoformat(day) if day else None
        note_subject(kind, SimpleNamespace(id=item_id), when, [tuple(s) for s in shown])
    response = Response(found.body, headers=found.headers)
    response.headers["X-Page-Cache"] = "hit"
    _mark_public(response, found.etag)
    _encode(response, key, found)
    after = cache.after_hit.get(request.endpoint or "")
    if after:
        after(response)
    _not_modified(response, found.etag)
    return response


def _encode(response: Response, key: str, found: Entry) -> None:
    """Answer with the entry's compressed copy, made now if this is its first such answer."""
    encoding = encoded.chosen(request, response.mimetype, len(found.body))
    if encoding is None:
        return
    cache = _cache()
    body = cache.store.get(f"{key}:{encoding}")
    if body is None:
        body = encoded.compress(found.body, encoding)
        cache.store.put(f"{key}:{encoding}", body, found.expires - now())
    response.set_data(body)
    response.headers["Content-Encoding"] = encoding
    response.set_etag(f"{found.etag}:{encoding}")


def _not_modified(response: Response, etag: str) -> None:
    """Answer 304 to a validator of this body, compressed or not (Flask-Compress sends
    ``"<etag>:br"``), before anything compresses the body again."""
    for tag in request.if_none_match.as_set():
        if tag.partition(":")[0] == etag:
            response.set_etag(tag)
            response.status_code = 304
            response.set_data(b"")
            response.headers.pop("Content-Length", None)
            return
    response.make_conditional(request)


def _mark_public(response: Response, etag: str) -> None:
    response.set_etag(etag)
    if not (response.cache_control.public or response.cache_control.private):
        response.cache_control.public = True
        response.cache_control.no_cache = True


def _storable(response: Response) -> bool:
    if response.status_code != 200 or response.is_streamed or response.direct_passthrough:
        return False
    if "Set-Cookie" in response.headers or response.cache_control.no_store:
        return False
    if response.cache_control.private:
        return False
    cookie = request.cookies.get(current_app.config["SESSION_COOKIE_NAME"])
    return cookie is None and not session.modified and not session


def keep(response: Response) -> Response:
    """Store a page that may be shared, and give it its validator (an ``after_request`` hook)."""
    if not g.get(SHARED) or g.get(HIT) or not _storable(response):
        return response
    body = response.get_data()
    etag = keys.etag_of(body)
    cache = _cache()
    key = g.get(KEY)
    if key is not None and request.method == "GET" and len(body) <= cache.max_entry_bytes:
        moment = now()
        expires = min(moment + cache.seconds, (moment // MINUTE + 1) * MINUTE)
        headers = [(k, v) for k, v in response.headers if k.lower() not in SKIPPED_HEADERS]
        entry = Entry(body, headers, etag, expires, _subject(), g.get(NOTES))
        cache.store.put(key, entry.pack(), expires - moment)
    if key is not None:
        response.headers["X-Page-Cache"] = "miss"
    _mark_public(response, etag)
    _not_modified(response, etag)
    return response


def note(name: str, value: object) -> None:
    """Keep a JSON value with this request's page, for the hooks that run on its hits."""
    g.setdefault(NOTES, {})[name] = value


def noted(name: str) -> object | None:
    """Return what the view of a page answered from the cache noted (``note``)."""
    return g.get(NOTES, {}).get(name)


def _subject() -> list | None:
    subject = page_subject()
    if subject is None:
        return None
    day = subject.day.isoformat() if subject.day else None
    return [subject.kind, subject.item.id, day, [list(s) for s in subject.shown]]
