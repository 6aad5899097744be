"""Syncing from the changes feed: nothing missed, nothing repeated, tombstones for what went."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from branding.businesses.models import ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination
from branding.extensions import db


def sync(client, cursor: str | None = None) -> tuple[list[tuple[str, int, str]], str]:
    """Fetch every change after a cursor, as a client would; return them and the new cursor."""
    seen = []
    while True:
        query = f"?cursor={cursor}&limit=3" if cursor else "?limit=3"
        body = client.get(f"/api/v1/changes{query}").get_json()
        seen += [(c["type"], c["id"], c["action"]) for c in body["data"]]
        cursor = body["meta"]["next_cursor"]
        if not body["meta"]["more"]:
            return seen, cursor


def test_a_first_sync_gets_every_public_item_and_a_second_nothing(client, make):
    business = make.business()
    product = make.product(business)
    destination = make.destination(area=business.area)
    draft = make.destination(status=PublicationStatus.DRAFT)
    seen, cursor = sync(client)
    upserts = {(kind, item_id) for kind, item_id, action in seen if action == "upsert"}
    assert {("business", business.id), ("product", product.id)} <= upserts
    assert ("destination", destination.id) in upserts and ("area", business.area.id) in upserts
    assert all(item_id != draft.id or kind != "destination" for kind, item_id, _ in seen)
    assert len(seen) == len(set((k, i) for k, i, _ in seen))  # each item once
    assert sync(client, cursor)[0] == []


def test_an_unpublish_a_delete_and_a_suspension_arrive_as_tombstones(client, make):
    kept, unpublished, deleted = make.destination(), make.destination(), make.destination()
    business = make.business()
    product = make.product(business)
    _, cursor = sync(client)

    unpublished.status = PublicationStatus.DRAFT
    db.session.commit()
    db.session.delete(deleted)
    db.session.commit()
    business.status = ModerationStatus.SUSPENDED
    db.session.commit()
    kept.name = {"id": "Nama baru", "en": "New name"}
    db.session.commit()

    seen, cursor = sync(client, cursor)
    assert seen == [
        ("destination", unpublished.id, "delete"),
        ("destination", deleted.id, "delete"),
        ("business", business.id, "delete"),
        ("product", product.id, "delete"),  # hidden with its business
        ("destination", kept.id, "upsert"),
    ]
    body = client.get(f"/api/v1/changes?cursor={cursor}").get_json()
    assert body["data"] == [] and body["meta"]["next_cursor"] == cursor


def test_only_items_that_were_once_public_get_a_tombstone(client, make):
    """A draft deleted or edited before it was published leaves no trace: not even its id."""
    _, cursor = sync(client)
    draft, shown = make.destination(status=PublicationStatus.DRAFT), make.destination()
    pending = make.business(status=ModerationStatus.PENDING)
    waiting = make.product(pending)  # approved itself, hidden while its business waits
    seen, cursor = sync(client, cursor)
    assert ("destination", draft.id) not in {(k, i) for k, i, _ in seen}
    hidden = {("business", pending.id), ("product", waiting.id)}
    assert hidden.isdisjoint((k, i) for k, i, _ in seen)

    draft.name = {"id": "Masih draf"}
    shown.status = PublicationStatus.DRAFT
    db.session.commit()
    db.session.delete(draft)
    db.session.delete(waiting)
    db.session.commit()
    seen, cursor = sync(client, cursor)
    assert seen == [("destination", shown.id, "delete")]  # seen once, so it gets one
    everything, _ = sync(client)  # from the start: the draft's rows are there, unsent
    assert ("destination", draft.id) not in {(k, i) for k, i, _ in everything}
    assert ("product", waiting.id) not in {(k, i) for k, i, _ in everything}

    approved = make.business(status=ModerationStatus.PENDING)
    product = make.product(approved)
    approved.status = ModerationStatus.APPROVED  # its product becomes public with it
    db.session.commit()
    seen, cursor = sync(client, cursor)
    assert ("product", product.id, "upsert") in seen
    approved.status = ModerationStatus.SUSPENDED
    db.session.commit()
    seen, _ = sync(client, cursor)
    assert seen == [("business", approved.id, "delete"), ("product", product.id, "delete")]


def test_a_change_shows_its_new_state_once(client, make):
    item = make.destination()
    _, cursor = sync(client)
    item.name = {"id": "Sekali", "en": "Once"}
    db.session.commit()
    item.name = {"id": "Dua kali", "en": "Twice"}
    db.session.commit()
    body = client.get(f"/api/v1/changes?cursor={cursor}&language=en").get_json()
    assert [c["item"]["name"] for c in body["data"]] == [{"value": "Twice", "language": "en"}]


def test_a_change_rolled_back_leaves_nothing_to_sync(client, make):
    item = make.destination()
    _, cursor = sync(client)
    item.name = {"id": "Batal"}
    db.session.flush()
    db.session.rollback()
    assert sync(client, cursor)[0] == []


def test_two_transactions_committing_out_of_order_are_both_synced(app, client, make):
    """The first to take a log id commits last: its change must still reach the client."""
    first, second = make.destination(), make.destination()
    _, cursor = sync(client)
    slow, fast = db.session.session_factory(), db.session.session_factory()
    try:
        slow.get(Destination, first.id).name = {"id": "Lambat"}
        slow.flush()  # takes the lower log id, still in flight
        if db.engine.dialect.name == "sqlite":
            # SQLite has one writer at a time: the slow one holds the lock until it commits,
            # so log ids commit in their order; the fast one waits its turn.
            slow.commit()
        fast.get(Destination, second.id).name = {"id": "Cepat"}
        fast.commit()
        seen, cursor = sync(client, cursor)
        if db.engine.dialect.name == "sqlite":
            assert seen == [
                ("destination", first.id, "upsert"),
                ("destination", second.id, "upsert"),
            ]
            return
        assert seen == [("destination", second.id, "upsert")]
        assert sync(client, cursor)[0] == []  # the slow one is still in flight: it waits
        slow.commit()
        seen, cursor = sync(client, cursor)
        assert seen == [("destination", first.id, "upsert")]
        assert sync(client, cursor)[0] == []
    finally:
        slow.close()
        fast.close()


@pytest.mark.parametrize(
    "cursor", ["bm90IGpzb24", "eyJoaWdoIjotMX0", "eyJoaWdoIjoxLCJnYXBzIjpbWzFdXX0"]
)
def test_a_forged_cursor_is_a_400(client, cursor):
    response = client.get(f"/api/v1/changes?cursor={cursor}")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_cursor"


def test_a_venue_withdrawn_changes_the_events_it_hosts(client, make):
    venue = make.destination(latitude=2.5, longitude=98.3)
    event = make.event(destination=venue)
    _, cursor = sync(client)
    venue.status = PublicationStatus.DRAFT
    db.session.commit()
    body = client.get(f"/api/v1/changes?cursor={cursor}").get_json()
    assert [(c["type"], c["id"], c["action"]) for c in body["data"]] == [
        ("destination", venue.id, "delete"),
        ("event", event.id, "upsert"),
    ]
    location = body["data"][1]["item"]["location"]
    assert location["destination"] is None and location["geo"] is None  # nothing of the draft


def test_items_a_bulk_statement_publishes_get_their_tombstone_later(client, make):
    draft = make.destination(status=PublicationStatus.DRAFT)
    _, cursor = sync(client)
    db.session.execute(
        update(Destination).where(Destination.id == draft.id).values(status="published")
    )
    db.session.commit()
    seen, cursor = sync(client, cursor)
    assert ("all", 0, "resync") in seen
    db.session.delete(db.session.get(Destination, draft.id))
    db.session.commit()
    seen, _ = sync(client, cursor)
    assert seen == [("destination", draft.id, "delete")]  # public once: a client may hold it
