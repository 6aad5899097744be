"""The regency's identity: its branding settings (name, tagline, colours, office contact)."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Give every template the branding settings and the links that name the regency."""
    from branding.identity import stylesheet, templating

    app.context_processor(templating.inject_site)
    app.jinja_env.globals.update(
        whatsapp_link=templating.whatsapp_link,
        brand_stylesheet_url=stylesheet.brand_stylesheet_url,
    )
    app.register_blueprint(stylesheet.bp)
