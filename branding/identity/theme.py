"""The brand colours as a tiny stylesheet, named by its content and cached for a year.

Pages link ``/theme/<digest>.css`` rather than carrying an inline ``<style>`` (which a strict
Content-Security-Policy forbids); a change of colours changes the digest, and so the name.
"""

from __future__ import annotations

import hashlib
import re

from flask import Response, abort, request

from branding.identity.contrast import INK, WHITE, mix
from branding.identity.models import BrandingSettings
from branding.identity.services import DEFAULT_SETTINGS, site_settings

YEAR = 365 * 24 * 3600
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _colour(settings: BrandingSettings, field: str) -> str:
    """Return a stored colour, or the default where an old row holds something else."""
    value = getattr(settings, field, "") or ""
    return value if COLOUR.match(value) else str(DEFAULT_SETTINGS[field])


def theme_css(settings: BrandingSettings) -> str:
    """Return the custom properties of the brand colours and the tones made from them."""
    primary, secondary, accent = (
        _colour(settings, "color_primary"),
        _colour(settings, "color_secondary"),
        _colour(settings, "color_accent"),
    )
    tones = {
        "--primary": primary,
        "--primary-dark": mix(primary, INK, 0.35),
        "--primary-tint": mix(primary, WHITE, 0.9),
        "--secondary": secondary,
        "--secondary-dark": mix(secondary, INK, 0.3),
        "--secondary-tint": mix(secondary, WHITE, 0.9),
        "--accent": accent,
        "--accent-tint": mix(accent, WHITE, 0.75),
    }
    return ":root{" + ";".join(f"{name}:{value}" for name, value in tones.items()) + "}\n"


def digest(css: str) -> str:
    """Return the name-giving digest of a theme stylesheet."""
    return hashlib.sha256(css.encode()).hexdigest()[:10]


def theme_digest() -> str:
    """Return the digest of the current theme (for the stylesheet link of every page)."""
    return digest(theme_css(site_settings()))


def theme_response(name: str) -> Response:
    """Serve the current theme; a stale name gets it too, briefly cached."""
    css = theme_css(site_settings())
    if not name:
        abort(404)
    response = Response(css, mimetype="text/css")
    response.cache_control.public = True
    if name == digest(css):
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
    else:
        response.cache_control.max_age = 60
    response.set_etag(digest(css))
    response.make_conditional(request)
    return response
