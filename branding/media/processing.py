"""Make a photo's renditions from its uploaded original: a job, never a web request.

``media.renditions`` reads the original from the storage, decodes it fully (colour profile,
orientation, damaged data), writes each rendition, then marks the photo ready in one commit
and only then removes the original. It is idempotent: a photo already ready (or gone) is
left alone, and a run cut short by a killed worker leaves the photo processing with its
original, so the next run (or the sweep) starts again. A picture that cannot be decoded
marks the photo failed, with the reason its uploader reads; any other error is retried.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from branding.core import jobs
from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.media import cleanup
from branding.media.decoding import PhotoRejected, decode_photo
from branding.media.models import FAILED, PROCESSING, READY, Photo, original_name
from branding.media.renditions import each_rendition
from branding.media.storage import storage

log = logging.getLogger(__name__)
COULD_NOT = _l("The photo could not be processed. Please try another.")
STUCK_SECONDS = 120  # a photo processing this long lost its job: enqueue it again


def _fail(photo: Photo, rejected: PhotoRejected, written: list[str]) -> None:
    with force_locale("en"):
        photo.failure = str(rejected.message)[:500]
    photo.state = FAILED
    db.session.commit()
    for name in [*written, original_name(photo.storage_key)]:
        storage().delete(name)
    log.info("photo %s refused while processing: %s", photo.id, photo.failure)


@jobs.job("media.renditions", retries=5, delay=5, backoff=2.0)
def make_photo_renditions(photo_id: int) -> None:
    """Make the renditions of a photo still processing, then show it."""
    from branding.media.services import limits

    photo = db.session.get(Photo, photo_id)
    if photo is None or photo.state != PROCESSING:
        return  # deleted since, or done by an earlier run
    original = original_name(photo.storage_key)
    data = storage().read(original)
    written: list[str] = []
    widths: set[int] = set()
    largest = (0, 0)
    try:
        for rendition in each_rendition(decode_photo(data, limits())):
            name = photo.file_name(rendition.width, rendition.extension)
            storage().save(name, rendition.data)  # one at a time: little memory held
            written.append(name)
            widths.add(rendition.width)
            largest = max(largest, (rendition.width, rendition.height))
    except PhotoRejected as rejected:
        return _fail(photo, rejected, written)
    except ValueError:  # an encoder refused what the checks let through
        return _fail(photo, PhotoRejected(COULD_NOT), written)
    photo.widths = sorted(widths)
    (photo.width, photo.height), photo.state = largest, READY
    db.session.commit()
    storage().delete(original)  # after the commit: until then the photo still needs it


@jobs.every("photos still processing", minutes="*/2", at_start=True)
def sweep_processing() -> int:
    """Enqueue again the photos whose job was lost (a worker killed, a queue emptied)."""
    stuck = current_app.config.get("JOBS_STUCK_SECONDS", STUCK_SECONDS)
    cutoff = utcnow() - timedelta(seconds=float(stuck))
    query = select(Photo.id).where(Photo.state == PROCESSING, Photo.created_at < cutoff)
    ids = list(db.session.scalars(query))
    db.session.rollback()
    for photo_id in ids:
        jobs.enqueue("media.renditions", photo_id)
    return len(ids)


@jobs.every("orphan photo files removed", minutes="17", hours="3")
def remove_orphan_files() -> int:
    """Remove stored files no photo names any more (what crashes left), once a day."""
    names = list(cleanup.orphans())
    cleanup.remove_orphans(names)
    return len(names)
