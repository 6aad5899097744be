"""The back office's lists of destinations and events: a page at a time, found by words of
their name or title (in any language) and by status.

At a national scale a list is thousands of rows (2,000 destinations, 20,000 events): the
whole list was one page of 490 KB that took a third of a second to make.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, String, cast
from sqlalchemy.orm import InstrumentedAttribute

from branding.core.content.publishing import PublicationStatus
from branding.extensions import db

PER_PAGE = 50
MAX_WORDS = 100  # characters of the words looked for


@dataclass(frozen=True)
class OfficeFilter:
    """What an editor looks for in a list: words of the name, a status."""

    words: str = ""
    status: PublicationStatus | None = None


def _escaped(words: str) -> str:
    return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def office_page(
    query: Select,
    name: InstrumentedAttribute,
    status: InstrumentedAttribute,
    wanted: OfficeFilter,
    page: int,
) -> Pagination:
    """Return a page of a back-office list: items whose name (any language) holds the words,
    with the status asked for."""
    if wanted.status is not None:
        query = query.where(status == wanted.status)
    if wanted.words:  # the texts are JSON: every language's text is in the one column
        query = query.where(cast(name, String).ilike(f"%{_escaped(wanted.words)}%", escape="\\"))
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)
