"""Counting visits without slowing or failing a page.

After a response, ``_count`` gathers what the request did: the page's item viewed (noted by its
view, ``core.web.visits``), a contact or a QR scan (noted by the counting redirects), a search.
If the request is a person's (``visitors.is_countable``), the counts are recorded once the
response has been sent (``call_on_close``), into the buffer; a failure there is logged, never
shown. When a flush is due, the same worker writes the buffer out after that response.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import date

from flask import Flask, Response, current_app, g, request

from branding.core.web.visits import page_subject
from branding.insight import visitors
from branding.insight.buffer import Buffer
from branding.insight.flush import flush_quietly
from branding.insight.models import VIEW

log = logging.getLogger(__name__)
SEARCH_ENDPOINT = "search.index"
MAX_QUERY = 100
_last_warning = [0.0]


def note(action: str, subject_type: str, subject_id: int, lang: str | None = None) -> None:
    """Count this request as ``action`` on an item (if it turns out to be a person's)."""
    entry = ("c", subject_type, subject_id, action, lang or g.get("lang", "id"))
    g.setdefault("count_entries", []).append(entry)


def _entries(response: Response) -> list[tuple]:
    entries = list(g.pop("count_entries", ()))
    lang = g.get("lang")
    if response.status_code not in (200, 304) or not lang:  # 304: a page cache revalidation
        return entries
    subject = page_subject()
    if subject is not None:
        entries.append(("c", subject.kind, subject.item.id, VIEW, lang))
        entries += [("c", kind, item_id, VIEW, lang) for kind, item_id in subject.shown]
    if request.endpoint == SEARCH_ENDPOINT:
        query = search_text(request.args.get("q", ""))
        if query:
            entries.append(("s", lang, query))
    return entries


def search_text(text: str) -> str:
    """Return a search as it is counted: words in lower case, at most 100 characters."""
    return re.sub(r"\s+", " ", text).strip().lower()[:MAX_QUERY].replace("|", " ").strip()


def _count(response: Response) -> Response:
    if not current_app.config["COUNTING"]:
        return response
    entries = _entries(response)
    if not entries or not visitors.is_countable(request):
        return response
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    who = (request.remote_addr or "", request.headers.get("User-Agent", ""))
    day = visitors.today()
    response.call_on_close(lambda: record(app, who, day, entries))
    return response


def record(app: Flask, who: tuple[str, str], day: date, entries: list[tuple]) -> None:
    """Add a request's counts to the buffer, then flush if it is due; never raise."""
    buffer: Buffer = app.extensions["counting_buffer"]
    try:
        buffer.add(day, who, entries)
        if app.config["COUNTING_FLUSH_AFTER_REQUEST"] and buffer.due():
            with app.app_context():
                flush_quietly(buffer)
    except Exception:  # counting must never be what fails; say so now and then
        if time.monotonic() - _last_warning[0] > 60:
            _last_warning[0] = time.monotonic()
            log.warning("counting a visit failed", exc_info=True)


def install(app: Flask) -> None:
    """Choose the buffer (Redis when REDIS_URL is set) and count after every request."""
    from branding.insight.buffer import ProcessBuffer, RedisBuffer

    seconds = float(app.config["COUNTING_FLUSH_SECONDS"])
    if app.config.get("REDIS_URL"):
        import redis

        client = redis.Redis.from_url(
            app.config["REDIS_URL"], socket_timeout=0.5, socket_connect_timeout=0.5
        )
        app.extensions["counting_buffer"] = RedisBuffer(client, seconds)
    else:
        app.extensions["counting_buffer"] = ProcessBuffer(seconds)
    app.after_request(_count)
