"""Measure public pages under load, beside a reference page, in one run.

Run from the project folder, against a database made by ``flask setup`` (sample scale) or by
``bench/national_data.py`` (national scale); needs gunicorn in the virtualenv and wrk
(``apt-get install wrk``):

    DATABASE_URL=sqlite:////tmp/national.sqlite3 SEARCH_INDEX_DIR=/tmp/national-index \\
        .venv/bin/python bench/page_bench.py --seconds 5

Both servers run under gunicorn with the same number of workers (``--workers``, 2 by
default): the platform (``branding:create_app()``) and ``bench/reference_app.py`` (a minimal
Flask + SQLAlchemy ORM (20 rows) + Jinja page). For each page, wrk (``--connections``, 16)
measures the reference, the page, then the reference again; the page's ratio is its req/s over
the mean of the two reference runs, so a machine that slows down during the run hurts both
sides alike. Then one client asks for the page ``--single`` times in a row (keep-alive) for
the median and 95th percentile of its response time. The workers' resident memory is read at
the end. Extra environment (``PAGE_CACHE=0``, say) passes through to the platform.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent


@dataclass
class Result:
    name: str
    path: str
    rps: float
    reference: float
    p50: float
    p95: float
    size: int

    @property
    def ratio(self) -> float:
        return self.rps / self.reference if self.reference else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(app: str, workers: int, cwd: Path, env: dict) -> Iterator[tuple[int, int]]:
    """Serve ``app`` with gunicorn on a free port; yield (port, master pid)."""
    port = free_port()
    command = [str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}",
               "--log-level", "warning", app]  # fmt: skip
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **env})
    try:
        for _ in range(200):
            try:
                get(port, "/")
                break
            except OSError:
                time.sleep(0.1)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def wrk(port: int, path: str, seconds: int, connections: int, cookie: str = "") -> float:
    """Return the requests per second wrk measures; fail on errors or non-2xx answers."""
    url = f"http://127.0.0.1:{port}{path}"
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"wrk saw failed answers on {path}:\n{out}")
    if "Socket errors" in out:
        print(f"  (wrk saw socket errors on {path}: a busy machine?)", file=sys.stderr)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def single_client(port: int, path: str, count: int, cookie: str = "") -> tuple[float, float]:
    """Return the median and 95th percentile response time (ms) of one client in a row."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    times = []
    for _ in range(count):
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        connection.getresponse().read()
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def worker_rss(master: int) -> list[tuple[int, int]]:
    """Return the resident memory and its proportional share (MB: RSS, PSS) of each child of
    a gunicorn master (PSS counts pages shared with other processes, such as the index files
    in the page cache, in part)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
            rollup = (status.parent / "smaps_rollup").read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master}$", text, re.M):
            rss = int(re.search(r"^VmRSS:\s+(\d+)", text, re.M).group(1)) // 1024
            pss = int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1)) // 1024
            sizes.append((rss, pss))
    return sizes


def pages(lang: str = "id") -> list[tuple[str, str]]:
    """Return (name, path) of each page to measure, found in the benchmark's database."""
    from branding import create_app
    from branding.extensions import db

    app = create_app()
    with app.app_context():
        found = _pages(lang, app.config["PER_PAGE"])
        db.engine.dispose()
    return found


