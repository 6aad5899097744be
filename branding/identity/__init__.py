"""The regency's identity: its branding settings (name, tagline, colours, office contact)."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Give every template the branding settings and the links that name the regency."""
    from branding.identity import templating

    app.context_processor(templating.inject_site)
    app.jinja_env.globals.update(whatsapp_link=templating.whatsapp_link)
