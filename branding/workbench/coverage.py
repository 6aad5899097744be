"""How much of the interface each language has: the committed catalog plus approved rows."""

from __future__ import annotations

from dataclasses import dataclass

from branding.core.i18n import LANGUAGES
from branding.workbench import content_queue, services
from branding.workbench.strings import TARGET_LANGUAGES, all_strings, committed


@dataclass(frozen=True)
class Coverage:
    """One language's interface coverage."""

    lang: str
    translated: int
    total: int
    waiting: int  # suggestions not yet reviewed

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def translated_keys(lang: str) -> set[str]:
    """Return the keys of the strings a language has (committed or approved)."""
    have = committed(lang)
    keys = {s.key for s in all_strings() if (s.context, s.msgid) in have}
    if lang in TARGET_LANGUAGES:
        keys |= set(services.live(lang))
    return keys & {s.key for s in all_strings()}


def interface_coverage(lang: str) -> Coverage:
    """Count a language's translated interface strings."""
    waiting = len(services.waiting(lang)) if lang in TARGET_LANGUAGES else 0
    return Coverage(lang, len(translated_keys(lang)), len(all_strings()), waiting)


def all_coverage() -> list[Coverage]:
    """Return the interface coverage of every language."""
    return [interface_coverage(code) for code in LANGUAGES]


@dataclass(frozen=True)
class ContentCoverage:
    """How many items of the content queue (listings: those online) have every text."""

    lang: str
    complete: int
    total: int


def content_coverage(lang: str) -> ContentCoverage:
    """Count the items whose texts all exist in a language."""
    total = content_queue.item_count()
    return ContentCoverage(lang, total - len(content_queue.queue(lang)), total)
