"""Which visitor-facing texts still lack a translation, per item and language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.areas.models import Area
from branding.businesses.models import Business, Product
from branding.core.content.columns import MultilingualText, TranslatedText
from branding.core.i18n import LANGUAGES, current_language
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import Model, db
from branding.identity.models import BrandingSettings

CONTENT_MODELS = (BrandingSettings, Area, Destination, Event, Business, Product)


@dataclass(frozen=True)
class Gap:
    """One item's fields that have no text in one language."""

    kind: str  # the item's table
    label: str  # its slug (the branding settings have none: ``branding_settings#1``)
    lang: str
    fields: tuple[str, ...]
    item_id: int = 0
    name: str = ""  # what people call it, in the user's language
    online: bool = True  # a business or product: approved (a product's business too)
    business_id: int | None = None  # a product's


def translated_fields(model: type[Model]) -> list[str]:
    """Return the names of a model's per-language text columns."""
    return [c.key for c in model.__table__.columns if isinstance(c.type, TranslatedText)]


def _label(item) -> str:
    return getattr(item, "slug", None) or f"{type(item).__tablename__}#{item.id}"


def _name(item) -> str:
    """Name an item as people do: its name or title, a product with its business."""
    if isinstance(item, BrandingSettings):
        return str(_l("The site's branding"))
    value = getattr(item, "title", None) or item.name
    name = value if isinstance(value, str) else MultilingualText(value).resolve(current_language())
    if isinstance(item, Product) and item.business is not None:
        return f"{name} · {item.business.name}"
    return str(name)


def _online(item) -> bool:
    if isinstance(item, Product):
        return bool(item.is_public and item.business and item.business.is_public)
    return bool(getattr(item, "is_public", True)) if isinstance(item, Business) else True


def _gaps_of(item, fields: list[str], languages: list[str]) -> Iterator[Gap]:
    filled = [name for name in fields if getattr(item, name)]  # fields with text anywhere
    for lang in languages:
        missing = tuple(name for name in filled if not getattr(item, name).get(lang))
        if missing:
            yield Gap(
                type(item).__tablename__, _label(item), lang, missing, item.id, _name(item),
                _online(item), getattr(item, "business_id", None),
            )  # fmt: skip


def translation_gaps(lang: str | None = None) -> list[Gap]:
    """List, per item and language, the fields whose text exists elsewhere but not there."""
    languages = [lang] if lang else list(LANGUAGES)
    gaps: list[Gap] = []
    for model in CONTENT_MODELS:
        fields = translated_fields(model)
        query = select(model).order_by(model.id)
        if model is Product:
            query = query.options(selectinload(Product.business))
        for item in db.session.scalars(query):
            gaps.extend(_gaps_of(item, fields, languages))
    return gaps
