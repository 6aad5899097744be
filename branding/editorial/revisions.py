"""Revisions of destinations, events, areas, businesses and products.

The content row is the live version: visitors' pages read it and nothing else, so a page
costs what it did before revisions. Every save also writes a ``Revision`` holding the full
JSON of the item's editable fields (every language of each text, opening hours, the photo
order). A newer draft of a published item, or an owner's change to an approved listing,
is a revision that waits (``draft`` or ``pending``) while the row stays as visitors know
it; publishing or approving applies it to the row (``live``). Reverting copies an older
revision into a new one.

Storage is bounded: each item keeps at most ``REVISIONS_PER_ITEM`` revisions (50 by
default); older ones are dropped at the next save, except the one applied last and any
still waiting. An item's revisions go when the item is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from flask import current_app
from sqlalchemy import Enum as SAEnum
from sqlalchemy import delete, select

from branding.accounts.models import User
from branding.core.content.columns import MultilingualText, TranslatedText, UTCDateTime
from branding.core.content.publishing import utcnow
from branding.editorial.models import Revision, RevisionKind, RevisionStatus
from branding.extensions import db

DRAFT, PENDING, LIVE = RevisionStatus.DRAFT, RevisionStatus.PENDING, RevisionStatus.LIVE
REJECTED, SUPERSEDED = RevisionStatus.REJECTED, RevisionStatus.SUPERSEDED
WAITING = (DRAFT, PENDING)
PHOTO_ORDER = "photo_order"
DEFAULT_KEPT = 50


@dataclass(frozen=True)
class Spec:
    """How one kind of item is kept in revisions."""

    model: type
    fields: tuple[str, ...]  # every editable field, in the order forms show them
    reviewed: tuple[str, ...] | None = None  # what approval applies (None: every field)
    derive: Callable[[Any], None] | None = None  # recompute derived fields after applying


SPECS: dict[str, Spec] = {}


def register(
    model: type[Any],
    fields: tuple[str, ...],
    reviewed: tuple[str, ...] | None = None,
    derive: Callable[[Any], None] | None = None,
) -> None:
    """Keep revisions of a model (each feature registers its own)."""
    SPECS[model.__tablename__] = Spec(model, tuple(fields), reviewed, derive)


def spec_of(item_or_type: Any) -> Spec:
    key = item_or_type if isinstance(item_or_type, str) else item_or_type.__tablename__
    return SPECS[key]


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def plain_values(values: dict[str, Any]) -> dict[str, Any]:
    """Return values as the JSON a revision keeps."""
    return {name: _plain(value) for name, value in values.items()}


def snapshot(item: Any) -> dict[str, Any]:
    """Return the item's editable fields and photo order as plain JSON."""
    spec = spec_of(item)
    data = {name: _plain(getattr(item, name)) for name in spec.fields}
    if hasattr(item, "photos"):
        data[PHOTO_ORDER] = [photo.id for photo in item.photos]
    return data


