"""The tourism office's review of businesses, products and owners' photos."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the moderation queue and review pages."""
    from branding.moderation.views import bp

    app.register_blueprint(bp)
