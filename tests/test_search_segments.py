"""Search after edits (an index of several segments), and degraded modes that are loud."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from branding.accounts.models import Role
from branding.extensions import db
from branding.search import health, positions, storage
from branding.search.check import misspell
from branding.search.models import MissedSearch
from tests import search_fixtures
from tests.listing_helpers import log_in
from tests.search_fixtures import found, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture

NAMES = {
    "lae-pagindar": "Air Terjun Pagindar",
    "sicike": "Danau Sicikecike",
    "sindeng": "Bukit Sindeng Indah",
    "kelelawar": "Goa Kelelawar",
    "tinada": "Perkebunan Tinada",
    "simerpara": "Pemandian Simerpara",
    "salak": "Lapangan Merdeka Salak",
    "mahala": "Jembatan Mahala",
}


def misspellings(name: str) -> list[str]:
    word = max(name.lower().split(), key=len)
    dropped = word[:2] + word[3:]
    return [misspell(word), dropped]


@pytest.fixture
def edited(app, make, index_dir, indexed):
    """Items indexed by a rebuild, then edited one at a time: an index of several segments."""
    for slug, name in NAMES.items():
        make.destination(slug=slug, name={"id": name, "en": name})
    search_fixtures.rebuild()
    for n, slug in enumerate(("sicike", "mahala", "salak")):
        place = db.session.scalar(select(search_fixtures.Destination).filter_by(slug=slug))
        place.summary = {"id": f"Diperbarui {n}."}
        db.session.commit()
        indexed()
    assert len(storage.searcher(index_dir).reader().leaf_readers()) > 1
    return index_dir


def test_misspellings_are_found_after_edits(app, edited):
    queries = [(slug, typo) for slug, name in NAMES.items() for typo in misspellings(name)]
    assert len(queries) == 16
    missed = []
    for slug, typo in queries:
        page = search(app, typo)
        if ("destination", slug) not in found(page) or page.trouble or page.degraded:
            missed.append(typo)
    assert missed == []
    page = search(app, "kelelawr")
    assert page.tolerant and page.suggestion == "kelelawar"


def test_check_searches_as_visitors_do_after_edits(app, edited, runner):
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
    assert "The index matches the database." in result.output
    assert "Searched as visitors do:" in result.output
    line = next(x for x in result.output.splitlines() if x.startswith("Searched as visitors"))
    numbers = [int(n) for n in line.replace(",", " ").replace(".", " ").split() if n.isdigit()]
    assert numbers[0] == numbers[1] > 0 and numbers[2] == numbers[3] > 0


@pytest.fixture
def broken_spelling(monkeypatch):
    def fail(*args, **kwargs):
        raise NotImplementedError("cursor")  # what whoosh-reloaded's MultiReader raised

    monkeypatch.setattr("branding.search.query.spelling", fail)


def test_a_failing_spelling_step_is_loud(app, make, edited, broken_spelling, client, runner):
    before = health.counts["the spelling step failed"]
    html = client.get("/en/search?q=kelelawr").get_data(as_text=True)
    assert "misspelled words are not corrected" in html
    assert health.counts["the spelling step failed"] == before + 1
    state = positions.load(positions.index_name(edited))
    db.session.refresh(state)
    assert state.degraded_count >= 1 and "spelling" in state.degraded_cause
    assert db.session.scalars(select(MissedSearch.query)).all() == ["kelelawr"]
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1 and "Degraded:" in result.output
    editor = make.user(role=Role.EDITOR)
    log_in(client, editor)
    dashboard = client.get("/en/office/").get_data(as_text=True)
    assert "Search is degraded" in dashboard and "spelling" in dashboard


def test_a_search_without_an_index_is_recorded_when_it_finds_nothing(app, client, index_dir):
    app.config["SEARCH_INDEX_DIR"] = str(index_dir / "nowhere")
    html = client.get("/en/search?q=durian").get_data(as_text=True)
    assert "only names are searched" in html
    assert db.session.scalars(select(MissedSearch.query)).all() == ["durian"]
    assert health.counts["no search index: searching names in the database"] >= 1
