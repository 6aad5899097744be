"""Turn a searchable item into its documents, one per language."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from flask import current_app, g

from branding.core.content.columns import MultilingualText
from branding.core.i18n import LANGUAGES
from branding.search.schema import COMPLETE, text_field

# An open-ended repeating event runs "forever" as far as date filters can tell.
OPEN_END = datetime(2999, 12, 31, tzinfo=UTC)

DATES = ("starts", "ends")  # seconds since 1970; the other facets are terms
Text = MultilingualText | str
Labels = dict[str, dict[tuple[str, str], str]]


@dataclass
class Parts:
    """What an item contributes to its documents, before choosing a language."""

    name: Text
    body: list[Text]
    category: str
    facets: dict[str, Any] = field(default_factory=dict)


def category_labels() -> Labels:
    """Return each category's label in each language, as visitors read them."""
    from branding.businesses.labels import CATEGORY_LABELS as BUSINESS
    from branding.destinations.labels import CATEGORY_LABELS as DESTINATION
    from branding.events.labels import CATEGORY_LABELS as EVENT

    tables: dict[str, Mapping[Any, object]] = {
        "destination": DESTINATION,
        "event": EVENT,
        "business": BUSINESS,
        "product": BUSINESS,
    }
    labels: Labels = {}
    with current_app.test_request_context():
        previous = g.get("lang")
        for lang in LANGUAGES:
            g.lang = lang
            labels[lang] = {
                (kind, value.value): str(label)
                for kind, table in tables.items()
                for value, label in table.items()
            }
        g.lang = previous
    return labels


def _alts(item: Any) -> list[Text]:
    return [photo.alt for photo in item.gallery if not photo.is_sample]  # not illustrations


def _destination(d: Any) -> Parts:
    body = [d.summary, d.description, d.tips, d.how_to_get_there, d.address, d.area.name]
    return Parts(d.name, body + _alts(d), d.category.value, {"area": d.area_id})


def _event(e: Any) -> Parts:
    body = [e.summary, e.description, e.venue_name, e.venue_address, e.organiser]
    if e.area is not None:
        body.append(e.area.name)
    ends = (e.recurrence_until or OPEN_END) if e.recurrence_rule else e.ends_at
    facets = {"area": e.area_id, "starts": epoch(e.starts_at), "ends": epoch(ends)}
    return Parts(e.title, body + _alts(e), e.category.value, facets)


def _business(b: Any) -> Parts:
    body = [b.summary, b.description, b.address, b.area.name]
    return Parts(b.name, body + _alts(b), b.category.value, {"area": b.area_id})


def _product(p: Any) -> Parts:
    b = p.business
    body = [p.description, p.unit, b.name, b.area.name]
    facets = {"area": b.area_id, "business": b.id}
    return Parts(p.name, body + _alts(p), b.category.value, facets)


PARTS = {"destination": _destination, "event": _event, "business": _business, "product": _product}


def epoch(moment: datetime) -> int:
    """Return an aware time as whole seconds since 1970 (UTC), as the index keeps dates."""
    return int(moment.timestamp())


def _resolve(text: Text, lang: str) -> tuple[str, str]:
    """Return a text as a ``lang`` reader sees it, and the language it is written in."""
    if isinstance(text, str):
        return text, lang  # a proper name or address: the same in every language
    shown = MultilingualText(text or {}).resolve(lang)
    return str(shown), shown.lang


def documents(kind: str, item: Any, labels: Labels) -> list[dict[str, Any]]:
    """Return the item's document in each language, with its fallback texts."""
    parts = PARTS[kind](item)
    return [_document(kind, item.id, parts, lang, labels[lang]) for lang in LANGUAGES]


def _document(kind: str, item_id: int, parts: Parts, lang: str, labels: dict) -> dict:
    doc: dict[str, Any] = {
        "key": f"{kind}:{item_id}:{lang}",
        "item": f"{kind}:{item_id}",
        "lang": lang,
        "type": kind,
        "category": parts.category,
    }
    for name, value in parts.facets.items():
        if value is not None:
            doc[name] = value if name in DATES else str(value)
    name, name_lang = _resolve(parts.name, lang)
    doc[text_field("name", name_lang)] = name
    doc[COMPLETE] = name
    bodies: dict[str, list[str]] = defaultdict(list)
    bodies[lang].append(labels.get((kind, parts.category), ""))
    for text in parts.body:
        shown, shown_lang = _resolve(text, lang)
        if shown:
            bodies[shown_lang].append(shown)
    for text_lang, texts in bodies.items():
        doc[text_field("body", text_lang)] = "\n".join(t for t in texts if t)
    doc["fingerprint"] = fingerprint(doc)
    return doc


def fingerprint(doc: dict[str, Any]) -> str:
    """Return a short hash of a document's fields, to tell a stale one."""
    content = repr(sorted((k, v) for k, v in doc.items() if k != "fingerprint"))
    return hashlib.blake2b(content.encode(), digest_size=8).hexdigest()
