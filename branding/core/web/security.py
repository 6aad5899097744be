"""The security headers of every response, set in one place, the same in development.

- **Content-Security-Policy**: scripts, styles, fonts and fetches from this site only, no inline
  script or style at all (templates keep scripts in ``static/js`` and styles in
  ``static/css``; the brand colours come from a small generated stylesheet, ``/brand.css``),
  images from this site and the map tile server (``MAP_TILE_URL``'s origin, exactly), forms
  posting only here, no plugins, no ``<base>``, and no framing (``frame-ancestors 'none'``;
  a view marked with :func:`framed_by_self` may be framed by the site's own pages).
- ``X-Frame-Options`` (for browsers without frame-ancestors), ``nosniff``,
  ``Referrer-Policy``, ``Permissions-Policy``, ``Cross-Origin-Opener-Policy``.
- In production (``BRANDING_ENV=production``): HSTS, ``upgrade-insecure-requests``, and
  ``Secure`` on every cookie, whichever code set it.
- ``Cache-Control: no-store`` on every page behind a login (views the access decorators mark
  ``requires_login``), on the account forms (marked with :func:`no_store`) and on every
  response to a signed-in visitor that did not declare itself ``public`` or ``private``
  (static files, feeds and public photos keep their caching): a shared cache or the back
  button must never show one person's page to another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request, session

LOGIN_REQUIRED = "requires_login"  # the attribute the access decorators put on a view
_NO_STORE = "no_store"
_FRAMED_BY_SELF = "framed_by_self"
_TEMPLATE_PART = re.compile(r"\{[^}]*\}")


def no_store(view: Callable) -> Callable:
    """Mark a view whose responses no cache may keep (forms with tokens, account pages)."""
    setattr(view, _NO_STORE, True)
    return view


def framed_by_self(view: Callable) -> Callable:
    """Mark a view that the site's own pages embed in a frame (``frame-ancestors 'self'``)."""
    setattr(view, _FRAMED_BY_SELF, True)
    return view


def tile_origin(template: str | None) -> str | None:
    """Return the CSP source of a Leaflet tile URL template: its scheme and host, or None.

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` becomes ``https://*.tile.example.org``;
    a template on this site (``/tiles/{z}/{x}/{y}.png``) needs nothing beyond ``'self'``.
    """
    if not template:
        return None
    parts = urlsplit(template)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    labels = _TEMPLATE_PART.sub("*", parts.netloc).split(".")
    varying = [n for n, label in enumerate(labels) if "*" in label]
    if varying:  # {s}.tile…, tile-{s}.…: any subdomain of what follows the last varying label
        labels = ["*"] + labels[varying[-1] + 1 :]
    return f"{parts.scheme}://{'.'.join(labels)}"


def content_security_policy(app: Flask) -> str:
    """Build the policy for this application's settings."""
    images = ["'self'"]
    tiles = tile_origin(app.config.get("MAP_TILE_URL"))
    if tiles:
        images.append(tiles)
    directives = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {' '.join(images)}",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
    if app.config.get("PRODUCTION"):
        directives.append("upgrade-insecure-requests")
    return "; ".join(directives)


PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def _view() -> Callable | None:
    return current_app.view_functions.get(request.endpoint) if request.endpoint else None


def _behind_login(view: Callable | None, response: Response) -> bool:
    if view is not None and (
        getattr(view, LOGIN_REQUIRED, False) or getattr(view, _NO_STORE, False)
    ):
        return True
    if response.cache_control.public or response.cache_control.private:
        return False  # the view said who may keep it: files, feeds, private photos (no-store)
    # a signed-in visitor's pages carry their name and tokens; only read a session that exists
    return request.cookies.get(current_app.config["SESSION_COOKIE_NAME"]) is not None and bool(
        session.get("_user_id")
    )


def _secure_cookies(response: Response) -> None:
    cookies = response.headers.getlist("Set-Cookie")
    if not cookies or all("; secure" in c.lower() for c in cookies):
        return
    response.headers.remove("Set-Cookie")
    for cookie in cookies:
        response.headers.add(
            "Set-Cookie", cookie if "; secure" in cookie.lower() else cookie + "; Secure"
        )


def set_security_headers(response: Response) -> Response:
    """Add the headers to a response (an ``after_request`` hook, error pages included)."""
    app = current_app
    view = _view()
    headers = response.headers
    policy = app.extensions["content_security_policy"]
    framed = view is not None and getattr(view, _FRAMED_BY_SELF, False)
    if framed:
        policy = policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
    headers["Content-Security-Policy"] = policy
    headers["X-Frame-Options"] = "SAMEORIGIN" if framed else "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if _behind_login(view, response):
        headers["Cache-Control"] = "no-store"
        headers.pop("Expires", None)
        response.vary.add("Cookie")
    if app.config.get("PRODUCTION"):
        headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
        _secure_cookies(response)
    return response


def init_app(app: Flask) -> None:
    """Build the policy once and add the headers after every request."""
    app.extensions["content_security_policy"] = content_security_policy(app)
    # first in the list, so it runs last (Flask runs them in reverse): it sees every cookie
    app.after_request_funcs.setdefault(None, []).insert(0, set_security_headers)
