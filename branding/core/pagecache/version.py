"""The content version, raised in the same transaction as any change a public page may show.

A watch of ``branding.core.changes`` accepts every mapped class but those a feature declared
unseen (``unseen``: users, logs, counters, the search outbox…), so a new table is visible by
default: forgetting to declare one costs hit rate, never correctness. A flush that wrote such
a row marks the session; just before the commit (after a last flush) one upsert raises
``page_versions.version``, so the row is locked only while the transaction commits and two
writers cannot deadlock on it. A rolled-back transaction raises nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection, event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from branding.core import changes
from branding.core.pagecache.models import PageVersion
from branding.extensions import db

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


def bump(connection: Connection) -> None:
    """Raise the version on a connection, inside its transaction (creating the row)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(PageVersion).values(id=ROW, version=1)
    statement = statement.on_conflict_do_update(
        index_elements=[PageVersion.id], set_={"version": PageVersion.version + 1}
    )
    connection.execute(statement)


def current() -> int:
    """Return the content version visible now (0 before any change)."""
    found = db.session.scalar(select(PageVersion.version).where(PageVersion.id == ROW))
    return found or 0


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
