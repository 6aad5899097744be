"""Fixtures for the search tests: a private index per test, and helpers to fill it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask, g
from werkzeug.datastructures import MultiDict

from branding.search import storage
from branding.search.indexer import drain
from branding.search.params import read_params
from branding.search.rebuild import rebuild
from branding.search.services import SearchPage, search_page


@pytest.fixture
def index_dir(app: Flask, tmp_path: Path) -> Path:
    """Give the test its own, empty search index (the session's is shared)."""
    root = tmp_path / "index"
    app.config["SEARCH_INDEX_DIR"] = str(root)
    rebuild()
    return root


@pytest.fixture
def indexed(index_dir: Path) -> Callable[[], None]:
    """Return a function that applies every waiting change to the index."""

    def apply() -> None:
        report = drain(timeout=5.0)
        assert not report.busy and not report.missing

    return apply


def indexed_keys(root: Path) -> set[str]:
    """Return the keys of every document in the index at ``root``."""
    _, ix = storage.open_current(root)
    with ix.searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields()}


def search(app: Flask, q: str, lang: str = "id", **args: str) -> SearchPage:
    """Search as a visitor to ``/<lang>/search`` would, and return the page's results."""
    with app.test_request_context(f"/{lang}/search"):
        g.lang = lang
        return search_page(read_params(MultiDict({"q": q, **args}), lang))


def found(page: SearchPage) -> list[tuple[str, str]]:
    """Return ``(type, slug)`` of each result; a product is named by its business and name."""
    return [
        (r.kind, r.item.slug if r.kind != "product" else r.item.name["id"]) for r in page.results
    ]


def result_slugs(html: str) -> list[str]:
    """Return the slugs the results of a search page link to, in order."""
    section = html.split('class="results"', 1)[-1] if 'class="results"' in html else ""
    return re.findall(r'<h3><a href="/[a-z]+/[a-z]+/([^"]+)"', section)


from branding.destinations.models import Destination  # noqa: E402  (for tests that edit)

__all__ = ["Destination", "rebuild"]
