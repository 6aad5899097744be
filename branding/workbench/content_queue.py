"""Content that lacks a language's texts, most visited first, and saving those texts.

The queue holds destinations, events, areas, and the businesses and products visitors see
(approved, not deleted; a product's business approved too). A save goes through the write path
the item's other editors use, so it writes a revision and an audit entry like any edit:

- destinations, events and areas: the feature's ``save_*``; a translator's save of a published
  item (an area is always shown), and any save while a draft waits, is a draft for the office;
- businesses and products: ``businesses.editing.save_translation``, the path of an owner's
  change to an approved listing: a change waiting for the office's review, with the business's
  change set; the listing stays online as approved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import contains_eager

from branding.accounts.models import Role, User
from branding.areas.editing import save_area
from branding.areas.models import Area
from branding.businesses import editing as business_editing
from branding.businesses.models import Business, Product
from branding.core.content.columns import MultilingualText, TranslatedText
from branding.core.i18n import current_language
from branding.destinations.editing import save_destination
from branding.destinations.models import Destination
from branding.editorial import editing, revisions
from branding.events.editing import save_event
from branding.events.models import Event
from branding.extensions import db
from branding.insight.models import VIEW, DailyCount

KINDS: dict[str, type[Any]] = {
    "destination": Destination, "event": Event, "area": Area, "business": Business,
    "product": Product,
}  # fmt: skip
SAVERS: dict[str, Callable[..., Any]] = {
    "destination": save_destination, "event": save_event, "area": save_area,
}  # fmt: skip
LISTINGS = ("business", "product")  # reviewed by the office (moderation)
MAX_TEXT = 20_000  # characters in one field


def listed(kind: str) -> Select:
    """Return the query of a kind's items the queue offers (listings: only those online)."""
    model = KINDS[kind]
    query = select(model)
    if kind == "business":
        query = query.where(Business.is_public)
    elif kind == "product":
        query = query.join(Product.business).where(Product.is_public, Business.is_public)
        query = query.options(contains_eager(Product.business))
    return query.order_by(model.id)


def title(kind: str, item: Any) -> str:
    """Return the name an item is known by, in the user's language (a business has one)."""
    name = item.title if kind == "event" else item.name
    return (
        name if isinstance(name, str) else str(MultilingualText(name).resolve(current_language()))
    )


@dataclass(frozen=True)
class QueueEntry:
    """One item with the fields that lack a language, and how often it was visited."""

    kind: str
    item: Any
    missing: tuple[str, ...]
    views: int


def text_fields(kind: str) -> list[str]:
    """Return the names of a kind's per-language text columns, in table order."""
    columns = KINDS[kind].__table__.columns
    return [c.key for c in columns if isinstance(c.type, TranslatedText)]


def missing_fields(kind: str, item: Any, lang: str) -> tuple[str, ...]:
    """Return the fields that have a text in some language but not in this one."""
    return tuple(
        name
        for name in text_fields(kind)
        if getattr(item, name) and not getattr(item, name).get(lang)
    )


def _views(kind: str) -> dict[int, int]:
    query = (
        select(DailyCount.subject_id, func.sum(DailyCount.count))
        .where(DailyCount.subject_type == kind, DailyCount.action == VIEW)
        .group_by(DailyCount.subject_id)
    )
    return {subject: int(n) for subject, n in db.session.execute(query)}


def queue(lang: str) -> list[QueueEntry]:
    """Return the items lacking texts in a language, the most visited first."""
    found = []
    for kind in KINDS:
        views = _views(kind)
        for item in db.session.scalars(listed(kind)):
            missing = missing_fields(kind, item, lang)
            if missing:
                found.append(QueueEntry(kind, item, missing, views.get(item.id, 0)))
    found.sort(key=lambda entry: -entry.views)
    return found


def item_count() -> int:
    """Return how many items the queue covers (listings: those online)."""
    return sum(
        db.session.scalar(select(func.count()).select_from(listed(kind).subquery())) or 0
        for kind in KINDS
    )


def get_item(kind: str, item_id: int) -> Any | None:
    """Return an item the queue offers by id, or None."""
    model = KINDS[kind]
    return db.session.scalar(listed(kind).where(model.id == item_id))


def shown_texts(kind: str, item: Any) -> dict[str, MultilingualText]:
    """Return the item's texts per field, a waiting draft's (or change's) where there is one."""
    if kind in LISTINGS:
        data = business_editing.waiting_texts(item)
        return {name: MultilingualText(data.get(name) or {}) for name in text_fields(kind)}
    waiting = revisions.waiting(item)
    data = waiting.data if waiting is not None and editing.is_live(item) else {}
    return {
        name: MultilingualText(data.get(name) or getattr(item, name) or {})
        for name in text_fields(kind)
    }


class TooLong(ValueError):
    """A text longer than MAX_TEXT."""


def save_texts(actor: User, kind: str, item: Any, lang: str, texts: dict[str, str]) -> Any:
    """Save one language's texts of an item as a revision (a draft for translators)."""
    if any(len(text) > MAX_TEXT for text in texts.values()):
        raise TooLong
    shown = shown_texts(kind, item)
    if kind in LISTINGS:
        business_editing.save_translation(
            actor, item, {name: _with(shown[name], lang, text) for name, text in texts.items()}
        )
        return item
    waiting = revisions.waiting(item)
    # a published item's change is a draft on top of the waiting one (editing._save_draft)
    base = waiting.data if waiting is not None and editing.is_live(item) else {}
    values = {
        name: base[name] if name in base else getattr(item, name)
        for name in revisions.spec_of(item).fields
    }
    for name, text in texts.items():
        values[name] = _with(shown[name], lang, text)
    as_draft = actor.role == Role.TRANSLATOR or waiting is not None
    return SAVERS[kind](actor, item, values, slug=item.slug, as_draft=as_draft)


def _with(texts: MultilingualText, lang: str, text: str) -> dict:
    """Return a field's texts with one language's set (or removed when blank)."""
    value = dict(texts)
    if text.strip():
        value[lang] = text
    else:
        value.pop(lang, None)
    return value
