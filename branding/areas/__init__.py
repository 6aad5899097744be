"""Areas: the regency's districts (kecamatan) and tourism areas (kawasan).

The public area pages list destinations and businesses, so they live above both, in
``branding.site.area_pages``; the back office's area pages are ``office_views``.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the back office's area pages and the names of area kinds."""
    from branding.areas.labels import KIND_LABELS
    from branding.areas.office_views import bp

    app.register_blueprint(bp)
    app.jinja_env.globals.update(AREA_KINDS=KIND_LABELS)
