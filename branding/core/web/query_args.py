"""Reading list filters, page numbers and dates from the query string: the one place where
query-string values become numbers and dates, each with its bounds.

A value that is not a number or a date at all means "no filter" (page 1, this month); one that
is a number or date beyond what the site could ever show is a 404 (the error page, in the
visitor's language), never an overflow deeper down.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from flask import Flask, abort, current_app, request
from flask_sqlalchemy.pagination import Pagination
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

E = TypeVar("E", bound=StrEnum)

MAX_PAGE = 10_000  # past any list the site has; beyond it a page is a 404, not an overflow
FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates in URLs and query strings stay within these
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def page_arg() -> int:
    """Return the requested page number; junk or numbers below 1 mean page 1, a number past
    ``MAX_PAGE`` is a 404."""
    text = request.args.get("page", "").strip()
    if not re.fullmatch(r"[0-9]{1,30}", text, re.ASCII):
        return 1
    page = int(text)
    if page > MAX_PAGE:
        abort(404)
    return max(page, 1)


def parse_date(text: str | None) -> date | None:
    """Read ``YYYY-MM-DD`` (ASCII digits, a real day, years 1900–2199); None otherwise."""
    match = _ISO_DATE.fullmatch((text or "").strip())
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_month(text: str | None) -> date | None:
    """Read ``YYYY-MM`` as the first day of that month (years 1900–2199); None otherwise."""
    match = _ISO_MONTH.fullmatch((text or "").strip())
    if not match:
        return None
    return parse_date(f"{match.group(1)}-{match.group(2)}-01")


def date_arg(name: str) -> date | None:
    """Return a date from the query string, or None for none or junk."""
    return parse_date(request.args.get(name))


def per_page() -> int:
    """Return the configured number of items on a list page."""
    return current_app.config["PER_PAGE"]


def enum_arg(enum_cls: type[E], name: str = "category") -> E | None:
    """Return the filter value if it names a member of the enum, else no filter."""
    try:
        return enum_cls(request.args.get(name, ""))
    except ValueError:
        return None


def require_page(pagination: Pagination) -> Pagination:
    """Answer 404 for a page number past the last page."""
    if pagination.page > 1 and not pagination.items:
        abort(404)
    return pagination


class BoundedIntegerConverter(IntegerConverter):
    """``<int:…>`` in every URL: a number a database column can hold (up to 2³¹−1), else a
    404 before any view runs (a 20-digit id would overflow SQLite's and PostgreSQL's integers)."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None,
                 max: int | None = None, signed: bool = False) -> None:  # fmt: skip
        super().__init__(map, fixed_digits, min, 2**31 - 1 if max is None else max, signed)


def _without_nul(values: MultiDict) -> ImmutableMultiDict | None:
    if not any("\x00" in k or "\x00" in v for k, v in values.items(multi=True)):
        return None
    pairs = [(k.replace("\x00", ""), v.replace("\x00", "")) for k, v in values.items(multi=True)]
    return ImmutableMultiDict(pairs)


def refuse_nul() -> None:
    """A ``before_request`` hook: a NUL character in the path is a 404 (no page has one);
    in the query string or a form it is dropped, like any junk (PostgreSQL refuses NUL in
    text, and no honest input has one)."""
    if "\x00" in request.path:
        raise NotFound()
    cleaned = _without_nul(request.args)
    if cleaned is not None:
        request.args = cleaned
    if request.method == "POST":
        cleaned = _without_nul(request.form)
        if cleaned is not None:
            request.form = cleaned


def init_app(app: Flask) -> None:
    """Bound ``<int:…>`` URL parts for every blueprint (registered after this)."""
    app.url_map.converters["int"] = BoundedIntegerConverter
