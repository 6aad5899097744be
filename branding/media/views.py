"""Serve stored photo files: right type, nosniff, cached for a year (names never change)."""

from __future__ import annotations

from flask import Blueprint, abort

from branding.media.storage import storage, valid_name

bp = Blueprint("media", __name__, url_prefix="/media")


@bp.get("/<path:name>")
def file(name: str):
    """Send one rendition of a photo."""
    if not valid_name(name):
        abort(404)
    return storage().response(name)
