"""UMKM self-service: owners keep their business, products and photos at ``/<lang>/my/``."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the owners' pages."""
    from branding.owners.views import bp

    app.register_blueprint(bp)
