"""What editing any visitor-facing item shares: save, publish, delete, with an audit trail.

Every save writes a revision (``editorial.revisions``). An item visitors cannot see is
changed at once. A published item is changed at once only with "save and publish"; a
plain save keeps its changes as a draft revision, and the row (what visitors read) stays
as it is until the draft is published, by hand or at its ``publish_at``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from branding.accounts import audit
from branding.accounts.models import User
from branding.core.content.publishing import PublicationStatus, Publishable, utcnow
from branding.core.content.slugs import Slugged, SluggedModel, unique_slug
from branding.editorial import revisions
from branding.editorial.models import Revision, RevisionKind, RevisionStatus
from branding.extensions import db

T = TypeVar("T", bound=Slugged)
P = TypeVar("P", bound=Publishable)
SCHEDULE = ("publish_at", "unpublish_at")


def derive_published(item: Any) -> None:
    """Stamp a published item with when it was first published (kept across unpublishing)."""
    if getattr(item, "status", None) == PublicationStatus.PUBLISHED:
        item.published_at = item.published_at or utcnow()


def is_live(item: Any) -> bool:
    """Whether visitors see the item's row now (areas are always shown)."""
    return getattr(item, "status", PublicationStatus.PUBLISHED) == PublicationStatus.PUBLISHED


def _schedule(item: Any, values: dict[str, Any]) -> dict[str, list]:
    """Set publish at / unpublish at from the form, returning what changed for the log."""
    if not hasattr(item, "publish_at"):
        return {}
    before = {name: getattr(item, name) for name in SCHEDULE}
    for name in SCHEDULE:
        if name in values:
            setattr(item, name, values[name])
    return audit.diff(before, {name: getattr(item, name) for name in SCHEDULE})


def save_item(
    actor: User,
    item: T | None,
    new: Callable[[], T],
    values: dict[str, Any],
    editable: Sequence[str],
    slug: str = "",
    derive: Callable[[T], None] | None = None,
    as_draft: bool = False,
) -> T:
    """Create (with ``new``) or update an item's editable fields, name it, log the change.

    With ``as_draft``, a published item keeps its row and the change waits as a draft.
    """
    if item is not None and as_draft and is_live(item):
        return _save_draft(actor, item, values, editable)
    before = {name: getattr(item, name) for name in editable} if item is not None else {}
    creating = item is None
    if item is None:
        item = new()
        db.session.add(item)
    for name in editable:
        setattr(item, name, values[name])
    scheduled = _schedule(item, values)
    derive_published(item)
    if derive:
        derive(item)
    title = values.get("name") or values.get("title") or {}
    wanted = slug or item.slug or title.get("id") or title.get("en", "")
    model = cast(type[SluggedModel], type(item))  # a mapped class, as Slugged rows are
    item.slug = unique_slug(model, wanted, item.id)
    db.session.flush()
    after = {name: getattr(item, name) for name in editable}
    kind = RevisionKind.CREATE if creating else RevisionKind.EDIT
    revisions.record(item, actor, kind, RevisionStatus.LIVE)
    changes = {**audit.diff(before, after), **scheduled}
    audit.record(actor, "create" if creating else "update", item, changes)
    db.session.commit()
    return item


def _save_draft(actor: User, item: Any, values: dict[str, Any], editable: Sequence[str]) -> Any:
    """Keep a change to a published item as a draft revision; the row stays as it is."""
    live = revisions.snapshot(item)
    base = revisions.waiting(item)
    data = {
        **(base.data if base else live),
        **revisions.plain_values({name: values[name] for name in editable}),
    }
    scheduled = _schedule(item, values)
    revision = revisions.record(item, actor, RevisionKind.EDIT, RevisionStatus.DRAFT, data)
    changes = {**audit.diff(live, {k: v for k, v in data.items() if k in editable}), **scheduled}
    audit.record(actor, "save draft", item, {**changes, "revision": [None, revision.id]})
    db.session.commit()
    return item


def publish_waiting(item: Any, actor: User | None) -> Revision | None:
    """Apply the item's newest draft revision to its row, if it has one (the caller commits)."""
    draft = revisions.latest(item, RevisionStatus.DRAFT)
    newest_live = revisions.latest(item, RevisionStatus.LIVE)
    if draft is None or (newest_live is not None and newest_live.id > draft.id):
        return None
    revisions.apply(item, draft, actor)
    return draft


def set_published(actor: User, item: P, published: bool) -> P:
    """Publish an item for visitors (with its newest draft), or take it back to draft."""
    status = PublicationStatus.PUBLISHED if published else PublicationStatus.DRAFT
    draft = publish_waiting(item, actor) if published else None
    if item.status != status or draft is not None:
        before = item.status.value
        item.status = status
        scheduled = cast(Any, item)  # every published kind is also Scheduled
        if published:
            scheduled.publish_at = None
        else:
            scheduled.unpublish_at = None
        derive_published(item)
        changes: dict[str, list[Any]] = {}
        if before != status.value:
            changes["status"] = [before, status.value]
        if draft is not None:
            changes["revision"] = [None, draft.id]
        audit.record(actor, "publish" if published else "unpublish", item, changes)
        db.session.commit()
    return item


def revert_to(actor: User, item: Any, source: Revision) -> Revision:
    """Make a new revision with an older one's content.

    An item visitors see gets it as a draft to publish; any other is changed at once.
    """
    data = {**source.data}
    if hasattr(item, "photos"):  # photos deleted since are gone; new ones keep their place
        present = {photo.id for photo in item.photos}
        data[revisions.PHOTO_ORDER] = [
            i for i in data.get(revisions.PHOTO_ORDER, []) if i in present
        ]
    before = revisions.snapshot(item)
    status = RevisionStatus.DRAFT if _reviewed_or_live(item) else RevisionStatus.LIVE
    revision = revisions.record(item, actor, RevisionKind.REVERT, status, data, source=source)
    if status == RevisionStatus.LIVE:
        revisions.apply_data(item, data)
    changes = audit.diff(before, data)
    audit.record(actor, "revert", item, {**changes, "revision": [source.id, revision.id]})
    db.session.commit()
    return revision


def _reviewed_or_live(item: Any) -> bool:
    return hasattr(item, "publish_at") and is_live(item)


def delete_item(actor: User, item: Any, title_field: str) -> None:
    """Delete an item (its photos and revisions go with it) and log what it was called."""
    audit.record(actor, "delete", item, {title_field: [getattr(item, title_field), None]})
    revisions.forget(item)
    db.session.delete(item)
    db.session.commit()
