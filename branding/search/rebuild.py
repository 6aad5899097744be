"""Rebuilding the index from the database into a new generation, then swapping it in."""

from __future__ import annotations

import logging
import shutil

from whoosh.writing import SegmentWriter

from branding.extensions import db
from branding.search import outbox, storage
from branding.search.documents import category_labels, documents
from branding.search.sources import KINDS, iter_visible

log = logging.getLogger(__name__)


def rebuild(timeout: float = 30.0) -> int:
    """Build a fresh index beside the current one from the database, then swap it in."""
    root = storage.index_root()
    with storage.lock(root, storage.REBUILD_LOCK, timeout):
        with storage.current_write_lock(root, timeout):  # drains wait; their rows stay
            seen = outbox.pending_ids()
            path, ix = storage.new_generation(root)
            writer = ix.writer(**storage.writer_options())
            try:
                count = _add_everything(writer)
                db.session.rollback()
                writer.commit()
            except BaseException:
                writer.cancel()
                shutil.rmtree(path, ignore_errors=True)
                raise
            storage.point_to(root, path)
        outbox.remove(seen)  # the new index already reflects them
        db.session.commit()
        storage.remove_other_generations(root, keep=path)
    log.info("search index rebuilt with %d documents in %s", count, path)
    return count


def _add_everything(writer: SegmentWriter) -> int:
    labels, count = category_labels(), 0
    for kind in KINDS:
        for item in iter_visible(kind):
            for doc in documents(kind, item, labels):
                writer.add_document(**doc)
                count += 1
    return count


def ensure_index() -> bool:
    """Build the index if there is none; return whether it was built."""
    if storage.current_generation(storage.index_root()) is not None:
        return False
    rebuild()
    return True
