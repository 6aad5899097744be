#!/usr/bin/env python3
"""Mirror the open-data catalogue of Pesona Pakpak Bharat into a local JSON file.

    python3 docs/sync_client.py http://127.0.0.1:5000 catalogue.json

The first run reads every change from the start of the API's change log; the file keeps
the items (by "type:id") and the sync cursor. Each later run (hourly, from cron) sends the
cursor and fetches only what changed since: new and edited items replace their copies,
tombstones ("delete") remove them. When the API says the cursor is older than its change
log keeps (410, "resync_required"), or that everything changed ("resync"), the mirror is
emptied and filled again from the start. The file is replaced atomically, and only after a
whole sync, so a run that fails halfway is simply repeated. Standard library only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

Fetch = Callable[[str], dict]


class ResyncRequired(Exception):
    """The cursor is older than the API's change log keeps: start again from nothing."""


def fetch_json(url: str) -> dict:
    """GET a URL as JSON, waiting out a 429 as its Retry-After asks."""
    while True:
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 410:
                raise ResyncRequired() from error
            if error.code != 429:
                raise
            time.sleep(int(error.headers.get("Retry-After", "5")))


def load(path: str) -> dict:
    """Return the mirror kept in a file (an empty one the first time)."""
    if not os.path.exists(path):
        return {"cursor": None, "items": {}}
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def save(path: str, mirror: dict) -> None:
    """Write the mirror to a temporary file beside the target, then rename it into place."""
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, encoding="utf-8") as file:
        json.dump(mirror, file, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(file.name, path)


def sync(base_url: str, mirror: dict, fetch: Fetch = fetch_json) -> int:
    """Apply every change after the mirror's cursor to it; return how many were applied."""
    applied, cursor = 0, mirror["cursor"]
    while True:
        query = {"limit": "500", **({"cursor": cursor} if cursor else {})}
        try:
            page = fetch(f"{base_url.rstrip('/')}/api/v1/changes?{urllib.parse.urlencode(query)}")
        except ResyncRequired:
            mirror["items"].clear()
            cursor = None
            continue
        for change in page["data"]:
            key = f"{change['type']}:{change['id']}"
            if change["action"] == "upsert":
                mirror["items"][key] = change["item"]
            elif change["action"] == "delete":
                mirror["items"].pop(key, None)
            else:  # "resync": the catalogue changed in bulk, start again from nothing
                mirror["items"].clear()
                cursor = None
                break
            applied += 1
        else:
            cursor = page["meta"]["next_cursor"]
            if not page["meta"]["more"]:
                mirror["cursor"] = cursor
                return applied


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    base_url, path = argv[1], argv[2]
    mirror = load(path)
    applied = sync(base_url, mirror)
    save(path, mirror)
    print(f"{applied} changes applied; {len(mirror['items'])} items in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
