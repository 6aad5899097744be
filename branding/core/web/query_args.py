"""Reading list filters and page numbers from the query string."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from flask import abort, current_app, request
from flask_sqlalchemy.pagination import Pagination

E = TypeVar("E", bound=StrEnum)


def page_arg() -> int:
    """Return the requested page number; junk or numbers below 1 mean page 1."""
    return max(request.args.get("page", 1, type=int), 1)


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
