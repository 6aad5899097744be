"""HTTP error pages in the visitor's language, from a handler that never fails itself.

The page is the site's template when it can be rendered; if anything in rendering fails (an
invalid ``Host`` header that breaks absolute URLs, a broken template context, a database
that is down), a plain page with the same heading in the visitor's language answers instead,
with the same status code, so an error is never turned into a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g, redirect, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError, NotFound
from werkzeug.routing import RequestRedirect
from werkzeug.wrappers import Response as BaseResponse

from branding.core.i18n import LANGUAGES, preferred_language
from branding.extensions import db

_HOST = re.compile(
    r"^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,252}|\[[0-9A-Fa-f:.]{2,45}\])(?::([0-9]{1,5}))?$"
)
# Last resort when not even the catalogs can be read: the headings in Indonesian and English.
_PLAIN = {
    "id": {404: "Halaman tidak ditemukan", 400: "Permintaan tidak dapat dipahami",
           429: "Harap tunggu sebentar", 0: "Terjadi kesalahan"},
    "en": {404: "Page not found", 400: "The request could not be understood",
           429: "Please slow down", 0: "Something went wrong"},
}  # fmt: skip


def check_host() -> None:
    """Refuse a request whose Host header is not a host name (a ``before_request`` hook)."""
    host = request.headers.get("Host", "")
    match = _HOST.match(host) if host else None
    if host and (match is None or int(match.group(1) or 0) > 65535):
        raise BadRequest("invalid Host header")


def _language() -> str:
    try:
        lang = g.get("lang")
        if request.url_rule is None or not lang:  # no route matched: read the path
            first = request.path.strip("/").split("/", 1)[0]
            lang = first if first in LANGUAGES else preferred_language()
        return lang if lang in LANGUAGES else "id"
    except Exception:  # noqa: BLE001 - the error page must answer whatever is broken
        return "id"


def _heading(code: int) -> str:
    headings = {
        404: _("Page not found"),
        405: _("That action is not allowed here"),
        413: _("That upload is too large"),
        403: _("You do not have permission to view this page"),
        429: _("Please slow down"),
        400: _("The request could not be understood"),
    }
    return headings.get(code) or _("Something went wrong on our side")


def _plain_page(error: HTTPException, lang: str) -> Response:
    """A page made of strings only: no template, no URL building, no database."""
    code = error.code or 500
    try:
        heading = _heading(code)
    except Exception:  # noqa: BLE001
        texts = _PLAIN.get(lang, _PLAIN["id"])
        heading = texts.get(code, texts[0])
    body = (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{code}</title></head><body><h1>{escape(heading)}</h1>"
        f'<p><a href="/{escape(lang)}/">{code}</a></p></body></html>'
    )
    response = Response(body, status=code, mimetype="text/html")
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def register_error_renderer(app: Flask, prefix: str, renderer: Callable[[Exception], Response]):
    """Let a feature answer the errors of the paths under ``prefix`` itself (JSON for an API)."""
    app.extensions.setdefault("error_renderers", []).append((prefix, renderer))


def _renderer_for(path: str) -> Callable[[Exception], Response] | None:
    for prefix, renderer in current_app.extensions.get("error_renderers", []):
        if path.startswith(prefix):
            return renderer
    return None


def _with_language_prefix(error: Exception) -> BaseResponse | None:
    """Redirect a path that lacks only its language (``/destinations/``) to the visitor's one."""
    if not isinstance(error, NotFound) or request.method not in ("GET", "HEAD"):
        return None
    first = request.path.strip("/").split("/", 1)[0]
    if request.url_rule is not None or first in LANGUAGES:
        return None
    lang = preferred_language()
    target = f"/{lang}{request.path}"
    try:
        current_app.url_map.bind("localhost").match(target, method="GET")
    except RequestRedirect as moved:  # the path exists with a trailing slash
        target = urlsplit(moved.new_url).path
    except HTTPException:
        return None
    query = request.query_string.decode("latin-1")
    response = redirect(target + (f"?{query}" if query else ""), code=302)
    response.vary.update(("Accept-Language", "Cookie"))
    return response


def render_http_error(error: Exception):
    """Render an error page; a URL without a known language uses the visitor's choice."""
    renderer = _renderer_for(request.path)
    if renderer is not None:
        return renderer(error)
    moved = _with_language_prefix(error)
    if moved is not None:
        return moved
    if not isinstance(error, HTTPException):
        error = InternalServerError()
    code = error.code or 500
    lang = _language()
    try:
        if code >= 500:
            db.session.rollback()
        g.lang = lang
        csrf_failed = isinstance(error, CSRFError)
        html = render_template(
            "site/error.html", error=error, csrf_failed=csrf_failed, heading=_heading(code)
        )
        response = Response(html, status=code, mimetype="text/html")
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response
    except Exception:  # noqa: BLE001 - an error page that fails would be a crash
        current_app.logger.exception("the error page for %s failed; answering plainly", code)
        return _plain_page(error, lang)
