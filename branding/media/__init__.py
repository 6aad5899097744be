"""Photos of destinations, events, businesses and products: uploads, renditions, storage."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Set up photo storage, file cleanup, the upload limits and the file route."""
    from branding.media import cleanup, processing, storage, uploads  # noqa: F401  (jobs)
    from branding.media.views import bp

    storage.init_app(app)
    cleanup.init_app(app)
    uploads.init_app(app)  # before CSRF (registered later): its check reads the form
    app.register_blueprint(bp)
