"""Destinations: the places the tourism office promotes.

``views`` are the visitor pages, ``services`` the queries behind them; ``editing`` is every
change (the one write path, used by the back office, the sample and the tests);
``office_views`` and ``office_form`` are the back office's pages for them.
"""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Register the visitor and back-office pages and the category and facility names."""
    from branding.destinations import office_views, views
    from branding.destinations.labels import CATEGORY_LABELS, FACILITY_LABELS
    from branding.destinations.models import Destination
    from branding.media.access import register_item_kind

    register_item_kind("destination_id", Destination)
    app.register_blueprint(views.bp)
    pagecache.public(app, "destinations")
    app.register_blueprint(office_views.bp)
    app.jinja_env.globals.update(DESTINATION_CATEGORIES=CATEGORY_LABELS, FACILITIES=FACILITY_LABELS)
