"""Serve stored photo files: right type, nosniff, cached for a year (names never change).

Files of photos visitors may not see yet are served only to staff and their owner, never
cached (``media.access``).
"""

from __future__ import annotations

from flask import Blueprint, abort
from flask_login import current_user

from branding.media import access
from branding.media.storage import storage, valid_name

bp = Blueprint("media", __name__, url_prefix="/media")


@bp.get("/<path:name>")
def file(name: str):
    """Send one rendition of a photo."""
    if not valid_name(name):
        abort(404)
    photo = access.photo_for_file(name)
    if photo is None:
        if access.is_feature_file(name):  # the logo's files
            return storage().response(name)
        abort(404)  # a file nothing names (an orphan, a deleted photo's): not served
    if access.is_public(photo):
        return storage().response(name)
    if not access.may_see(photo, current_user):
        abort(404)
    response = storage().response(name, public=False)
    response.cache_control.public = False
    response.cache_control.immutable = False
    response.cache_control.max_age = None
    response.cache_control.private = True
    response.cache_control.no_store = True
    return response
