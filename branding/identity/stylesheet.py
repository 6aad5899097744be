"""The brand colours as a tiny stylesheet, so no page needs an inline ``<style>`` (strict CSP).

Pages link ``/brand.css?v=<hash of the colours>``: a change of colours changes the address,
so the file can be cached for a year; an old or missing ``v`` gets the current colours,
cached briefly.
"""

from __future__ import annotations

import hashlib
import re

from flask import Blueprint, Response, request, url_for

from branding.identity.services import DEFAULT_SETTINGS, site_settings

bp = Blueprint("identity", __name__)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
YEAR = 365 * 24 * 3600
COLOURS = {"primary": "color_primary", "secondary": "color_secondary", "accent": "color_accent"}


def brand_css() -> str:
    """Return the stylesheet of the current colours (a stored odd value falls back)."""
    settings = site_settings()
    lines = []
    for name, field in COLOURS.items():
        value = getattr(settings, field, "") or ""
        lines.append(f"--{name}:{value if _COLOUR.match(value) else DEFAULT_SETTINGS[field]}")
    return ":root{" + ";".join(lines) + "}\n"


def brand_css_version() -> str:
    """Return a short hash of the stylesheet, for its address."""
    return hashlib.sha256(brand_css().encode()).hexdigest()[:12]


def brand_stylesheet_url() -> str:
    """Return the versioned address of the brand stylesheet (a template global)."""
    return url_for("identity.stylesheet", v=brand_css_version())


@bp.get("/brand.css")
def stylesheet():
    """Serve the brand colours as CSS custom properties."""
    css = brand_css()
    response = Response(css, mimetype="text/css")
    current = request.args.get("v") == hashlib.sha256(css.encode()).hexdigest()[:12]
    response.cache_control.public = True
    response.cache_control.max_age = YEAR if current else 300
    response.cache_control.immutable = current
    return response
