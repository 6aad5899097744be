"""Syncing a list from a moment: what changed after it, tombstones included, then a cursor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest

from branding.core.content.publishing import PublicationStatus, utcnow
from branding.destinations.models import Destination
from branding.extensions import db


def since(client, plural: str, moment: datetime, limit: int = 2):
    """Fetch every change of a list after a moment, following meta.next_cursor."""
    seen = []
    query = f"updated_since={quote(moment.isoformat())}"
    while True:
        response = client.get(f"/api/v1/{plural}?{query}&limit={limit}")
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        seen += [(c["type"], c["id"], c["action"]) for c in body["data"]]
        query = f"cursor={body['meta']['next_cursor']}"
        if not body["meta"]["more"]:
            return seen, body["meta"]["next_cursor"]


def follow(client, plural: str, cursor: str):
    body = client.get(f"/api/v1/{plural}?cursor={cursor}&limit=100").get_json()
    return [(c["type"], c["id"], c["action"]) for c in body["data"]], body["meta"]["next_cursor"]


def test_updated_since_lists_changes_after_the_moment_with_tombstones(client, make):
    before, unpublished, deleted, edited = (make.destination() for _ in range(4))
    make.event()  # another kind: not in the destinations' list
    before.name = {"id": "Sebelum"}
    db.session.commit()
    moment = utcnow()
    unpublished.status = PublicationStatus.DRAFT
    db.session.commit()
    db.session.delete(deleted)
    db.session.commit()
    edited.name = {"id": "Sesudah", "en": "After"}
    db.session.commit()
    fresh = make.destination()
    draft = make.destination(status=PublicationStatus.DRAFT)  # never public: no trace
    db.session.delete(draft)
    db.session.commit()

    seen, cursor = since(client, "destinations", moment)
    assert seen == [  # in the order they were logged, each once
        ("destination", unpublished.id, "delete"),
        ("destination", deleted.id, "delete"),
        ("destination", edited.id, "upsert"),
        ("destination", fresh.id, "upsert"),
    ]
    assert follow(client, "destinations", cursor) == ([], cursor)  # nothing twice

    before.name = {"id": "Lagi"}
    db.session.commit()
    assert follow(client, "destinations", cursor)[0] == [("destination", before.id, "upsert")]
    body = client.get(f"/api/v1/destinations?updated_since={quote(moment.isoformat())}").get_json()
    item = next(c["item"] for c in body["data"] if c["id"] == edited.id)
    assert item["name"]["en"] == "After" and item["type"] == "TouristAttraction"


def test_a_moment_without_an_offset_is_utc_and_each_list_keeps_its_own_kind(client, make):
    make.destination()
    moment = utcnow()
    event, business = make.event(), make.business()
    naive = moment.replace(tzinfo=None).isoformat()
    events = client.get(f"/api/v1/events?updated_since={naive}").get_json()
    assert [(c["type"], c["id"]) for c in events["data"]] == [("event", event.id)]
    areas = client.get(f"/api/v1/areas?updated_since={naive}").get_json()["data"]
    assert {c["id"] for c in areas} == {business.area.id}  # made with the business
    cursor = events["meta"]["next_cursor"]
    for path in (f"/api/v1/destinations?cursor={cursor}", f"/api/v1/changes?cursor={cursor}"):
        response = client.get(path)  # another list's sync cursor
        assert (
            response.status_code == 400 and response.get_json()["error"]["code"] == "invalid_cursor"
        )


@pytest.mark.parametrize(
    "query",
    [
        "updated_since=yesterday",
        "updated_since=2026-12-01T00:00:00Z&category=waterfall",
        "updated_since=2026-12-01T00:00:00Z&q=kopi",
        "updated_since=0001-01-01T00:00:00Z",
    ],
)
def test_updated_since_takes_a_moment_and_no_filter(client, query):
    response = client.get(f"/api/v1/destinations?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_parameter"


def test_two_transactions_committing_out_of_order_reach_an_updated_since_client(client, make):
    """The first to take a log id commits last: the cursor updated_since gives waits for it."""
    first, second = make.destination(), make.destination()
    moment = utcnow()
    slow, fast = db.session.session_factory(), db.session.session_factory()
    try:
        slow.get(Destination, first.id).name = {"id": "Lambat"}
        slow.flush()  # takes the lower log id, still in flight
        if db.engine.dialect.name == "sqlite":
            slow.commit()  # one writer at a time: the fast one waits its turn (see test_sync)
        fast.get(Destination, second.id).name = {"id": "Cepat"}
        fast.commit()
        seen, cursor = since(client, "destinations", moment)
        if db.engine.dialect.name == "sqlite":
            assert seen == [
                ("destination", first.id, "upsert"),
                ("destination", second.id, "upsert"),
            ]
            assert follow(client, "destinations", cursor)[0] == []
            return
        assert seen == [("destination", second.id, "upsert")]
        seen, cursor = follow(client, "destinations", cursor)
        assert seen == []  # still in flight: the cursor holds its id as a gap
        slow.commit()
        seen, cursor = follow(client, "destinations", cursor)
        assert seen == [("destination", first.id, "upsert")]
        assert follow(client, "destinations", cursor)[0] == []
    finally:
        slow.close()
        fast.close()


def test_a_moment_in_the_future_gives_nothing_yet_and_a_cursor_that_follows(client, make):
    make.destination()
    later = datetime.now(UTC) + timedelta(days=1)
    seen, cursor = since(client, "destinations", later)
    assert seen == []
    item = make.destination()
    assert follow(client, "destinations", cursor)[0] == [("destination", item.id, "upsert")]


@pytest.mark.parametrize("path", ["/api/v1/changes", "/api/v1/products", "/api/v1/events"])
def test_a_sync_answer_of_many_runs_as_many_queries_as_one_of_5(client, make, count_queries, path):
    def fill(count: int) -> None:
        for _ in range(count):
            area = make.area()
            withdrawn = make.event(area=area)  # not the newest: SQLite would reuse its id
            make.photo(make.event(area=area, destination=make.destination(area=area)))
            business = make.business(area=area)
            make.photo(make.product(business))
            db.session.delete(withdrawn)  # a tombstone
            db.session.commit()

    def answer() -> list:
        query = f"updated_since={quote(moment.isoformat())}&limit=100"
        if path.endswith("changes"):
            query = "limit=500"
        return client.get(f"{path}?{query}").get_json()["data"]

    moment = utcnow()
    fill(5)
    with count_queries() as few:
        assert len(answer()) >= 5
    fill(45)
    with count_queries() as many:  # a list reads past the other kinds' changes
        assert len(answer()) >= 50
    # the rate limit, the horizon, the log, per kind its items and their eager loads,
    # the children of changed parents, and which of the gone were ever public
    assert many[0] == few[0] <= 30, f"{path}: {few[0]} then {many[0]} queries"


def test_a_lists_sync_reads_past_other_kinds_and_keeps_to_its_limit(client, make):
    moment = utcnow()
    events = []
    for _ in range(4):
        for _ in range(10):
            make.business()  # changes of another kind in between
        events.append(make.event())
    body = client.get(f"/api/v1/events?updated_since={quote(moment.isoformat())}&limit=3")
    first = body.get_json()
    assert [c["id"] for c in first["data"]] == [e.id for e in events[:3]]
    assert first["meta"]["more"] is True
    rest, _ = follow(client, "events", first["meta"]["next_cursor"])
    assert rest == [("event", events[3].id, "upsert")]