def _typed(model: type[Any], name: str, value: Any) -> Any:
    column = model.__table__.c.get(name)
    if column is None:
        return value
    if value is None:
        return MultilingualText() if isinstance(column.type, TranslatedText) else None
    kind = column.type
    if isinstance(kind, SAEnum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, TranslatedText):
        return MultilingualText(value)
    if isinstance(kind, UTCDateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def apply_data(item: Any, data: dict[str, Any], fields: tuple[str, ...] | None = None) -> None:
    """Set the item's fields (and photo order) from a revision's JSON; the caller commits."""
    spec = spec_of(item)
    for name in fields or spec.reviewed or spec.fields:
        if name in data:
            setattr(item, name, _typed(spec.model, name, data[name]))
    if PHOTO_ORDER in data and hasattr(item, "photos"):
        order = {photo_id: n for n, photo_id in enumerate(data[PHOTO_ORDER])}
        photos = sorted(item.photos, key=lambda p: (order.get(p.id, len(order)), p.position))
        for position, photo in enumerate(photos):
            photo.position = position
    if spec.derive:
        spec.derive(item)


def _for(item_type: str, item_id: int):
    return select(Revision).where(Revision.item_type == item_type, Revision.item_id == item_id)


def history(item: Any) -> list[Revision]:
    """Return every kept revision of an item, newest first."""
    query = _for(item.__tablename__, item.id).order_by(Revision.id.desc())
    return list(db.session.scalars(query))


def latest(item: Any, *statuses: RevisionStatus) -> Revision | None:
    """Return the item's newest revision (with one of these statuses)."""
    query = _for(item.__tablename__, item.id)
    if statuses:
        query = query.where(Revision.status.in_(statuses))
    return db.session.scalar(query.order_by(Revision.id.desc()).limit(1))


def get(item: Any, revision_id: int) -> Revision | None:
    """Return one revision of this item, or None."""
    revision = db.session.get(Revision, revision_id)
    if revision is None or (revision.item_type, revision.item_id) != (
        item.__tablename__,
        item.id,
    ):
        return None
    return revision


def record(
    item: Any,
    actor: User | None,
    kind: RevisionKind,
    status: RevisionStatus,
    data: dict[str, Any] | None = None,
    source: Revision | None = None,
) -> Revision:
    """Stage a revision of an item (its present fields unless ``data`` is given)."""
    db.session.flush()  # a new item needs its id
    now = utcnow()
    revision = Revision(
        item_type=item.__tablename__,
        item_id=item.id,
        kind=kind,
        status=status,
        data=data if data is not None else snapshot(item),
        created_by=actor,
        created_at=now,
        applied_at=now if status == LIVE else None,
        source_id=source.id if source is not None else None,
    )
    if status in WAITING:  # one waiting version per item: the newest
        supersede_waiting(item)
    db.session.add(revision)
    db.session.flush()
    _prune(item, revision)
    return revision


def ensure_baseline(item: Any, actor: User | None = None) -> Revision:
    """Return the item's newest revision, recording the row as a baseline if it has none."""
    return latest(item) or record(item, actor, RevisionKind.BASELINE, LIVE)


def supersede_waiting(item: Any, up_to: int | None = None) -> None:
    """Mark the item's waiting revisions (up to an id) as replaced."""
    query = _for(item.__tablename__, item.id).where(Revision.status.in_(WAITING))
    if up_to is not None:
        query = query.where(Revision.id <= up_to)
    for revision in db.session.scalars(query):
        revision.status = SUPERSEDED


def mark_live(revision: Revision, actor: User | None) -> None:
    """Note that a revision has been applied to its row."""
    now = utcnow()
    revision.status, revision.applied_at = LIVE, now
    if actor is not None or revision.decided_at is None:
        revision.decided_by, revision.decided_at = actor, now


def apply(item: Any, revision: Revision, actor: User | None) -> None:
    """Apply a waiting revision to the row and mark it live; older waiting ones are replaced."""
    apply_data(item, revision.data)
    supersede_waiting(item, up_to=revision.id - 1)
    mark_live(revision, actor)


def waiting(item: Any) -> Revision | None:
    """Return the item's newest waiting revision (a draft or a submission), or None."""
    return latest(item, *WAITING)


def live_data(item: Any) -> dict[str, Any]:
    """Return the row's fields as a revision would hold them."""
    return snapshot(item)


@contextmanager
def showing(item: Any, data: dict[str, Any]) -> Iterator[Any]:
    """Let a page show an item with a revision's content; nothing is written.

    The row is changed in memory only (no autoflush), then the session is rolled back.
    """
    try:
        with db.session.no_autoflush:
            apply_data(item, data, spec_of(item).fields)
            yield item
    finally:
        db.session.rollback()


def forget(item: Any) -> None:
    """Stage the deletion of every revision of an item (it is being deleted)."""
    db.session.execute(
        delete(Revision).where(
            Revision.item_type == item.__tablename__, Revision.item_id == item.id
        )
    )


def _prune(item: Any, newest: Revision) -> None:
    """Keep at most REVISIONS_PER_ITEM revisions: drop the oldest decided ones."""
    kept = current_app.config.get("REVISIONS_PER_ITEM", DEFAULT_KEPT)
    ids = list(
        db.session.scalars(
            select(Revision.id)
            .where(Revision.item_type == newest.item_type, Revision.item_id == newest.item_id)
            .order_by(Revision.id.desc())
            .offset(kept)
        )
    )
    if not ids:
        return
    keep = {newest.id}
    current = latest(item, LIVE)
    if current is not None:
        keep.add(current.id)
    doomed = select(Revision).where(Revision.id.in_(ids), Revision.status.not_in(WAITING))
    for revision in db.session.scalars(doomed):
        if revision.id not in keep:
            db.session.delete(revision)