def _pages(lang: str, per_page: int) -> list[tuple[str, str]]:
    from sqlalchemy import func, select

    from branding.areas.models import Area
    from branding.businesses.models import Business
    from branding.destinations.models import Destination
    from branding.events.models import Event
    from branding.extensions import db

    def last(model, *where):
        query = select(model).where(model.is_public, *where).order_by(model.id.desc())
        return db.session.scalar(query.limit(1))

    def deep(model) -> int:
        query = select(func.count()).select_from(model).where(model.is_public)
        return max(1, min(50, db.session.scalar(query) // per_page))

    one_off = last(Event, Event.recurrence_rule.is_(None))
    series = last(Event, Event.recurrence_rule.is_not(None))
    business = last(Business)
    area = db.session.get(Area, business.area_id)
    found = [
        ("home", f"/{lang}/"),
        ("destinations", f"/{lang}/destinations/"),
        ("destinations deep", f"/{lang}/destinations/?page={deep(Destination)}"),
        ("destination", f"/{lang}/destinations/{last(Destination).slug}"),
        ("events", f"/{lang}/events/"),
        ("events past deep", f"/{lang}/events/past?page={min(20, deep(Event))}"),
        ("event", f"/{lang}/events/{one_off.slug}"),
        ("calendar month", f"/{lang}/events/calendar?month=2026-12"),
        ("agenda", f"/{lang}/events/agenda"),
        ("businesses", f"/{lang}/businesses/"),
        ("businesses deep", f"/{lang}/businesses/?page={deep(Business)}"),
        ("business", f"/{lang}/businesses/{business.slug}"),
        ("area", f"/{lang}/areas/{area.slug}"),
        ("search", f"/{lang}/search?{urlencode({'q': 'kopi'})}"),
        ("map geojson", f"/{lang}/map/data.geojson"),
        ("sitemap", "/sitemap.xml"),
        ("events feed", f"/{lang}/feeds/events.atom"),
        ("listings feed", f"/{lang}/feeds/listings.atom"),
    ]
    occurrence = _occurrence(series) if series else None
    if occurrence:
        found.insert(7, ("occurrence", f"/{lang}/events/{series.slug}/{occurrence}"))
    return found


def _occurrence(event) -> str | None:
    from branding.core.content.publishing import utcnow
    from branding.core.i18n.formatting import to_wib
    from branding.events.services import next_occurrence

    upcoming = next_occurrence(event, utcnow())
    return to_wib(upcoming.starts_at).date().isoformat() if upcoming else None


def staff_cookie(port: int) -> str:
    """Log in as a staff account made for the benchmark and return its session cookie."""
    from branding import create_app
    from branding.accounts.models import Role
    from branding.accounts.services import add_user, find_user
    from branding.extensions import db

    email, password = "bench-editor@example.com", "bench editor password"
    app = create_app()
    with app.app_context():
        if find_user(email) is None:
            add_user(email, password, Role.EDITOR)
            db.session.commit()
        db.engine.dispose()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/id/account/login")
    response = connection.getresponse()
    page = response.read().decode()
    jar = _cookies(response)
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    body = urlencode({"csrf_token": token, "email": email, "password": password})
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/id/account/login", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    after = _cookies(response)
    connection.close()
    if response.status != 302 or not after:
        raise SystemExit("could not log in as the benchmark's editor")
    return "; ".join(f"{k}={v}" for k, v in {**jar, **after}.items())


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    """Return the cookies a response sets, by name (the session's and the language's)."""
    pairs = (value.split(";")[0] for value in response.headers.get_all("Set-Cookie") or [])
    return dict(pair.split("=", 1) for pair in pairs if "=" in pair)


def measure(args, port: int, ref_port: int, name: str, path: str, cookie: str = "") -> Result:
    status, body = get(port, path, {"Cookie": cookie} if cookie else None)
    if status != 200:
        raise SystemExit(f"{name}: {path} answered {status}")
    for _ in range(20):
        get(port, path, {"Cookie": cookie} if cookie else None)
    before = wrk(ref_port, "/", args.seconds, args.connections)
    rps = wrk(port, path, args.seconds, args.connections, cookie)
    after = wrk(ref_port, "/", args.seconds, args.connections)
    p50, p95 = single_client(port, path, args.single, cookie)
    return Result(name, path, rps, (before + after) / 2, p50, p95, len(body))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk's duration per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--single", type=int, default=200, help="requests of the one client")
    parser.add_argument("--only", default="", help="comma-separated page names")
    args = parser.parse_args()
    env = {"SEARCH_DRAIN_AFTER_REQUEST": "0"}
    found = pages()
    if args.only:
        found = [(n, p) for n, p in found if n in args.only.split(",")]
    results = []
    with (
        gunicorn("reference_app:create_app()", args.workers, ROOT / "bench", {}) as (ref, _),
        gunicorn("branding:create_app()", args.workers, ROOT, env) as (port, master),
    ):
        for name, path in found:
            results.append(measure(args, port, ref, name, path))
            print_row(results[-1])
        try:
            cookie = staff_cookie(port)
        except SystemExit as error:  # the public pages' figures and the memory still count
            print(f"office list skipped: {error}", file=sys.stderr)
        else:
            results.append(
                measure(args, port, ref, "office list", "/id/office/destinations/", cookie)
            )
            print_row(results[-1])
        memory = worker_rss(master)
    print(f"\nworker memory after the run (RSS, PSS): {memory} MB")


def print_row(r: Result) -> None:
    print(f"{r.name:<18} {r.rps:8.0f} req/s  ref {r.reference:6.0f}  ratio {r.ratio:5.3f}  "
          f"p50 {r.p50:6.1f} ms  p95 {r.p95:6.1f} ms  {r.size / 1024:6.1f} KB  {r.path}",
          flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
