"""The five resources the API serves: their kinds, schemas, query models and serialisers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from branding.api import params as p
from branding.api import schemas as s
from branding.api.serialise import Writer


@dataclass(frozen=True)
class Resource:
    kind: str  # the change log's and the search's name for it
    plural: str  # its URL segment
    item: type[s.Schema]
    page: type[s.Schema]
    query: type[p.Query]
    has_slug: bool
    write: Callable[[Writer, Any, datetime, datetime | None], s.Schema]


RESOURCES = {
    "areas": Resource(
        "area", "areas", s.Area, s.AreaPage, p.AreaQuery, True,
        lambda w, item, start, end: w.area(item),
    ),
    "destinations": Resource(
        "destination", "destinations", s.Destination, s.DestinationPage, p.DestinationQuery, True,
        lambda w, item, start, end: w.destination(item),
    ),
    "events": Resource(
        "event", "events", s.Event, s.EventPage, p.EventQuery, True,
        lambda w, item, start, end: w.event(item, start, end),
    ),
    "businesses": Resource(
        "business", "businesses", s.Business, s.BusinessPage, p.BusinessQuery, True,
        lambda w, item, start, end: w.business(item),
    ),
    "products": Resource(
        "product", "products", s.Product, s.ProductPage, p.ProductQuery, False,
        lambda w, item, start, end: w.product(item),
    ),
}  # fmt: skip
BY_KIND = {r.kind: r for r in RESOURCES.values()}
