"""The tourism smart-branding platform of Kabupaten Pakpak Bharat."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from werkzeug.middleware.proxy_fix import ProxyFix

from branding import discovery, i18n, mail, media, search, template_helpers
from branding.accounts import access, throttle
from branding.accounts import services as accounts_services
from branding.extensions import babel, csrf, db, migrate


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure an instance of the platform."""
    app = Flask(__name__, instance_relative_config=True)
    configure(app, test_config)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    template_helpers.init_app(app)
    discovery.init_app(app)
    search.init_app(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    """Load settings from the environment, then any test overrides."""
    from config import load_config

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(load_config(instance, Path(app.root_path)))
    if test_config:
        app.config.from_mapping(test_config)
    Path(app.config["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)


def register_extensions(app: Flask) -> None:
    """Bind the unbound extension objects to this application."""
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(app.root_path).parent / "migrations"), render_as_batch=True
    )
    babel.init_app(app, locale_selector=i18n.select_babel_locale)
    media.init_app(app)  # before CSRF: its check reads the form, under the upload limits
    csrf.init_app(app)
    i18n.init_app(app)
    access.init_app(app)
    accounts_services.init_app(app)
    throttle.init_app(app)
    mail.init_app(app)
    if app.config["PROXY_COUNT"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_COUNT"], x_proto=1)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """Turn on foreign keys, WAL and a busy timeout for every SQLite connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def register_blueprints(app: Flask) -> None:
    """Register one blueprint per feature."""
    from branding.accounts.views import bp as accounts_bp
    from branding.areas.views import bp as areas_bp
    from branding.businesses.views import bp as businesses_bp
    from branding.destinations.views import bp as destinations_bp
    from branding.events.views import bp as events_bp
    from branding.media.views import bp as media_bp
    from branding.office import blueprints as office_blueprints
    from branding.search.views import bp as search_bp
    from branding.site.views import bp as site_bp

    for bp in (site_bp, destinations_bp, events_bp, businesses_bp, areas_bp, accounts_bp):
        app.register_blueprint(bp)
    app.register_blueprint(search_bp)
    app.register_blueprint(media_bp)
    for bp in office_blueprints():
        app.register_blueprint(bp)
    for bp in discovery.blueprints():
        app.register_blueprint(bp)


def register_errorhandlers(app: Flask) -> None:
    """Render HTTP errors as pages in the visitor's language."""
    from branding.site.errors import render_http_error

    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, render_http_error)


def register_commands(app: Flask) -> None:
    """Add the platform's command-line tasks to ``flask``."""
    from branding.commands import register

    register(app)
