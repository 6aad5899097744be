"""Keep files and rows together: remove files of deleted photos and of failed uploads.

A service notes each file it writes (``written``). When the session commits, the files of
photo rows deleted in it are removed; when it rolls back, the files written for it are.
Whatever a crash leaves behind is found by ``orphans`` (``flask media orphans``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from flask import Flask, current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session, object_session, scoped_session

from branding.extensions import db
from branding.media.models import PROCESSING, Photo, original_name, rendition_names
from branding.media.storage import storage, valid_name

log = logging.getLogger(__name__)
WRITTEN, DOOMED = "media_written", "media_doomed"
GRACE_SECONDS = 3600  # a file younger than this may belong to an upload still committing


def written(session: Session | scoped_session, name: str) -> None:
    """Note a file written for rows not yet committed."""
    session.info.setdefault(WRITTEN, set()).add(name)


def doomed(session: Session | scoped_session, names: Iterable[str]) -> None:
    """Note files to remove once the session commits (a replaced logo's, say)."""
    session.info.setdefault(DOOMED, set()).update(names)


def add_known_names(app: Flask, source: Callable[[], Iterable[str]]) -> None:
    """Let a feature that keeps public files outside photo rows (the logo) name them.

    ``orphans`` keeps them, and ``/media/`` serves them to anyone.
    """
    app.extensions.setdefault("media_known_names", []).append(source)


def _after_delete(mapper, connection, photo: Photo) -> None:
    """Note the files of a photo row deleted by a flush (orphans of a gallery included)."""
    session = object_session(photo)
    if session is not None:
        session.info.setdefault(DOOMED, set()).update(photo.stored_names())


def _after_commit(session: Session) -> None:
    session.info.pop(WRITTEN, None)
    _remove(session.info.pop(DOOMED, set()))


def _after_rollback(session: Session) -> None:
    session.info.pop(DOOMED, None)
    _remove(session.info.pop(WRITTEN, set()))


def _remove(names: set[str]) -> None:
    for name in sorted(names):
        try:
            storage().delete(name)
        except OSError:  # never fail the request: the orphan sweep will find it
            log.exception("could not remove media file %s", name)


def init_app(app: Flask) -> None:
    """Listen to the application's sessions (once per process)."""
    if not event.contains(Photo, "after_delete", _after_delete):
        event.listen(Photo, "after_delete", _after_delete)
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_rollback", _after_rollback)


def known_names() -> set[str]:
    """Return the names of every file the photo rows refer to."""
    rows = db.session.execute(select(Photo.storage_key, Photo.widths, Photo.state))
    known: set[str] = set()
    for key, widths, state in rows:
        known.update(rendition_names(key, widths))
        if state == PROCESSING:
            known.add(original_name(key))
    for source in current_app.extensions.get("media_known_names", []):
        known.update(source())
    return known


def orphans(min_age: float = GRACE_SECONDS) -> Iterator[str]:
    """Yield stored files that no photo refers to and that are older than ``min_age``."""
    known = known_names()
    for name, age in storage().names():
        if name not in known and age >= min_age:
            yield name


def remove_orphans(names: list[str]) -> None:
    """Remove the given orphan files (stray temporary files included)."""
    for name in names:
        if valid_name(name):
            storage().delete(name)
        else:
            storage().remove_stray(name)
