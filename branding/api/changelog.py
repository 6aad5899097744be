"""The log of every change the open data may show, written in the change's transaction.

A watch of ``branding.core.changes`` on the rows the search outbox notes
(``search.outbox.changes_of``: an item, or a photo for its old and new item), flushed into
``api_changes`` on the flush's own connection, so the log commits or rolls back with the
change. A bulk ORM ``UPDATE``/``DELETE`` of content writes one ``("all", 0)`` row: clients
resynchronise everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert
from sqlalchemy.orm import Session

from branding.api.models import ApiChange
from branding.core import changefeed, changes
from branding.core.content.publishing import utcnow
from branding.media.models import Photo
from branding.search.outbox import TRACKED, Change, changes_of

PENDING = "api_changes_pending"  # session.info: changes seen by this flush


def _tracked(cls: type) -> bool:
    return cls in TRACKED or cls is Photo


def write_rows(session: Session, found: Iterable[Change]) -> None:
    """Insert change rows on the session's connection, inside its transaction."""
    now = utcnow()
    rows = [{"item_type": k, "item_id": i, "created_at": now} for k, i in sorted(found)]
    if rows:
        connection = session.connection()
        changefeed.claim_xid(connection)  # before the ids: see changefeed
        connection.execute(insert(ApiChange), rows)


WATCH = changes.Watch(PENDING, _tracked, changes_of, write_rows)


def install() -> None:
    """Watch the content models (``core.changes``), once per process."""
    changes.watch(WATCH)
