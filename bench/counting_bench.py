"""Benchmark what counting visits costs a page: throughput with counting on and off.

Run from the project folder:

    .venv/bin/python bench/counting_bench.py                   # buffer in this process
    .venv/bin/python bench/counting_bench.py --redis redis://127.0.0.1:6379/6
    .venv/bin/python bench/counting_bench.py --rounds 15 --requests 300

A throwaway SQLite database gets the sample content (without pictures or sample counts).
Two applications share it, one with ``COUNTING`` on and one with it off, and serve the same
detail pages (a destination, an event, a business with its products) through the WSGI
interface, as a worker does, one request after another. Each request comes from a new visitor
(another client address) a third of the time, so most requests record a new count; the
counting application writes its buffer to the database after a response once a minute, as
by default, so that writing is in the measurement too (the run takes several minutes).
Rounds alternate between the two applications so that a noisy neighbour slows both alike; the
medians of the rounds and their ratio are reported, measured in the same run, for throughput
(pages a second) and for the CPU time a page costs the worker process (its threads included),
which a busy machine disturbs less.

Target (issue 19): counting on keeps at least 95 % of the throughput with it off.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from branding import create_app  # noqa: E402
from branding.core.migrating import upgrade  # noqa: E402
from branding.extensions import db  # noqa: E402
from branding.insight.flush import flush  # noqa: E402
from branding.insight.models import CountBatch, DailyCount  # noqa: E402
from pakpak_sample.loader import load_sample_data  # noqa: E402

PAGES = (
    "/id/destinations/air-terjun-lae-une",
    "/en/events/festival-budaya-pakpak-bharat",
    "/id/businesses/kopi-bukit-salak",
)
AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/126.0 Mobile"
TARGET = 0.95


def make_apps(folder: Path, redis_url: str):
    base = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
        "SEARCH_INDEX_DIR": str(folder / "index"),
        "MEDIA_ROOT": str(folder / "media"),
        "SECRET_KEY": "bench",
        "SERVER_NAME": "localhost",
        "REDIS_URL": redis_url,
    }
    on = create_app({**base, "COUNTING": True, "COUNTING_FLUSH_SECONDS": 60})
    off = create_app({**base, "COUNTING": False})
    with on.app_context():
        upgrade()
        load_sample_data(photos=False, visits=False)
    return on, off


def one_round(app, requests: int, start: int) -> tuple[float, float]:
    """Serve ``requests`` pages; return pages per second and CPU milliseconds per page."""
    client = app.test_client()
    began, cpu = time.perf_counter(), time.process_time()
    for n in range(requests):
        visitor = (start + n) // 3  # each visitor reads three pages
        environ = {
            "REMOTE_ADDR": f"10.{visitor // 65536 % 256}.{visitor // 256 % 256}.{visitor % 256}"
        }
        with client.get(PAGES[n % len(PAGES)], headers={"User-Agent": AGENT},
                        environ_base=environ) as response:  # fmt: skip
            assert response.status_code == 200, response.status_code
            response.get_data()
    return requests / (time.perf_counter() - began), (time.process_time() - cpu) * 1000 / requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--requests", type=int, default=200, help="pages per round")
    parser.add_argument("--redis", default="", help="count into Redis at this URL")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        on, off = make_apps(Path(tmp), args.redis)
        for app in (on, off):  # warm up: templates compiled, connections opened
            one_round(app, 30, 10_000_000)
        rates: dict[str, list[float]] = {"off": [], "on": []}
        cpu: dict[str, list[float]] = {"off": [], "on": []}
        for r in range(args.rounds):
            order = (("off", off), ("on", on)) if r % 2 == 0 else (("on", on), ("off", off))
            for name, app in order:
                rate, ms = one_round(app, args.requests, r * args.requests)
                rates[name].append(rate)
                cpu[name].append(ms)
        with on.app_context():
            batches = db.session.scalar(select(func.count()).select_from(CountBatch))
            flush()
            total = db.session.scalar(select(func.sum(DailyCount.count)))
    median = statistics.median
    ratio = median(rates["on"]) / median(rates["off"])
    cpu_ratio = median(cpu["off"]) / median(cpu["on"])  # as a throughput: higher is better
    where = f"Redis ({args.redis})" if args.redis else "this process"
    print(f"counting into {where}; {args.rounds} rounds of {args.requests} pages each")
    for name in ("off", "on"):
        values, ms = rates[name], cpu[name]
        print(f"  counting {name:>3}: median {median(values):7.1f} pages/s "
              f"(range {min(values):.1f}–{max(values):.1f}), "
              f"{median(ms):6.2f} ms CPU a page (range {min(ms):.2f}–{max(ms):.2f})")  # fmt: skip
    print(f"  throughput on/off: {ratio:.3f} (target ≥ {TARGET}); by CPU time: {cpu_ratio:.3f}")
    print(f"  {total} visits counted; the workers wrote {batches} batches during the run")
    print("  " + ("meets the target" if ratio >= TARGET else "MISSES the target"))


if __name__ == "__main__":
    main()
