"""Photos of destinations, events, businesses and products: uploads, renditions, storage."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Set up photo storage, file cleanup and the upload limits."""
    from branding.media import cleanup, storage, uploads

    storage.init_app(app)
    cleanup.init_app(app)
    uploads.init_app(app)
