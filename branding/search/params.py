"""Reading a search from the query string: junk is ignored, never an error."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum

from werkzeug.datastructures import MultiDict

from branding.areas.models import Area
from branding.areas.services import get_area
from branding.businesses.models import BusinessCategory
from branding.core.content.publishing import utcnow
from branding.core.i18n.formatting import WIB
from branding.core.web.query_args import parse_date
from branding.destinations.models import DestinationCategory
from branding.events.models import EventCategory
from branding.search.filters import Filters
from branding.search.query import clean_query, words_of
from branding.search.schema import TYPES

MAX_PAGE = 50  # deeper pages are never worth their cost
CATEGORIES: dict[str, type[StrEnum]] = {
    "destination": DestinationCategory,
    "event": EventCategory,
    "business": BusinessCategory,
    "product": BusinessCategory,  # a product is in its business's category
}


@dataclass
class SearchParams:
    """One visitor's search: the words, the filters and the page."""

    text: str
    lang: str
    kind: str | None = None
    category: str | None = None
    area: Area | None = None
    upcoming: bool = False
    date_from: date | None = None
    date_to: date | None = None
    page: int = 1
    per_page: int = 10
    words: list[str] = field(default_factory=list)

    def filters(self, now: datetime | None = None) -> Filters:
        """Return the filters for the index, times as naive UTC."""
        return Filters(
            kind=self.kind,
            category=self.category,
            area_id=self.area.id if self.area else None,
            upcoming=self.upcoming,
            ends_after=_utc(self.date_from, time.min) if self.date_from else None,
            starts_before=_utc(self.date_to, time.max) if self.date_to else None,
            now=(now or utcnow()).astimezone(UTC).replace(tzinfo=None),
        )

    @property
    def event_filters(self) -> bool:
        """Tell whether any event-only filter is set."""
        return self.kind == "event" and bool(self.upcoming or self.date_from or self.date_to)


def _utc(day: date, clock: time) -> datetime:
    """Return a WIB day's start or end as naive UTC."""
    return datetime.combine(day, clock, WIB).astimezone(UTC).replace(tzinfo=None)


def _date(value: str | None) -> date | None:
    return parse_date(value)  # the platform's one date rule (years 1900–2199)


def _page(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


def read_params(args: MultiDict, lang: str, per_page: int = 10) -> SearchParams:
    """Return the search the query string asks for; unknown values mean no filter."""
    text = clean_query(args.get("q"))
    kind = args.get("type") if args.get("type") in TYPES else None
    values = {c.value for c in CATEGORIES[kind]} if kind else set()
    category = args.get("category") if args.get("category") in values else None
    slug = args.get("area", "")
    date_from, date_to = _date(args.get("from")), _date(args.get("to"))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    is_event = kind == "event"
    return SearchParams(
        text=text,
        lang=lang,
        kind=kind,
        category=category,
        area=get_area(slug[:120]) if slug else None,
        upcoming=is_event and args.get("upcoming") == "1",
        date_from=date_from if is_event else None,
        date_to=date_to if is_event else None,
        page=_page(args.get("page")),
        per_page=per_page,
        words=words_of(text),
    )
