"""The API's routes. Each hands its request to ``answers``, imported on first use (the
schemas and pydantic stay out of web workers that serve no API request)."""

from __future__ import annotations

from flask import Blueprint

from branding.api import http

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.before_request(http.rate_limit)
bp.after_request(http.cacheable)

KINDS = "any(areas, destinations, events, businesses, products)"
WITH_SLUGS = "any(areas, destinations, events, businesses)"


@bp.get(f"/<{KINDS}:plural>")
def index(plural: str):
    """List public items of one kind, filtered, a page at a time (or what changed since)."""
    from branding.api import answers

    return answers.index(plural)


@bp.get(f"/<{KINDS}:plural>/<int:item_id>")
def by_id(plural: str, item_id: int):
    """Show one public item by its id."""
    from branding.api import answers

    return answers.by_id(plural, item_id)


@bp.get(f"/<{WITH_SLUGS}:plural>/slug/<slug>")
def by_slug(plural: str, slug: str):
    """Show one public item by its slug."""
    from branding.api import answers

    return answers.by_slug(plural, slug)


@bp.get("/changes")
def changes():
    """List what changed after a sync cursor: items as they are now, and tombstones."""
    from branding.api import answers

    return answers.changes()


@bp.get("/openapi.json")
def openapi_document():
    """Serve the OpenAPI 3.1 document of the API."""
    from branding.api import answers

    return answers.openapi_document()


@bp.get("/docs")
def docs():
    """Show the API's documentation, written from its OpenAPI document."""
    from branding.api import answers

    return answers.docs()
