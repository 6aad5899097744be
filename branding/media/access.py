"""Who may fetch a photo's files: anyone once visitors may see it, else staff and its owner.

A photo is public when it is approved and the item it belongs to is public (``is_public`` of
the destination, event, business or product). A waiting photo, or a photo of a draft, a
pending or a suspended listing, is served only to staff, to the business owner it belongs to
and to whoever uploaded it, with ``Cache-Control: private, no-store``; anyone else gets a 404,
as for a name that does not exist. Files a feature keeps outside photo rows and names with
``cleanup.add_known_names`` (the brand's logo and icons) are public. The features above media
tell it their models (media sits below them in the layers, so it never imports them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import select

from branding.accounts.models import Role
from branding.extensions import db
from branding.media.models import OWNER_COLUMNS, Photo


@dataclass(frozen=True)
class ItemKind:
    """How to find a photo's item, and the account that owns it (None: the office's)."""

    model: type
    owner_id: Callable[[object], int | None] = lambda item: None
    public: Callable[[Any], bool] = lambda item: bool(item.is_public)


_KINDS: dict[str, ItemKind] = {}


def register_item_kind(column: str, model: type, owner_id=None, public=None) -> None:
    """Tell media which model a photo's ``<column>`` points to (each feature, once).

    ``public`` says whether visitors see an item (by default its ``is_public``).
    """
    assert column in OWNER_COLUMNS, column
    kind = ItemKind(model, owner_id or (lambda item: None))
    _KINDS[column] = ItemKind(kind.model, kind.owner_id, public) if public else kind


def photo_for_file(name: str) -> Photo | None:
    """Return the photo a stored file name belongs to, if it is one of its renditions."""
    key = name.split("/")[-1].rsplit("-", 1)[0]
    photo = db.session.scalar(select(Photo).where(Photo.storage_key == key))
    return photo if photo is not None and name in photo.file_names() else None


def is_feature_file(name: str) -> bool:
    """Tell whether a feature names this file as its own (the logo's files): public."""
    sources = current_app.extensions.get("media_known_names", [])
    return any(name in source() for source in sources)


def _item(photo: Photo):
    for column in OWNER_COLUMNS:
        item_id = getattr(photo, column)
        if item_id is not None and column in _KINDS:
            return _KINDS[column], db.session.get(_KINDS[column].model, item_id)
    return None, None


def is_public(photo: Photo) -> bool:
    """Tell whether visitors may see a photo: approved, of an item visitors may see."""
    kind, item = _item(photo)
    return bool(photo.approved and kind is not None and item is not None and kind.public(item))


def may_see(photo: Photo, user) -> bool:
    """Tell whether a signed-in user may see a photo visitors may not: staff, owner, uploader."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.role in (Role.ADMIN, Role.EDITOR):
        return True
    if photo.uploaded_by_id is not None and photo.uploaded_by_id == user.id:
        return True
    kind, item = _item(photo)
    return kind is not None and item is not None and kind.owner_id(item) == user.id
