"""Accounts: administrators, tourism office editors and business owners."""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Set up sessions, password hashing, login limits and the account pages."""
    from branding.accounts import access, services, throttle
    from branding.accounts.labels import ROLE_NAMES
    from branding.accounts.views import bp

    access.init_app(app)
    services.init_app(app)
    throttle.init_app(app)
    app.register_blueprint(bp)
    pagecache.unseen("users", "rate_events", "audit_log")
    app.jinja_env.globals.update(ROLE_NAMES=ROLE_NAMES)
