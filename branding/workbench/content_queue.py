"""Content that lacks a language's texts, most visited first, and saving those texts.

A save goes through the feature's own ``save_*``, so it writes a revision and an audit entry
like any edit. A translator's save of a published item, and any save while a draft waits,
is kept as a draft for the office to publish.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from branding.accounts.models import Role, User
from branding.core.content.columns import MultilingualText, TranslatedText
from branding.destinations.editing import save_destination
from branding.destinations.models import Destination
from branding.editorial import editing, revisions
from branding.events.editing import save_event
from branding.events.models import Event
from branding.extensions import db
from branding.insight.models import VIEW, DailyCount

KINDS: dict[str, type[Any]] = {"destination": Destination, "event": Event}
SAVERS: dict[str, Callable[..., Any]] = {"destination": save_destination, "event": save_event}
MAX_TEXT = 20_000  # characters in one field


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
    for kind, model in KINDS.items():
        views = _views(kind)
        for item in db.session.scalars(select(model).order_by(model.id)):
            missing = missing_fields(kind, item, lang)
            if missing:
                found.append(QueueEntry(kind, item, missing, views.get(item.id, 0)))
    found.sort(key=lambda entry: -entry.views)
    return found


def item_count() -> int:
    """Return how many destinations and events there are."""
    return sum(db.session.scalar(select(func.count()).select_from(m)) or 0 for m in KINDS.values())


def get_item(kind: str, item_id: int) -> Any | None:
    """Return a destination or event by id, or None."""
    return db.session.get(KINDS[kind], item_id)


def shown_texts(kind: str, item: Any) -> dict[str, MultilingualText]:
    """Return the item's texts per field, a waiting draft's where there is one."""
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
    shown, waiting = shown_texts(kind, item), revisions.waiting(item)
    # a published item's change is a draft on top of the waiting one (editing._save_draft)
    base = waiting.data if waiting is not None and editing.is_live(item) else {}
    values = {
        name: base[name] if name in base else getattr(item, name)
        for name in revisions.spec_of(item).fields
    }
    for name, text in texts.items():
        value = dict(shown[name])
        if text.strip():
            value[lang] = text
        else:
            value.pop(lang, None)
        values[name] = value
    as_draft = actor.role == Role.TRANSLATOR or waiting is not None
    return SAVERS[kind](actor, item, values, slug=item.slug, as_draft=as_draft)
