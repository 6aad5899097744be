"""The public site as a whole: the language choice at its root, the home page, area pages."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the home page and the area pages."""
    from branding.site import area_pages, views

    app.register_blueprint(views.bp)
    app.register_blueprint(area_pages.bp)
