"""Rebuilding the index from the database into a new generation, then swapping it in."""

from __future__ import annotations

import logging
import shutil
from collections import defaultdict

from whoosh.writing import SegmentWriter

from branding.core import changefeed
from branding.core.i18n import LANGUAGES
from branding.extensions import db
from branding.search import positions, storage
from branding.search.documents import category_labels, documents
from branding.search.models import OUTBOX
from branding.search.sources import KINDS, iter_visible

log = logging.getLogger(__name__)


def rebuild(timeout: float = 30.0) -> int:
    """Build a fresh index beside the current one from the database, then swap it in.

    The index's outbox position is taken *before* the database is read: every
    row up to it is in what the rebuild reads, and later rows (or rows still in
    flight) are applied by the next drain, again if need be.
    """
    root = storage.index_root()
    name = positions.index_name(root)
    with storage.lock(root, storage.REBUILD_LOCK, timeout):
        with storage.current_write_lock(root, timeout):  # drains wait
            db.session.rollback()
            start = positions.position(name)
            caught_up = changefeed.advance(db.session.connection(), OUTBOX, start)
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
            positions.save(caught_up, name, rebuilt=True)
            db.session.commit()
        storage.remove_other_generations(root, keep=path)
    log.info("search index rebuilt with %d documents in %s", count, path)
    return count


def _add_everything(writer: SegmentWriter) -> int:
    """Add every public item's documents, one language after another.

    Each language's documents get neighbouring numbers, so a search reads one
    stretch of each posting list (see ``matching.language_spans``); the other
    languages' documents wait in memory meanwhile.
    """
    labels, later = category_labels(), defaultdict(list)
    first, *others = LANGUAGES
    count = 0
    for kind in KINDS:
        for item in iter_visible(kind):
            for doc in documents(kind, item, labels):
                if doc["lang"] == first:
                    writer.add_document(**doc)
                else:
                    later[doc["lang"]].append(doc)
                count += 1
    for lang in others:
        for doc in later.pop(lang, []):
            writer.add_document(**doc)
    return count


def ensure_index() -> bool:
    """Build the index if there is none or it cannot be read; return whether it was built."""
    try:
        storage.open_current(storage.index_root())
        return False
    except (storage.IndexMissing, storage.IndexDamaged):
        rebuild()
        return True
