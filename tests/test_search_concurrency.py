"""Several processes saving content at once: no lock errors, and the index catches up."""

from __future__ import annotations

import logging
import multiprocessing

from branding import create_app
from branding.areas.models import Area
from branding.core.content.publishing import PublicationStatus
from branding.destinations.editing import add_destination
from branding.destinations.models import Destination, DestinationCategory
from branding.extensions import db
from branding.search import indexer
from branding.search.check import check
from branding.search.indexer import drain
from branding.search.sources import visible_ids
from tests import search_fixtures
from tests.search_fixtures import indexed_keys

index_dir = search_fixtures.index_dir  # a fixture

WORKERS = 4
SAVES = 8


class Remember(logging.Handler):
    """Keep every warning the search package logs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(self.format(record))


def save_content(config: dict, worker: int, area_id: int, results) -> None:
    """In a process of its own: save, change and withdraw places through HTTP requests."""
    remember = Remember()
    logging.getLogger("branding.search").addHandler(remember)
    app = create_app(config)

    @app.post("/test/save/<int:n>")
    def save(n: int):
        place = add_destination(
            slug=f"w{worker}-{n}",
            area_id=area_id,
            category=DestinationCategory.LAKE,
            status=PublicationStatus.PUBLISHED,
            name={"id": f"Danau Pekerja {worker} {n}", "en": f"Worker Lake {worker} {n}"},
        )
        db.session.commit()
        if n % 3 == 0:
            place.status = PublicationStatus.DRAFT  # withdrawn again
            db.session.commit()
        elif n % 3 == 1:
            place.summary = {"id": "Diubah sesudah disimpan."}
            db.session.commit()
        return "saved"

    client = app.test_client()
    try:
        for n in range(SAVES):
            response = client.post(f"/test/save/{n}")
            response.close()  # the after-request indexer runs here
            assert response.status_code == 200, response.status_code
    except Exception as error:  # report to the parent, whatever it is
        remember.seen.append(repr(error))
    results.put((worker, remember.seen))


def test_several_processes_saving_at_once_never_fail_and_the_index_catches_up(
    app, migrated, index_dir
):
    area = Area(slug="danau", kind="district", name={"id": "Danau"})
    db.session.add(area)
    db.session.commit()
    config = {**migrated, "SEARCH_INDEX_DIR": str(index_dir)}
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [
        context.Process(target=save_content, args=(config, w, area.id, results))
        for w in range(WORKERS)
    ]
    for process in processes:
        process.start()
    reports = dict(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0
    assert reports == {w: [] for w in range(WORKERS)}, reports  # no lock error, no failure

    assert indexed_keys(index_dir)  # the workers' own after-request drains indexed already
    drain()  # whatever a busy index left waiting
    assert indexer.backlog() == 0
    public = visible_ids("destination")
    assert len(public) == WORKERS * (SAVES - len(range(0, SAVES, 3)))
    expected = {f"destination:{i}:{lang}" for i in public for lang in ("id", "en", "btd")}
    assert indexed_keys(index_dir) == expected
    assert check().clean
    assert db.session.query(Destination).count() == WORKERS * SAVES
