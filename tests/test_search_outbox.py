"""Every change writes an outbox row in its own transaction; the indexer drains them."""

from flask import Flask
from sqlalchemy import delete, select, update

from branding.businesses.models import ModerationStatus, Product
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination
from branding.extensions import db
from branding.media.models import Photo
from branding.search import indexer, outbox, storage
from branding.search.check import check
from branding.search.indexer import drain
from branding.search.models import SearchOutbox
from tests import search_fixtures
from tests.search_fixtures import found, indexed_keys, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture


def rows() -> list[tuple[str, int]]:
    query = select(SearchOutbox.item_type, SearchOutbox.item_id).order_by(SearchOutbox.id)
    return [tuple(row) for row in db.session.execute(query)]


def test_creating_content_writes_outbox_rows_in_the_same_transaction(make):
    area = make.area()
    place = make.destination(area=area)
    assert ("area", area.id) in rows() and ("destination", place.id) in rows()


def test_a_rolled_back_change_leaves_no_row(make):
    place = make.destination()
    db.session.execute(db.delete(SearchOutbox))
    db.session.commit()
    place.name = {"id": "Nama Baru"}
    db.session.flush()
    assert rows() == [("destination", place.id)]
    db.session.rollback()
    assert rows() == []


def test_changes_deletions_and_status_changes_write_rows(make):
    place = make.destination()
    shop = make.business()
    item = make.product(shop)
    db.session.execute(db.delete(SearchOutbox))
    db.session.commit()
    place.status = PublicationStatus.DRAFT
    item.price_min = 30000
    db.session.delete(shop)  # its products go with it
    db.session.commit()
    assert set(rows()) == {("destination", place.id), ("business", shop.id), ("product", item.id)}


def test_reading_content_writes_nothing(make, client):
    place = make.destination()
    db.session.execute(db.delete(SearchOutbox))
    db.session.commit()
    assert client.get(f"/id/destinations/{place.slug}").status_code == 200
    assert db.session.get(Destination, place.id).name  # load, touch nothing
    db.session.commit()
    assert rows() == []


def test_a_photo_change_reaches_its_item(app, make, indexed):
    place = make.destination(slug="bukit", name={"id": "Bukit Indah"})
    db.session.add(
        Photo(storage_key="k1", width=10, height=10, widths=[10], destination_id=place.id)
    )
    db.session.commit()
    indexed()
    photo = db.session.scalar(select(Photo))
    photo.alt = {"id": "Matahari terbenam di bukit", "en": "Sunset on the hill"}
    db.session.commit()
    assert ("destination", place.id) in rows()
    indexed()
    assert found(search(app, "sunset", "en")) == [("destination", place.slug)]


def test_renaming_an_area_reindexes_its_items(app, make, indexed):
    area = make.area(name={"id": "Kecamatan Lama"})
    place = make.destination(slug="di-area", area=area)
    indexed()
    area.name = {"id": "Kecamatan Sukaramai"}
    db.session.commit()
    indexed()
    assert found(search(app, "sukaramai")) == [("destination", place.slug)]


def test_a_bulk_update_asks_for_a_full_reconcile(app, make, indexed):
    place = make.destination(slug="massal", name={"id": "Danau Biru"})
    indexed()
    other = make.destination(slug="lain", name={"id": "Danau Lain"})
    db.session.execute(delete(SearchOutbox))
    db.session.commit()
    db.session.execute(update(Destination).where(Destination.id == place.id).values(status="draft"))
    other.name = {"id": "Danau Hijau"}  # and an ordinary change in the same batch
    db.session.commit()
    assert set(rows()) == {("all", 0), ("destination", other.id)}
    indexed()
    assert check().clean  # reconciled once: nothing missing, nothing twice
    assert found(search(app, "danau")) == [("destination", other.slug)]
    db.session.execute(
        update(Destination).where(Destination.id == place.id).values(status="published")
    )
    db.session.commit()
    indexed()
    assert len(found(search(app, "danau"))) == 2


def test_a_business_change_reaches_its_products(app, make, indexed):
    shop = make.business(name="Kedai Pinggir")
    make.product(shop, name={"id": "Kopi Tubruk"})
    indexed()
    shop.name = "Kedai Tengah"
    db.session.commit()
    indexed()
    assert len(found(search(app, "tengah"))) == 2  # the shop and its product
    shop.status = ModerationStatus.SUSPENDED
    db.session.commit()
    indexed()
    assert found(search(app, "tubruk")) == []


def test_draining_is_idempotent_and_empties_the_outbox(app, make, index_dir):
    make.destination()
    make.product(make.business())
    pending = rows()
    assert drain().rows == len(pending)
    first = indexed_keys(index_dir)
    assert indexer.backlog() == 0
    outbox.write_rows(db.session(), pending)  # the same changes again
    db.session.commit()
    drain()
    assert indexed_keys(index_dir) == first and check().clean


def test_a_locked_index_leaves_the_rows_for_later(make, index_dir):
    make.destination()
    with storage.writer(index_dir, timeout=1):  # another indexer is writing
        report = drain(timeout=0.2)
    assert report.busy and indexer.backlog() > 0
    assert drain().rows > 0 and indexer.backlog() == 0


def test_no_index_leaves_the_rows_for_later(app, make, tmp_path):
    app.config["SEARCH_INDEX_DIR"] = str(tmp_path / "none")
    make.destination()
    assert drain().missing and indexer.backlog() > 0


def test_the_indexer_runs_after_a_request_that_changed_content(app: Flask, make, index_dir):
    place = make.destination(slug="akan-terbit", name={"id": "Danau Sunyi"}, status="draft")

    @app.post("/test/publish/<int:place_id>")
    def publish(place_id: int):
        db.session.get(Destination, place_id).status = PublicationStatus.PUBLISHED
        db.session.commit()
        return "ok"

    drain()
    response = app.test_client().post(f"/test/publish/{place.id}")
    response.close()  # the server closes the response once it is sent
    assert indexer.backlog() == 0
    assert found(search(app, "sunyi")) == [("destination", place.slug)]


def test_a_request_that_changed_nothing_does_not_drain(app, make, index_dir, client, monkeypatch):
    make.destination()
    calls = []
    monkeypatch.setattr("branding.search.drain_quietly", lambda app: calls.append(app))
    client.get("/id/").close()
    assert calls == []


def test_deleted_products_leave_the_index(app, make, indexed):
    shop = make.business(name="Kedai Anyaman")
    item = make.product(shop, name={"id": "Tikar Pandan"})
    indexed()
    db.session.delete(db.session.get(Product, item.id))
    db.session.commit()
    indexed()
    assert found(search(app, "pandan")) == []
