"""The content version, raised in the same transaction as any change a public page may show.

A watch of ``branding.core.changes`` accepts every mapped class but those a feature declared
unseen (``unseen``: users, logs, counters, the search outbox…), so a new table is visible by
default: forgetting to declare one costs hit rate, never correctness. A flush that wrote such
a row marks the session; just before the commit (after a last flush) one upsert raises
``page_versions.version``, so the row is locked only while the transaction commits and two
writers cannot deadlock on it. A rolled-back transaction raises nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, g, has_app_context
from sqlalchemy import Connection, event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from branding.core import changes
from branding.core.pagecache.models import PageVersion
from branding.extensions import db

T = TypeVar("T")
DIRTY = "page_version_dirty"  # session.info: this transaction changed something visible
ROW = 1
_unseen: set[str] = {"page_versions", "mail_outbox", "job_failures"}


def unseen(*tables: str) -> None:
    """Declare tables no public page shows: writing them keeps cached pages."""
    _unseen.update(tables)


def _visible(cls: type) -> bool:
    table = getattr(cls, "__tablename__", None)
    return table is not None and table not in _unseen


def _mark(session: Session, found: set) -> None:
    session.info[DIRTY] = True


def _changed(obj: object) -> set:
    return {True}


def _before_commit(session: Session) -> None:
    """Flush what is pending, then raise the version if the transaction changed content."""
    session.flush()
    if session.info.pop(DIRTY, False):
        bump(session.connection())


def _forget(session: Session) -> None:
    session.info.pop(DIRTY, None)
    if has_app_context():
        g.pop(SEEN, None)  # a commit may have raised it: read it again


def bump(connection: Connection) -> None:
    """Raise the version on a connection, inside its transaction (creating the row)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(PageVersion).values(id=ROW, version=1)
    statement = statement.on_conflict_do_update(
        index_elements=[PageVersion.id], set_={"version": PageVersion.version + 1}
    )
    connection.execute(statement)


def raise_past(seen: int) -> None:
    """Set the version above both ``seen`` and the stored one, in the session's transaction.

    After a restore the stored version is the backup's, lower than what the servers have
    kept pages and values under: raised past both, nothing kept before the restore is used.
    """
    value = max(seen, current()) + 1
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(PageVersion).values(id=ROW, version=value)
    statement = statement.on_conflict_do_update(
        index_elements=[PageVersion.id], set_={"version": value}
    )
    db.session.execute(statement)


def current() -> int:
    """Return the content version visible now (0 before any change)."""
    found = db.session.scalar(select(PageVersion.version).where(PageVersion.id == ROW))
    return found or 0


MAX_KEPT = 32  # values kept by while_unchanged, per app
SEEN = "content_version_seen"  # g: the version this request read


def while_unchanged(name: str, make: Callable[[], T]) -> T:
    """Return ``make()``, worked out again only after the content version has changed.

    For what any visible change may alter and that costs more than the one-row read of the
    version: the version is read first, so a value made while a change commits is kept under
    the older version and made again on the next call.
    """
    if SEEN not in g:  # read once a request or command, until the next commit
        setattr(g, SEEN, current())
    version = (str(db.engine.url), g.get(SEEN))
    kept: dict[str, tuple[Any, Any]] = current_app.extensions.setdefault("while_unchanged", {})
    found = kept.get(name)
    if found is not None and found[0] == version:
        return found[1]
    value = make()
    if name not in kept and len(kept) >= MAX_KEPT:
        kept.pop(next(iter(kept)))
    kept[name] = (version, value)
    return value


WATCH = changes.Watch(DIRTY + "_seen", _visible, _changed, _mark, bulk_inserts=True)


def install() -> None:
    """Watch every visible model and raise the version before each commit, once per process."""
    changes.watch(WATCH)
    for name, hook in (
        ("before_commit", _before_commit),
        ("after_rollback", _forget),
        ("after_commit", _forget),
    ):
        if not event.contains(db.session, name, hook):
            event.listen(db.session, name, hook)
