"""The site's icons and web manifest: made from the logo, or a default mark in the main colour.

Before an administrator uploads a logo, the favicon, touch icon and manifest icons are a
simple mark (hills and a waterfall) drawn in the main brand colour, made once per colour and
named by it, so that a change of colour is a change of name.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from flask import url_for
from PIL import Image, ImageDraw

from branding.core.web.templating import tr
from branding.identity.contrast import PAPER
from branding.identity.logo import ICONS, logo_url, square_icon
from branding.identity.models import BrandingSettings

DEFAULT_ICONS = (*(f"{what}.png" for what in ICONS), "favicon.ico")
_DRAW = 512


def colour_digest(colour: str) -> str:
    """Return the name-giving digest of the default icons in a colour."""
    return hashlib.sha256(colour.lower().encode()).hexdigest()[:10]


def _mark(colour: str) -> Image.Image:
    """Draw the default mark: white hills and a waterfall on the main colour, rounded."""
    big = _DRAW * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=colour)
    s = big / 100
    draw.polygon([(12 * s, 74 * s), (38 * s, 34 * s), (52 * s, 54 * s), (64 * s, 40 * s),
                  (88 * s, 74 * s)], fill="white")  # fmt: skip
    draw.polygon([(38 * s, 34 * s), (45 * s, 45 * s), (38 * s, 41 * s), (31 * s, 45 * s)],
                 fill=colour)  # fmt: skip
    draw.rectangle((58 * s, 50 * s, 62 * s, 74 * s), fill="#cfe8f3")
    draw.rectangle((12 * s, 74 * s, 88 * s, 80 * s), fill="white")
    return image.resize((_DRAW, _DRAW), Image.Resampling.LANCZOS)


@lru_cache(maxsize=8)
def default_icon(colour: str, what: str) -> bytes:
    """Return one default icon file (``icon192.png``, ``favicon.ico``…) in a colour."""
    mark = _mark(colour)
    buffer = io.BytesIO()
    if what == "favicon.ico":
        mark.resize((48, 48), Image.Resampling.LANCZOS).save(
            buffer, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)]
        )
        return buffer.getvalue()
    size, margin, background = ICONS[what.removesuffix(".png")]
    margin = max(0.0, margin - 0.06) if background is None else margin
    square_icon(mark, size, margin, background).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def icon_url(what: str, settings: BrandingSettings) -> str:
    """Return the address of one icon: the logo's, or the default mark's."""
    if settings.logo_key:
        return logo_url(what, settings)
    return url_for("identity.icon", digest=colour_digest(settings.color_primary), what=what)


def manifest(settings: BrandingSettings, lang: str) -> dict:
    """Return the web manifest in a language: the site installs like an app."""
    icons = [
        {"src": icon_url("icon192.png", settings), "sizes": "192x192", "type": "image/png"},
        {"src": icon_url("icon512.png", settings), "sizes": "512x512", "type": "image/png"},
        {"src": icon_url("maskable512.png", settings), "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
    ]  # fmt: skip
    name = str(tr(settings.site_name)) or settings.regency_name
    return {
        "name": name,
        "short_name": name[:24],
        "description": str(tr(settings.tagline)),
        "lang": lang,
        "dir": "ltr",
        "id": url_for("site.home", lang=lang),
        "start_url": url_for("site.home", lang=lang),
        "scope": "/",
        "display": "standalone",
        "background_color": PAPER,
        "theme_color": settings.color_primary,
        "icons": icons,
    }
