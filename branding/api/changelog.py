"""Mapper hooks that log every change the open data may show, in the change's transaction.

The same changes the search outbox notes (``search.outbox.changes_of``: an item, or a photo
for its old and new item), flushed into ``api_changes`` on the flush's own connection, so
the log commits or rolls back with the change. A bulk ORM ``UPDATE``/``DELETE`` of content
writes one ``("all", 0)`` row: clients resynchronise everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import event, insert
from sqlalchemy.orm import ORMExecuteState, Session, object_session

from branding.api.models import ApiChange
from branding.core import changefeed
from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.media.models import Photo
from branding.search.outbox import TRACKED, Change, changes_of

PENDING = "api_changes_pending"  # session.info: changes seen by this flush


def _seen(mapper, connection, target) -> None:
    session = object_session(target)
    if session is not None:
        session.info.setdefault(PENDING, set()).update(changes_of(target))


def _seen_update(mapper, connection, target) -> None:
    session = object_session(target)
    if session is not None and session.is_modified(target, include_collections=False):
        session.info.setdefault(PENDING, set()).update(changes_of(target))


def _record_flush(session: Session, flush_context: object) -> None:
    found = session.info.pop(PENDING, set())
    if found:
        write_rows(session, found)


def _record_bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    if any(m.class_ in TRACKED or m.class_ is Photo for m in state.all_mappers):
        write_rows(state.session, {("all", 0)})


def _forget(session: Session) -> None:
    session.info.pop(PENDING, None)


def write_rows(session: Session, found: Iterable[Change]) -> None:
    """Insert change rows on the session's connection, inside its transaction."""
    now = utcnow()
    rows = [{"item_type": k, "item_id": i, "created_at": now} for k, i in sorted(found)]
    if rows:
        connection = session.connection()
        changefeed.claim_xid(connection)  # before the ids: see changefeed
        connection.execute(insert(ApiChange), rows)


def install() -> None:
    """Listen to the session and the content models, once per process."""
    hooks: list[tuple[str, Callable[..., None]]] = [
        ("after_flush", _record_flush),
        ("do_orm_execute", _record_bulk),
        ("after_rollback", _forget),
    ]
    for name, hook in hooks:
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)
    mapper_hooks = (
        ("after_insert", _seen),
        ("after_update", _seen_update),
        ("after_delete", _seen),
    )
    for model in (*TRACKED, Photo):
        for name, hook in mapper_hooks:
            if not event.contains(model, name, hook):
                event.listen(model, name, hook)
