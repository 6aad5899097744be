"""Mark interface text that fell back to another language's catalog with that language.

While a page in a language with a catalog fallback (Pakpak) is rendered, each fallback
string comes back from gettext between two private-use characters (``START``…``END``).
``finish`` then turns each pair in the page's text into ``<span lang="id">…</span>``, puts
``lang`` on an ``<option>`` that holds only a fallback, and removes the pair where a ``lang``
cannot be given to part of the text: inside a tag (attributes such as ``placeholder``,
``aria-label``, ``alt`` and meta ``content``), in ``<title>``, ``<script>``, ``<style>``,
``<textarea>`` and comments. Templates need no filter for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager

from flask import g, has_request_context

START, END = "\ue000", "\ue001"
FLAG = "mark_ui_fallbacks"
RENDERING = "marking_page"
# The characters as tojson and urlencode write them, which no element can mark.
_ENCODED = re.compile(r"\\u[eE]00[01]|%EE%80%8[01]", re.IGNORECASE)
_ENCODED_STARTS = ("\\ue00", "\\uE00", "%EE%80%8", "%ee%80%8")  # found faster than by _ENCODED
_RAW = re.compile(
    r"<!--.*?-->|<(script|style|title|textarea)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_OPTION = re.compile(
    f"<option\\b([^>]*)>(\\s*){START}([^{START}{END}<]*){END}(\\s*)</option>", re.IGNORECASE
)
_MARKER = re.compile(f"[{START}{END}]")


def marking() -> bool:
    """Whether fallback strings are being marked (a page of a fallback language renders)."""
    return has_request_context() and bool(g.get(FLAG))


def wrap(text: str) -> str:
    """Return a fallback string between the markers while a page is being marked."""
    return f"{START}{text}{END}" if marking() and text else text


@contextmanager
def marked() -> Iterator[None]:
    """Mark the fallback strings a view prepares for its page (the page's render finishes them)."""
    before = g.get(FLAG)
    setattr(g, FLAG, True)
    try:
        yield
    finally:
        setattr(g, FLAG, before)


def strip(text: str) -> str:
    """Remove the markers from a text (where no element can carry a ``lang``)."""
    return _ENCODED.sub("", text).replace(START, "").replace(END, "")


def _pairs(html: str) -> list[tuple[int, int]]:
    """Return the (start, end) positions of the markers that match, outermost first."""
    pairs, opened = [], []
    for found in _MARKER.finditer(html):
        if found[0] == START:
            opened.append(found.start())
        elif opened:  # an end without its start (a text cut short) is dropped
            pairs.append((opened.pop(), found.start()))
    return sorted(pairs)


def finish(html: str, lang: str) -> str:
    """Turn the markers of a rendered page into ``lang`` marking, or remove them."""
    if any(code in html for code in _ENCODED_STARTS):
        html = _ENCODED.sub("", html)
    if START not in html and END not in html:
        return html
    html = _OPTION.sub(lambda m: f'<option{m[1]} lang="{lang}">{m[2]}{m[3]}{m[4]}</option>', html)
    starts, ends = [], []
    for found in _RAW.finditer(html):
        starts.append(found.start())
        ends.append(found.end())

    def in_markup(pos: int) -> bool:
        if html.rfind("<", 0, pos) > html.rfind(">", 0, pos):  # inside a tag: an attribute
            return True
        at = bisect_right(starts, pos) - 1
        return at >= 0 and pos < ends[at]

    spans: dict[int, str] = {}
    outer_end = -1
    for begin, end in _pairs(html):
        if begin < outer_end or in_markup(begin) or in_markup(end):
            continue  # inside a marked text already, or where no element can go
        spans[begin], spans[end], outer_end = f'<span lang="{lang}">', "</span>", end
    return _MARKER.sub(lambda m: spans.get(m.start(), ""), html)
