"""The tourism smart-branding platform of Kabupaten Pakpak Bharat."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from branding import (
    accounts,
    api,
    areas,
    businesses,
    calendar,
    core,
    destinations,
    events,
    identity,
    insight,
    maps,
    media,
    moderation,
    office,
    ops,
    owners,
    search,
    seo,
    site,
    workbench,
)
from branding.core import migrating
from branding.core.i18n import select_babel_locale
from branding.extensions import babel, csrf, db

PACKAGE = Path(__file__).parent
# Lowest layer first: each feature registers its blueprints, template helpers and hooks.
FEATURES = (accounts, media, identity, areas, destinations, events, businesses)
DISCOVERY = (calendar, maps, seo, search, site)
INSIGHT = (insight, api)  # after the features whose link helpers it wraps
WORKBENCH = (workbench,)  # below the workspaces, above insight
WORKSPACES = (office, moderation, owners)
OPERATIONS = (ops,)  # request ids, logs, health: they read every layer below


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure an instance of the platform."""
    app = Flask(__name__, instance_relative_config=True)
    configure(app, test_config)
    register_extensions(app)
    register_features(app)
    register_security(app)
    register_errorhandlers(app)
    register_commands(app)
    register_page_cache(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    """Load settings from the environment, then any test overrides."""
    from branding.config import load_config

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(load_config(instance, PACKAGE))
    if test_config:
        app.config.from_mapping(test_config)
    Path(app.config["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)


def register_extensions(app: Flask) -> None:
    """Bind the unbound extension objects and the foundations to this application."""
    db.init_app(app)
    migrating.init_app(app)
    babel.init_app(app, locale_selector=select_babel_locale)
    core.init_app(app)
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=1)  # type: ignore[method-assign]
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


def register_features(app: Flask) -> None:
    """Let each feature, then each workspace, register its pages and template helpers."""
    for package in FEATURES + DISCOVERY + INSIGHT + WORKBENCH + WORKSPACES + OPERATIONS:
        package.init_app(app)


def register_security(app: Flask) -> None:
    """Guard every POST with a CSRF token (after media's upload limits, which run first), and
    give every response its security headers (``core.web.security``)."""
    from branding.core.web import security

    csrf.init_app(app)
    security.init_app(app)


def register_errorhandlers(app: Flask) -> None:
    """Render HTTP errors as pages in the visitor's language."""
    from branding.core.web.errors import check_host, render_http_error
    from branding.core.web.query_args import refuse_nul

    app.before_request_funcs.setdefault(None, []).insert(0, check_host)
    app.before_request(refuse_nul)  # after media's upload limits: it reads the form
    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, render_http_error)
    app.register_error_handler(HTTPException, render_http_error)  # 401, 410, 414, 431 …


def register_page_cache(app: Flask) -> None:
    """Answer anonymous visitors from the page cache once every other hook has run."""
    from branding.core import pagecache

    pagecache.install_hooks(app)


def register_commands(app: Flask) -> None:
    """Add the platform's command-line tasks to ``flask``."""
    from branding.commands import register

    register(app)
