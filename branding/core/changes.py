"""One set of session and mapper hooks for everyone who notes content changes in their transaction.

A *watch* names the rows it cares about (``accepts``, given a mapped class) and what one
changed row means to it (``changes_of``). Mapper hooks on every mapper see each row a flush
actually inserts, updates or deletes, cascades and orphans included; an update counts only if
a column changed (``session.is_modified(…, include_collections=False)``). Once the flush is
done each watch's ``write(session, found)`` runs on the flush's own connection, so what it
writes commits or rolls back with the change. A bulk ORM ``UPDATE`` or ``DELETE`` (and, for a
watch that asks, a bulk ``INSERT``) of an accepted class gives the watch ``{("all", 0)}``.

The search outbox, the API's change log and the page cache's content version are watches;
the foundations import no feature, so each feature registers its own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, object_session

from branding.extensions import db

Change = Hashable
ALL: frozenset = frozenset({("all", 0)})  # what a bulk statement means: everything may have changed


@dataclass(frozen=True)
class Watch:
    """Who wants to hear of changed rows, and how they record them."""

    name: str  # the key in ``session.info`` for the changes a flush has seen
    accepts: Callable[[type], bool]
    changes_of: Callable[[object], set]
    write: Callable[[Session, set], None]
    bulk_inserts: bool = False


_watches: dict[str, Watch] = {}


def watch(new: Watch) -> None:
    """Register a watch (again by the same name replaces it) and install the hooks once."""
    _watches[new.name] = new
    _install()


def _note(target: object, updated: bool) -> None:
    session = object_session(target)
    if session is None:
        return
    if updated and not session.is_modified(target, include_collections=False):
        return  # only a collection changed: nothing a column holds
    for one in _watches.values():
        if one.accepts(type(target)):
            found = one.changes_of(target)
            if found:
                session.info.setdefault(one.name, set()).update(found)


def _inserted(mapper, connection, target) -> None:
    _note(target, updated=False)


def _updated(mapper, connection, target) -> None:
    _note(target, updated=True)


def _record_flush(session: Session, flush_context: object) -> None:
    """Give each watch the changes this flush wrote."""
    for one in _watches.values():
        found = session.info.pop(one.name, set())
        if found:
            one.write(session, found)


def _record_bulk(state: ORMExecuteState) -> None:
    """Tell each watch that a bulk statement changed rows it cares about."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    classes = [m.class_ for m in state.all_mappers]
    for one in _watches.values():
        if state.is_insert and not one.bulk_inserts:
            continue
        if any(one.accepts(cls) for cls in classes):
            one.write(state.session, set(ALL))


def _forget(session: Session) -> None:
    for name in _watches:
        session.info.pop(name, None)


SESSION_HOOKS: tuple[tuple[str, Callable[..., None]], ...] = (
    ("after_flush", _record_flush),
    ("do_orm_execute", _record_bulk),
    ("after_rollback", _forget),
)
MAPPER_HOOKS: tuple[tuple[str, Callable[..., None]], ...] = (
    ("after_insert", _inserted),
    ("after_update", _updated),
    ("after_delete", _inserted),
)


def _install() -> None:
    """Listen to the Flask-SQLAlchemy session and to every mapper, once per process."""
    for name, hook in SESSION_HOOKS:
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)
    for name, hook in MAPPER_HOOKS:
        if not event.contains(Mapper, name, hook):
            event.listen(Mapper, name, hook)
