"""Highlighting the searched words in titles and snippets, as plain text segments.

A highlight is a list of ``(text, matched)`` pairs that the template escapes
and wraps in ``<mark>``: content never becomes markup on its way to the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from branding.core.content.columns import Localized
from branding.search.analyzers import shared

SNIPPET_CHARS = 200

Segment = tuple[str, bool]


@dataclass(frozen=True)
class Highlighted:
    """A text cut into segments, with the language it is written in."""

    segments: list[Segment]
    lang: str
    is_fallback: bool = False

    def __bool__(self) -> bool:
        return bool(self.segments)


def matches(text: str, text_lang: str, stems: set[str]) -> list[tuple[int, int]]:
    """Return the character spans of the words in ``text`` that analyze to ``stems``."""
    if not stems:
        return []
    tokens = shared(text_lang)(text, chars=True)
    return [(t.startchar, t.endchar) for t in tokens if t.text in stems]


def cut(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Split ``text`` into segments, marking the spans."""
    segments: list[Segment] = []
    at = 0
    for start, end in spans:
        if start > at:
            segments.append((text[at:start], False))
        segments.append((text[start:end], True))
        at = end
    if at < len(text):
        segments.append((text[at:], False))
    return segments


def window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """Return the bounds of a passage of about ``width`` characters around the first match."""
    if len(text) <= width:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


def highlight(
    text: str | Localized, stems: dict[str, set[str]], lang: str, width: int = 0
) -> Highlighted:
    """Mark the searched words in a text; with ``width``, keep a passage around the first.

    A plain string (a business's name) is taken to be in ``lang``, the page's language.
    """
    lang = getattr(text, "lang", None) or lang
    fallback = bool(getattr(text, "is_fallback", False))
    text = " ".join(str(text).split())
    spans = matches(text, lang, stems.get(lang, set()))
    if width:
        start, end = window(text, spans, width)
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        segments = cut(text[start:end], inside)
        if start:
            segments.insert(0, ("… ", False))
        if end < len(text):
            segments.append((" …", False))
    else:
        segments = cut(text, spans)
    return Highlighted(segments, lang, fallback)
