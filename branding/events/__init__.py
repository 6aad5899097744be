"""Events: festivals, markets and ceremonies, one-off or repeating.

``views`` are the visitor pages, ``services`` the queries behind them; ``editing`` is every
change (the one write path); ``office_views`` and ``office_form`` are the back office's
pages; ``venue`` says where an event takes place.
"""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Register the visitor and back-office pages, category and status names, venues."""
    from branding.events import office_views, venue, views
    from branding.events.labels import CATEGORY_LABELS, STATUS_LABELS
    from branding.events.models import Event
    from branding.media.access import register_item_kind

    register_item_kind("event_id", Event)
    venue.init_app(app)
    app.register_blueprint(views.bp)
    pagecache.public(app, "events")
    app.register_blueprint(office_views.bp)
    app.jinja_env.globals.update(
        EVENT_CATEGORIES=CATEGORY_LABELS, EVENT_STATUSES=STATUS_LABELS, venue_of=venue.venue_of
    )
