"""The public site as a whole: the language choice at its root, the home page, area pages,
the main menu, and offline reading (the service worker and the saved-pages page)."""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Register the home page, the area pages, offline reading and the main menu."""
    from branding.site import area_pages, offline, templating, views

    app.register_blueprint(views.bp)
    app.register_blueprint(area_pages.bp)
    app.register_blueprint(offline.bp)
    pagecache.public(app, "site", "areas")
    app.add_template_global(templating.main_menu)
    app.add_template_global(templating.workspace_page)
