"""The brand's files: the theme stylesheet, the icons, the favicon and the web manifest."""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, redirect, request

from branding.core.i18n import current_language
from branding.identity import icons, theme
from branding.identity.services import site_settings

bp = Blueprint("identity", __name__)
DAY = 24 * 3600


@bp.get("/theme/<name>.css")
def theme_css(name: str):
    """Send the brand colours as a stylesheet."""
    return theme.theme_response(name)


@bp.get("/icons/<digest>/<what>")
def icon(digest: str, what: str):
    """Send one of the default icons, drawn in the main colour."""
    colour = site_settings().color_primary
    if what not in icons.DEFAULT_ICONS:
        abort(404)
    mimetype = "image/x-icon" if what.endswith(".ico") else "image/png"
    response = Response(icons.default_icon(colour, what), mimetype=mimetype)
    response.cache_control.public = True
    current = digest == icons.colour_digest(colour)
    response.cache_control.max_age = theme.YEAR if current else 60
    response.cache_control.immutable = current
    return response


def _to_icon(what: str):
    response = redirect(icons.icon_url(what, site_settings()), code=302)
    response.cache_control.public = True
    response.cache_control.max_age = DAY
    return response


@bp.get("/favicon.ico")
def favicon():
    """Send browsers that ask for /favicon.ico to the current one."""
    return _to_icon("favicon.ico")


@bp.get("/apple-touch-icon.png")
@bp.get("/apple-touch-icon-precomposed.png")
def touch_icon():
    """Send phones that ask for the touch icon at the root to the current one."""
    return _to_icon("icon180.png")


@bp.get("/<lang:lang>/manifest.webmanifest")
def manifest():
    """Describe the site for installing it from the browser, in the page's language."""
    body = json.dumps(icons.manifest(site_settings(), current_language()), ensure_ascii=False)
    response = Response(body, mimetype="application/manifest+json")
    response.cache_control.public = True
    response.cache_control.max_age = DAY
    return response.make_conditional(request)
