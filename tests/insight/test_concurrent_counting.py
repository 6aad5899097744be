"""Counts stay right when several workers count and write at once, on the real database.

Workers flush after every request here (a flush interval of zero), so their upserts into the
same rows really do run at the same time.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor

import redis

from branding import create_app
from branding.insight.buffer import RedisBuffer
from branding.insight.flush import flush
from tests.insight.helpers import counted, visit

VISITORS = 24
REPEATS = 3  # each visitor reloads: still one count a day
WORKERS = 3


def _urls(place_slug: str, business_slug: str) -> list[str]:
    return [f"/en/destinations/{place_slug}", f"/id/businesses/{business_slug}"]


def test_threads_of_one_worker_count_each_visitor_once(app, make):
    place, business = make.destination(), make.business()
    product = make.product(business)
    app.extensions["counting_buffer"].flush_seconds = 0  # flush after every request
    urls = _urls(place.slug, business.slug)

    def one_visitor(n: int) -> list[int]:
        client = app.test_client()
        return [visit(client, url, address=f"10.9.0.{n}").status_code
                for _ in range(REPEATS) for url in urls]  # fmt: skip

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = [s for result in pool.map(one_visitor, range(VISITORS)) for s in result]
    assert set(statuses) == {200}
    assert counted() == {
        ("destination", place.id, "view", "en"): VISITORS,
        ("business", business.id, "view", "id"): VISITORS,
        ("product", product.id, "view", "id"): VISITORS,
    }


def _worker(config: dict, worker: int, urls: list[str], shared: bool, start, results) -> None:
    """In a process of its own: visitors read the pages, and the worker writes as it goes."""
    try:
        app = create_app(config)
        app.extensions["counting_buffer"].flush_seconds = 0
        client = app.test_client()
        start.wait(timeout=60)  # every worker starts together
        for n in range(VISITORS):
            # Sharing Redis, the workers see the same visitors; each alone, different ones.
            address = f"10.8.0.{n}" if shared else f"10.{worker}.0.{n}"
            for _ in range(REPEATS):
                for url in urls:
                    assert visit(client, url, address=address).status_code == 200
        with app.app_context():
            flush()  # what this worker still holds
        results.put((worker, "ok"))
    except Exception as error:  # report to the parent, whatever it is
        results.put((worker, repr(error)))


def _run_workers(config: dict, urls: list[str], shared: bool) -> None:
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(WORKERS), context.Queue()
    processes = [
        context.Process(target=_worker, args=(config, w, urls, shared, start, results))
        for w in range(WORKERS)
    ]
    for process in processes:
        process.start()
    reports = dict(results.get(timeout=180) for _ in processes)
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0
    assert reports == dict.fromkeys(range(WORKERS), "ok"), reports


def test_worker_processes_counting_in_their_own_memory_add_up(app, migrated, make):
    place, business = make.destination(), make.business()
    _run_workers({**migrated, "REDIS_URL": ""}, _urls(place.slug, business.slug), shared=False)
    assert counted() == {
        ("destination", place.id, "view", "en"): WORKERS * VISITORS,
        ("business", business.id, "view", "id"): WORKERS * VISITORS,
    }


def test_worker_processes_sharing_redis_count_a_visitor_once(app, migrated, make, redis_url):
    place, business = make.destination(), make.business()
    _run_workers({**migrated, "REDIS_URL": redis_url}, _urls(place.slug, business.slug), True)
    flush(RedisBuffer(redis.Redis.from_url(redis_url), 60))  # what any worker left waiting
    assert counted() == {
        ("destination", place.id, "view", "en"): VISITORS,
        ("business", business.id, "view", "id"): VISITORS,
    }
