"""The change log compacted past its retention: every public item still syncs from nothing,
and a cursor or moment older than the retention is told to resync (410)."""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from urllib.parse import quote

from sqlalchemy import func, select

from branding.api.models import ApiChange
from branding.api.retention import compact
from branding.core import jobs
from branding.core.content.publishing import PublicationStatus, utcnow
from branding.extensions import db
from tests.api.test_sync import sync

LATER = timedelta(days=31)  # past the 30 days' retention


def log_size() -> int:
    return db.session.scalar(select(func.count()).select_from(ApiChange))


def test_compaction_keeps_each_public_items_latest_change_and_drops_tombstones(client, make):
    kept, unpublished, deleted = make.destination(), make.destination(), make.destination()
    for n in range(5):  # superseded edits
        kept.name = {"id": f"Nama {n}"}
        db.session.commit()
    public = {("area", d.area.id) for d in (kept, unpublished, deleted)}
    public.add(("destination", kept.id))
    _, old_cursor = sync(client)
    unpublished.status = PublicationStatus.DRAFT
    db.session.commit()
    db.session.delete(deleted)
    db.session.commit()
    _, recent_cursor = sync(client)
    assert log_size() > len(public) + 5

    assert compact(utcnow() + LATER) > 0
    db.session.commit()
    assert log_size() == len(public)  # one row per public item, nothing else
    seen, cursor = sync(client)  # from nothing: every public item, no tombstone
    assert {(k, i) for k, i, _ in seen} == public and {a for _, _, a in seen} == {"upsert"}
    padded = cursor + "=" * (-len(cursor) % 4)
    assert json.loads(base64.urlsafe_b64decode(padded))["gaps"] == []  # compacted ids: no gaps

    gone = client.get(f"/api/v1/changes?cursor={old_cursor}")  # before the removed tombstones
    assert gone.status_code == 410
    assert gone.get_json()["error"]["code"] == "resync_required"
    assert gone.get_json()["error"]["status"] == 410 and gone.mimetype == "application/json"
    assert client.get(f"/api/v1/changes?cursor={recent_cursor}").status_code == 200
    kept.name = {"id": "Baru"}
    db.session.commit()
    assert sync(client, recent_cursor)[0] == [("destination", kept.id, "upsert")]


def test_updated_since_before_the_retention_is_told_to_resync(client, make):
    make.destination()
    long_ago = utcnow()
    make.destination()
    compact(utcnow() + LATER)
    db.session.commit()
    gone = client.get(f"/api/v1/destinations?updated_since={quote(long_ago.isoformat())}")
    assert gone.status_code == 410 and gone.get_json()["error"]["code"] == "resync_required"
    recent = quote((utcnow() + LATER).isoformat())
    assert client.get(f"/api/v1/destinations?updated_since={recent}").status_code == 200


def test_recent_changes_are_kept_whole(client, make):
    item = make.destination()
    item.name = {"id": "Dua"}
    db.session.commit()
    before = log_size()
    assert compact(utcnow()) == 0  # nothing is older than the retention
    assert log_size() == before
    _, cursor = sync(client)
    assert client.get(f"/api/v1/changes?cursor={cursor}").status_code == 200


def test_the_job_runner_compacts_the_log_daily(app, make):
    schedule = jobs.SCHEDULES["api change log compacted"]
    assert (schedule.minutes, schedule.hours) == ("41", "2")
    app.config["API_CHANGES_RETENTION_DAYS"] = 0
    item = make.destination()
    item.name = {"id": "Dua"}
    db.session.commit()
    schedule.run()
    assert db.session.scalars(select(ApiChange.item_type)).all().count("destination") == 1


def test_the_command_compacts_the_log_as_of_a_moment(runner, make):
    item = make.destination()
    item.name = {"id": "Dua"}
    db.session.commit()
    later = (utcnow() + LATER).replace(tzinfo=None).isoformat()
    result = runner.invoke(args=["api", "compact", "--now", later])
    assert result.exit_code == 0 and "1 rows removed" in result.output, result.output
