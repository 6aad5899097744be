"""The regency's identity: its branding settings (name, tagline, colours, logo, hero photographs,
office contact), the theme stylesheet, the icons and the web manifest made from them."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Give every template the branding settings, and serve the brand's files."""
    from branding.identity import logo, templating
    from branding.identity.models import BrandingSettings
    from branding.identity.views import bp
    from branding.media.access import register_item_kind
    from branding.media.cleanup import add_known_names

    app.register_blueprint(bp)
    app.context_processor(templating.inject_site)
    app.jinja_env.globals.update(
        whatsapp_link=templating.whatsapp_link,
        theme_url=templating.theme_url,
        icon_url=templating.site_icon_url,
        logo=templating.header_logo,
    )
    add_known_names(app, logo.logo_file_names)
    register_item_kind("branding_id", BrandingSettings, public=lambda settings: True)  # heroes
