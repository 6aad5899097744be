"""Foundations every feature builds on: languages, content columns, forms, web helpers, mail.

Nothing in ``branding.core`` imports a feature (an import-linter contract checks it).
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Install language routing, the template filters every page uses, static files and
    compression, the mailer, the job queue and the page cache."""
    from branding.core import i18n, mail, pagecache, planner  # noqa: F401  (its schedule)
    from branding.core.jobs import runner
    from branding.core.web import assets, query_args, templating

    query_args.init_app(app)
    i18n.init_app(app)
    assets.init_app(app)
    templating.init_app(app)
    mail.init_app(app)
    runner.init_app(app)
    pagecache.init_app(app)
