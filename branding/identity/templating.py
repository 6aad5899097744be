"""The regency's identity in every template: its settings, theme, logo, icons, and links."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for

from branding.core.web import contact
from branding.core.web.templating import tr
from branding.identity import icons, logo, theme
from branding.identity.services import site_settings


def inject_site() -> dict:
    """Give every template the branding settings as ``site``."""
    return {"site": site_settings()}


def whatsapp_link(raw: str | None, about: str | None = None) -> str | None:
    """Return a click-to-chat link with a greeting about ``about``, for mobile numbers only."""
    if contact.whatsapp_number(raw) is None:
        return None
    return contact.whatsapp_url(raw, contact.greeting(about, tr(site_settings().site_name)))


def theme_url() -> str:
    """Return the address of the current theme stylesheet."""
    return url_for("identity.theme_css", name=theme.theme_digest())


def site_icon_url(what: str) -> str:
    """Return the address of an icon (``icon32.png``, ``icon180.png``…)."""
    return icons.icon_url(what, site_settings())


@dataclass(frozen=True)
class HeaderLogo:
    webp: str
    png: str
    width: int
    height: int


def header_logo() -> HeaderLogo | None:
    """Return the header logo's files and size, or None before one is uploaded."""
    settings = site_settings()
    if not settings.logo_key:
        return None
    webp, png = logo.header_names(settings.logo_width)
    return HeaderLogo(
        logo.logo_url(webp, settings),
        logo.logo_url(png, settings),
        settings.logo_width,
        settings.logo_height,
    )
