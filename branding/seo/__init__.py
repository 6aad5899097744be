"""What search engines and feed readers read: JSON-LD, sitemap, robots.txt and Atom feeds."""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Register the sitemap, robots.txt and feeds, and the JSON-LD template helpers."""
    from branding.seo import templating
    from branding.seo.views import bp

    app.register_blueprint(bp)
    pagecache.public(app, "seo")
    app.jinja_env.globals.update(
        destination_ld=templating.destination_ld,
        event_ld=templating.event_ld,
        business_ld=templating.business_ld,
    )
