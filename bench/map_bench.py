"""Time the map page, a deep page of its list and its sketch, one request at a time, in process.

Run from the project folder against a database made by ``bench/national_data.py``; pass
another checkout's folder as ``--root`` to time that code on the same database:

    PAGE_CACHE=0 DATABASE_URL=sqlite:////tmp/national.sqlite3 .venv/bin/python bench/map_bench.py

Each address is asked once to warm what a process keeps, then ``--times`` times; the median
time and the answer's size are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

PATHS = (
    "/id/map/",
    "/id/map/?page=20",
    "/id/map/?type=event",
    "/id/map/preview.svg",
    "/id/map/data.geojson?bbox=98.05,2.35,98.55,2.95&zoom=10",  # the first view
    "/id/map/data.geojson?bbox=98.20,2.50,98.25,2.55",  # zoomed in: places as they are
)


def main() -> None:
    """Print the median time and the size of each map address."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--times", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, args.root)
    from branding import create_app

    client = create_app().test_client()
    for path in PATHS:
        answer = client.get(path)
        spent = []
        for _ in range(args.times):
            start = time.perf_counter()
            answer = client.get(path)
            spent.append(time.perf_counter() - start)
        size = len(answer.get_data())
        median = statistics.median(spent) * 1000
        print(f"{path:28} {answer.status_code} {median:8.1f} ms {size / 1024:9.1f} KB")


if __name__ == "__main__":
    main()
