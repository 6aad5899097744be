"""Add, describe, order and remove an item's photos; each service commits once.

Every upload of a batch is checked from its header and structure before anything is written:
one refused file stores nothing. The request stores each original as it came and answers at
once; a job makes the renditions (``media.processing``), and until then the photo shows as
processing to the office and its owner, and not at all to visitors. Files are written before
the rows are committed and removed again if the commit fails; the files of deleted photos are
removed only once the deletion is committed (``cleanup``), so a crash can leave an orphan file
but never a photo without its files.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any, BinaryIO

from flask import current_app
from flask_babel import lazy_gettext as _l

from branding.accounts import audit
from branding.accounts.models import User
from branding.core import jobs
from branding.core.content.columns import MultilingualText
from branding.extensions import db
from branding.media import cleanup
from branding.media.decoding import PhotoLimits, PhotoRejected, check_photo, read_limited
from branding.media.models import PROCESSING, Photo, original_name
from branding.media.renditions import WIDTHS, height_for
from branding.media.storage import storage
from branding.media.uploads import check_file_name


@dataclass(frozen=True)
class Upload:
    filename: str
    stream: BinaryIO


@dataclass(frozen=True)
class Refusal:
    filename: str
    message: Any  # a lazy string in the user's language


class UploadRefused(ValueError):
    """One or more files of a batch were refused; nothing was stored."""

    def __init__(self, refusals: list[Refusal]) -> None:
        super().__init__("; ".join(f"{r.filename}: {r.message}" for r in refusals))
        self.refusals = refusals


@dataclass(frozen=True)
class Prepared:
    key: str
    width: int  # of the largest rendition to come
    height: int
    data: bytes  # the upload, as it came


def limits() -> PhotoLimits:
    """Return the configured size and pixel limits of one photo."""
    config = current_app.config
    return PhotoLimits(
        config["PHOTO_MAX_FILE_BYTES"],
        config["PHOTO_MAX_PIXELS"],
        WIDTHS[-1],
        config["PHOTO_MAX_PIXELS_WHOLE"],
    )


def prepare(upload: Upload) -> Prepared:
    """Read and check one upload without decoding its pixels, or raise PhotoRejected."""
    check_file_name(upload.filename)
    data = read_limited(upload.stream, limits())
    width, height = check_photo(data, limits())
    largest = min(width, WIDTHS[-1])
    return Prepared(secrets.token_hex(12), largest, height_for(width, height, largest), data)


def prepare_all(uploads: list[Upload]) -> list[Prepared]:
    """Prepare every upload of a batch, or raise UploadRefused listing each refused file."""
    prepared, refusals = [], []
    for upload in uploads:
        try:
            prepared.append(prepare(upload))
        except PhotoRejected as rejected:
            refusals.append(Refusal(upload.filename, rejected.message))
    if refusals:
        raise UploadRefused(refusals)
    return prepared


def _store(prepared: Prepared) -> None:
    name = original_name(prepared.key)
    cleanup.written(db.session(), name)
    storage().save(name, prepared.data)


def add_photos(
    actor: User | None,
    item: Any,
    uploads: list[Upload],
    texts: dict[str, dict[str, str]] | None = None,
    approved: bool = True,
    is_sample: bool = False,
) -> list[Photo]:
    """Add photos to the end of an item's gallery, with the same alt text and caption."""
    room = current_app.config["PHOTO_MAX_PER_ITEM"] - len(item.photos)
    if len(uploads) > room:
        raise UploadRefused([Refusal("", _too_many_for_item(room))])
    prepared = prepare_all(uploads)
    try:
        photos = _attach(actor, item, prepared, texts or {}, approved, is_sample)
        db.session.commit()
    except BaseException:
        db.session.rollback()  # also removes the files written so far (cleanup)
        raise
    for photo in photos:  # inline when jobs run immediately, else by the worker
        jobs.enqueue("media.renditions", photo.id)
    return photos


def _too_many_for_item(room: int):
    most = current_app.config["PHOTO_MAX_PER_ITEM"]
    if room <= 0:
        return _l(
            "This already has %(most)s photos, the most allowed. Delete one first.", most=most
        )
    return _l(
        "This may have %(most)s photos: there is room for %(room)s more.", most=most, room=room
    )


def _attach(
    actor: User | None,
    item: Any,
    prepared: list[Prepared],
    texts: dict,
    approved: bool,
    is_sample: bool,
) -> list[Photo]:
    photos = []
    position = max((p.position for p in item.photos), default=-1) + 1
    for offset, ready in enumerate(prepared):
        photo = Photo(
            storage_key=ready.key,
            width=ready.width,
            height=ready.height,
            widths=[],
            state=PROCESSING,
            alt=texts.get("alt", {}),
            caption=texts.get("caption", {}),
            position=position + offset,
            approved=approved,
            is_sample=is_sample,
            uploaded_by_id=actor.id if actor else None,
        )
        _store(ready)
        item.photos.append(photo)
        photos.append(photo)
    if actor is not None:
        audit.record(actor, "add photos", item, {"photos": [None, len(photos)]})
    return photos


def describe_photo(
    actor: User, photo: Photo, alt: dict, caption: dict, review: bool = False
) -> Photo:
    """Change a photo's alt text and caption; with ``review``, a change waits for approval."""
    before = {"alt": dict(photo.alt or {}), "caption": dict(photo.caption or {})}
    changes = audit.diff(before, {"alt": alt, "caption": caption})
    photo.alt, photo.caption = MultilingualText(alt), MultilingualText(caption)
    if review and changes:
        photo.approved = False
    audit.record(actor, "describe photo", photo, changes)
    db.session.commit()
    return photo


def _renumber(photos: list[Photo]) -> None:
    for position, photo in enumerate(photos):
        photo.position = position


def move_photo(actor: User, item: Any, photo: Photo, step: int) -> None:
    """Move a photo one place earlier or later in its item's gallery."""
    photos = list(item.photos)
    index = photos.index(photo)
    target = min(max(index + step, 0), len(photos) - 1)
    photos.insert(target, photos.pop(index))
    _renumber(photos)
    audit.record(actor, "move photo", photo, {"position": [index, target]})
    db.session.commit()


def make_cover(actor: User, item: Any, photo: Photo) -> None:
    """Put a photo first in its item's gallery, so that it becomes the cover."""
    photos = list(item.photos)
    index = photos.index(photo)
    photos.insert(0, photos.pop(index))
    _renumber(photos)
    audit.record(actor, "choose cover", photo, {"position": [index, 0]})
    db.session.commit()


def delete_photo(actor: User, item: Any, photo: Photo) -> None:
    """Delete a photo and, once that is committed, its files."""
    audit.record(actor, "delete photo", photo, {"photo": [photo.storage_key, None]})
    item.photos.remove(photo)
    db.session.flush()
    _renumber(list(item.photos))
    db.session.commit()


def approve_photo(actor: User, photo: Photo) -> Photo:
    """Show an owner's photo to visitors."""
    photo.approved = True
    audit.record(actor, "approve photo", photo)
    db.session.commit()
    return photo
