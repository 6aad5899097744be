"""The regency's identity in every template: its settings, and links that name it."""

from __future__ import annotations

from branding.core.web import contact
from branding.core.web.templating import tr
from branding.identity.services import site_settings


def inject_site() -> dict:
    """Give every template the branding settings as ``site``."""
    return {"site": site_settings()}


def whatsapp_link(raw: str | None, about: str | None = None) -> str | None:
    """Return a click-to-chat link with a greeting about ``about``, for mobile numbers only."""
    if contact.whatsapp_number(raw) is None:
        return None
    return contact.whatsapp_url(raw, contact.greeting(about, tr(site_settings().site_name)))
