"""The map: destinations, businesses and events with coordinates, as a page and as GeoJSON."""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Register the map page and its GeoJSON."""
    from branding.maps.views import bp

    app.register_blueprint(bp)
    pagecache.public(app, "maps")
