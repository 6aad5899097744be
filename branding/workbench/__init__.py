"""The translation workbench: translators and reviewers translate the interface into Pakpak.

Approved translations are rows in the database that override the compiled catalog
(``overrides``), on every server from the next request; ``pofiles`` exchanges them with
standard .po files.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the workbench's pages and its overrides of the interface catalogs."""
    from branding.workbench import content_views, glossary_views, history, views  # noqa: F401
    from branding.workbench.overrides import WorkbenchOverrides

    app.register_blueprint(views.bp)
    app.extensions["catalog_overrides"] = WorkbenchOverrides()
