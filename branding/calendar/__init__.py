"""The events calendar: month view, agenda, dated occurrences and iCalendar export."""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Register the calendar pages and feeds and their template helpers."""
    from branding.calendar import exports, templating
    from branding.calendar.views import bp

    app.register_blueprint(bp)
    pagecache.public(app, "calendar")
    app.jinja_env.filters.update(month_year=templating.month_year, wib_month=templating.wib_month)
    app.jinja_env.globals.update(
        weekday_headers=templating.weekday_headers,
        calendar_links=exports.calendar_links,
        subscription_links=exports.subscription_links,
    )
