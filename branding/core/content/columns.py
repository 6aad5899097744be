"""Portable column types: UTC timestamps and text kept in several languages."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.types import TypeDecorator

from branding.core.i18n import CONTENT_FALLBACK, LANGUAGES


class UTCDateTime(TypeDecorator):
    """Store aware datetimes as naive UTC; read them back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Localized(str):
    """A text resolved for a language, knowing whether it is a fallback."""

    lang: str
    is_fallback: bool

    def __new__(cls, text: str, lang: str, is_fallback: bool) -> Localized:
        obj = super().__new__(cls, text)
        obj.lang = lang
        obj.is_fallback = is_fallback
        return obj


class MultilingualText(dict):
    """A text per language code, e.g. ``{"id": "Air terjun", "en": "Waterfall"}``."""

    def resolve(self, lang: str) -> Localized:
        """Return the text for ``lang``, falling back btd → id → en."""
        for code in CONTENT_FALLBACK[lang]:
            text = self.get(code)
            if text:
                return Localized(text, code, code != lang)
        return Localized("", lang, False)

    def missing(self) -> list[str]:
        """Return the language codes that have no text."""
        return [code for code in LANGUAGES if not self.get(code)]


def clean_translations(value: dict | None) -> MultilingualText:
    """Keep known languages with non-blank text, trimmed, with plain newlines (no CR)."""
    value = value or {}
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language codes: {sorted(unknown)}")
    return MultilingualText(
        {
            code: text.replace("\r\n", "\n").strip()
            for code, text in value.items()
            if text and text.strip()
        }
    )


class TranslatedText(TypeDecorator):
    """A JSON object of texts by language code, read back as ``MultilingualText``."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: dict | None, dialect: Any) -> dict:
        return dict(clean_translations(value))

    def process_result_value(self, value: dict | None, dialect: Any) -> MultilingualText:
        return MultilingualText(value or {})
