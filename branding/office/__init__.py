"""The tourism office's back office: the start page, audit log, translations, administration.

Each feature's own back-office pages live with the feature (``destinations.office_views``,
``events.office_views``, ``areas.office_views``); moderation has its own package.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the back office's start page, audit log, translations and admin pages."""
    from branding.office import admin_views, brand_views, history_views, views  # noqa: F401

    app.register_blueprint(views.bp)
    app.register_blueprint(admin_views.bp)
    app.register_blueprint(history_views.bp)
