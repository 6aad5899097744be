"""What editing any visitor-facing item shares: save, publish, delete, with an audit trail."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from branding.accounts import audit
from branding.accounts.models import User
from branding.core.content.publishing import PublicationStatus, Publishable, utcnow
from branding.core.content.slugs import Slugged, SluggedModel, unique_slug
from branding.extensions import db

T = TypeVar("T", bound=Slugged)
P = TypeVar("P", bound=Publishable)


def derive_published(item: Any) -> None:
    """Stamp a published item with when it was first published (kept across unpublishing)."""
    if getattr(item, "status", None) == PublicationStatus.PUBLISHED:
        item.published_at = item.published_at or utcnow()


def save_item(
    actor: User,
    item: T | None,
    new: Callable[[], T],
    values: dict[str, Any],
    editable: Sequence[str],
    slug: str = "",
    derive: Callable[[T], None] | None = None,
) -> T:
    """Create (with ``new``) or update an item's editable fields, name it, log the change."""
    before = {name: getattr(item, name) for name in editable} if item is not None else {}
    if item is None:
        item = new()
        db.session.add(item)
    for name in editable:
        setattr(item, name, values[name])
    derive_published(item)
    if derive:
        derive(item)
    title = values.get("name") or values.get("title") or {}
    wanted = slug or item.slug or title.get("id") or title.get("en", "")
    model = cast(type[SluggedModel], type(item))  # a mapped class, as Slugged rows are
    item.slug = unique_slug(model, wanted, item.id)
    db.session.flush()
    after = {name: getattr(item, name) for name in editable}
    audit.record(actor, "update" if before else "create", item, audit.diff(before, after))
    db.session.commit()
    return item


def set_published(actor: User, item: P, published: bool) -> P:
    """Publish an item for visitors, or take it back to draft."""
    status = PublicationStatus.PUBLISHED if published else PublicationStatus.DRAFT
    if item.status != status:
        item.status = status
        derive_published(item)
        audit.record(actor, "publish" if published else "unpublish", item)
        db.session.commit()
    return item


def delete_item(actor: User, item: Any, title_field: str) -> None:
    """Delete an item (its photos go with it) and log what it was called."""
    audit.record(actor, "delete", item, {title_field: [getattr(item, title_field), None]})
    db.session.delete(item)
    db.session.commit()
