"""Which visitor-facing texts still lack a translation, per item and language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from branding.areas.models import Area
from branding.businesses.models import Business, Product
from branding.core.content.columns import TranslatedText
from branding.core.i18n import LANGUAGES
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import Model, db
from branding.identity.models import BrandingSettings

CONTENT_MODELS = (BrandingSettings, Area, Destination, Event, Business, Product)


@dataclass(frozen=True)
class Gap:
    """One item's fields that have no text in one language."""

    kind: str
    label: str
    lang: str
    fields: tuple[str, ...]


def translated_fields(model: type[Model]) -> list[str]:
    """Return the names of a model's per-language text columns."""
    return [c.key for c in model.__table__.columns if isinstance(c.type, TranslatedText)]


def _label(item) -> str:
    return getattr(item, "slug", None) or f"{type(item).__tablename__}#{item.id}"


def _gaps_of(item, fields: list[str], languages: list[str]) -> Iterator[Gap]:
    filled = [name for name in fields if getattr(item, name)]  # fields with text anywhere
    for lang in languages:
        missing = tuple(name for name in filled if not getattr(item, name).get(lang))
        if missing:
            yield Gap(type(item).__tablename__, _label(item), lang, missing)


def translation_gaps(lang: str | None = None) -> list[Gap]:
    """List, per item and language, the fields whose text exists elsewhere but not there."""
    languages = [lang] if lang else list(LANGUAGES)
    gaps: list[Gap] = []
    for model in CONTENT_MODELS:
        fields = translated_fields(model)
        for item in db.session.scalars(select(model).order_by(model.id)):
            gaps.extend(_gaps_of(item, fields, languages))
    return gaps
