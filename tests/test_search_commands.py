"""``flask search index|rebuild|check|missed``, and repairing an index after a crash."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import delete

from branding.extensions import db
from branding.search import storage
from branding.search.check import check
from branding.search.models import SearchOutbox
from branding.search.rebuild import rebuild
from tests import search_fixtures
from tests.search_fixtures import found, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture

ROOT = Path(__file__).resolve().parents[1]


def test_index_builds_a_missing_index_then_drains(app, make, runner, tmp_path):
    app.config["SEARCH_INDEX_DIR"] = str(tmp_path / "fresh")
    make.destination(name={"id": "Danau Toba Kecil"})
    result = runner.invoke(args=["search", "index"])
    assert result.exit_code == 0, result.output
    assert "Built the search index." in result.output
    assert len(found(search(app, "danau"))) == 1


def test_rebuild_swaps_in_a_new_generation_and_removes_the_old(app, make, runner, index_dir):
    make.destination()
    before = storage.current_generation(index_dir)
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code == 0 and "3 documents" in result.output
    after = storage.current_generation(index_dir)
    assert after != before and not before.exists()
    assert (index_dir / "CURRENT").read_text() == after.name


def test_searches_see_the_new_generation_after_a_rebuild(app, make, index_dir):
    assert found(search(app, "jeruk")) == []  # opens a searcher on the first generation
    make.destination(slug="jeruk", name={"id": "Kebun Jeruk"})
    db.session.execute(delete(SearchOutbox))  # so only a rebuild can bring it in
    db.session.commit()
    rebuild()
    assert found(search(app, "jeruk")) == [("destination", "jeruk")]


def test_check_reports_missing_stale_and_extra_documents_and_repairs_them(
    app, make, runner, index_dir, indexed
):
    kept = make.destination(name={"id": "Bukit Satu"})
    changed = make.destination(name={"id": "Bukit Dua"})
    gone = make.destination(name={"id": "Bukit Tiga"})
    indexed()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    added = make.destination(name={"id": "Bukit Empat"})
    changed.name = {"id": "Bukit Dua Baru"}
    db.session.delete(gone)
    db.session.execute(delete(SearchOutbox))  # as if the indexer had lost these changes
    db.session.commit()
    report = check()
    assert report.missing == [f"destination:{added.id}:{lang}" for lang in ("btd", "en", "id")]
    assert report.stale == [f"destination:{changed.id}:{lang}" for lang in ("btd", "en", "id")]
    assert report.extra == [f"destination:{gone.id}:{lang}" for lang in ("btd", "en", "id")]
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1 and "3 missing" in result.output and "3 stale" in result.output
    result = runner.invoke(args=["search", "check", "--repair"])
    assert result.exit_code == 0 and "Repaired." in result.output
    assert check().clean
    assert found(search(app, "baru")) == [("destination", changed.slug)]
    assert kept.id and found(search(app, "tiga")) == []


KILL_MID_COMMIT = textwrap.dedent(
    """
    import os, signal, sys
    from whoosh.writing import SegmentWriter
    from branding import create_app
    from branding.search.indexer import drain

    def die(self, *args, **kwargs):  # the segment files are written, the table of contents not
        os.kill(os.getpid(), signal.SIGKILL)

    SegmentWriter._commit_toc = die
    app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1], "SEARCH_INDEX_DIR": sys.argv[2],
                      "SECRET_KEY": "x"})
    with app.app_context():
        drain()
    """
)


def _kill_an_indexer_mid_write(app, index_dir: Path) -> None:
    """Run the indexer in another process and kill it while it commits."""
    db.session.commit()
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.run(
        [sys.executable, "-c", KILL_MID_COMMIT, url, str(index_dir)], env=env, cwd=ROOT
    )
    assert process.returncode == -signal.SIGKILL


def test_an_indexer_killed_mid_write_is_caught_up_by_the_next_drain(app, make, index_dir):
    place = make.destination(slug="sesudah", name={"id": "Danau Sesudah"})
    _kill_an_indexer_mid_write(app, index_dir)
    assert found(search(app, "sesudah")) == []  # the index is still the one before
    assert check().missing  # and the check says so
    assert runner_output(app, "index").startswith("Applied 2 changes")  # the area, the place
    assert check().clean and found(search(app, "sesudah")) == [("destination", place.slug)]


def test_an_indexer_killed_mid_write_is_repaired_by_check_when_the_outbox_was_lost(
    app, make, index_dir
):
    place = make.destination(slug="hilang", name={"id": "Danau Hilang"})
    _kill_an_indexer_mid_write(app, index_dir)
    db.session.execute(delete(SearchOutbox))
    db.session.commit()
    assert "Repaired." in runner_output(app, "check", "--repair")
    assert check().clean and found(search(app, "hilang")) == [("destination", place.slug)]


def test_a_corrupt_index_falls_back_to_the_database_and_rebuild_repairs_it(
    app, make, index_dir, indexed, client
):
    place = make.destination(slug="rusak", name={"id": "Danau Rusak"})
    indexed()
    for toc in storage.current_generation(index_dir).glob("*.toc"):
        toc.write_bytes(b"not a table of contents")
    response = client.get("/id/search?q=rusak")
    assert response.status_code == 200
    assert place.slug in response.get_data(as_text=True)  # found by the database search
    report = check()
    assert report.unreadable
    assert "Repaired." in runner_output(app, "check", "--repair")
    assert check().clean and found(search(app, "rusak")) == [("destination", place.slug)]


def test_index_rebuilds_an_unreadable_index(app, make, index_dir):
    make.destination(name={"id": "Danau Pulih"})
    for toc in storage.current_generation(index_dir).glob("*.toc"):
        toc.write_bytes(b"garbage")
    assert runner_output(app, "index").startswith("Built the search index.")
    assert check().clean and len(found(search(app, "pulih"))) == 1


def test_a_stale_lock_file_does_not_block_the_indexer(app, make, index_dir):
    (storage.current_generation(index_dir) / "MAIN_WRITELOCK").write_text("left by a crash")
    make.destination(name={"id": "Danau Kunci"})
    assert runner_output(app, "index").startswith("Applied")
    assert len(found(search(app, "kunci"))) == 1


def test_setup_makes_the_sample_data_searchable(sample_site):
    assert sample_site.setup_exit_code == 0, sample_site.setup_output
    assert "Search index built" in sample_site.setup_output
    with sample_site.app.app_context():
        assert check().clean
        urls = {r.url for r in search(sample_site.app, "air terjun").results}
    assert {
        "/id/destinations/air-terjun-lae-une",
        "/id/destinations/air-terjun-lae-pagindar",
    } <= urls
    assert "/id/destinations/air-terjun-lae-tinada" not in urls  # a draft


def test_missed_lists_searches_that_found_nothing(app, runner, index_dir, client):
    for query in ("Durian", "durian", "rafting"):
        client.get(f"/en/search?q={query}")
    result = runner.invoke(args=["search", "missed"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0].split() == ["2", "en", "durian"] and lines[1].split() == ["1", "en", "rafting"]


def runner_output(app, *args: str) -> str:
    result = app.test_cli_runner().invoke(args=["search", *args])
    assert result.exit_code == 0, result.output
    return result.output
