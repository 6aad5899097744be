"""The example sync client in docs/: a first run mirrors everything, a second only changes."""

from __future__ import annotations

import importlib.util
from datetime import timedelta
from pathlib import Path

from branding.api.retention import compact
from branding.core.content.publishing import PublicationStatus, utcnow
from branding.extensions import db

SCRIPT = Path(__file__).parents[2] / "docs" / "sync_client.py"


def _client_module():
    spec = importlib.util.spec_from_file_location("sync_client", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_twice_the_client_fetches_only_what_changed(client, make, tmp_path):
    sync_client = _client_module()
    asked: list[str] = []

    def fetch(url: str) -> dict:
        asked.append(url)
        response = client.get(url.removeprefix("http://localhost"))
        if response.status_code == 410:
            raise sync_client.ResyncRequired()
        assert response.status_code == 200
        return response.get_json()

    kept, withdrawn = make.destination(), make.destination()
    path = tmp_path / "catalogue.json"
    mirror = sync_client.load(str(path))
    first = sync_client.sync("http://localhost", mirror, fetch)
    sync_client.save(str(path), mirror)
    assert first >= 3 and f"destination:{withdrawn.id}" in mirror["items"]

    withdrawn.status = PublicationStatus.DRAFT
    kept.name = {"id": "Nama baru"}
    db.session.commit()
    mirror = sync_client.load(str(path))
    assert sync_client.sync("http://localhost", mirror, fetch) == 2
    assert f"destination:{withdrawn.id}" not in mirror["items"]
    assert mirror["items"][f"destination:{kept.id}"]["name"]["id"] == "Nama baru"
    assert "cursor=" in asked[-1]
    assert sync_client.sync("http://localhost", mirror, fetch) == 0

    # Past the retention, with a tombstone compacted away: the old cursor is refused, and
    # the client starts again from nothing, dropping what it can no longer be told about.
    gone = make.destination()
    assert sync_client.sync("http://localhost", mirror, fetch) == 2  # it and its new area
    old = dict(mirror, items=dict(mirror["items"]))
    db.session.delete(gone)
    db.session.commit()
    compact(utcnow() + timedelta(days=31))
    db.session.commit()
    sync_client.sync("http://localhost", old, fetch)
    assert f"destination:{gone.id}" not in old["items"]
    assert f"destination:{kept.id}" in old["items"]
