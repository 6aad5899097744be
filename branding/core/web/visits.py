"""What a visitor page is about, noted by its view for whoever counts visits.

A detail view calls ``note_subject`` with the item it shows; ``branding.insight`` reads it to
count the page view and to send the page's contact links through its counting redirect. The
note lives in ``g``, so it ends with the request and nothing else depends on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import g, has_request_context


@dataclass(frozen=True)
class PageSubject:
    """The item a visitor page shows, and the items shown on it (a business's products)."""

    kind: str  # destination, event or business
    item: Any  # a Destination, Event or Business
    day: date | None = None  # the date page of a repeating event
    shown: tuple[tuple[str, int], ...] = ()  # (kind, id) of further items the page lists


def note_subject(
    kind: str, item: Any, day: date | None = None, shown: Iterable[tuple[str, int]] = ()
) -> None:
    """Say which item this request's page is about."""
    g.page_subject = PageSubject(kind, item, day, tuple(shown))


def page_subject() -> PageSubject | None:
    """Return what this request's page is about, if its view said so."""
    return g.get("page_subject") if has_request_context() else None
