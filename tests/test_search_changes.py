"""Every kind of change that alters what is searchable reaches the outbox, and then the index.

Each test makes one kind of change through the service the pages use, checks the
outbox row it wrote for the right item, applies the log and searches.
"""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.destinations.editing import delete_destination
from branding.events.editing import delete_event
from branding.extensions import db
from branding.media import services as photos
from branding.moderation import services as moderation
from branding.search.models import SearchOutbox
from tests import search_fixtures
from tests.search_fixtures import found, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture

PENDING = ModerationStatus.PENDING


def rows() -> set[tuple[str, int]]:
    return {
        tuple(r) for r in db.session.execute(select(SearchOutbox.item_type, SearchOutbox.item_id))
    }


@pytest.fixture
def editor(make):
    return make.user(role=Role.EDITOR)


@pytest.fixture
def fresh(indexed):
    """Apply everything so far and empty the log, so a test sees only its own rows."""

    def start() -> None:
        indexed()
        db.session.execute(delete(SearchOutbox))
        db.session.commit()

    return start


def test_adding_a_photo_with_an_alt_text(app, make, fresh, indexed):
    place = make.destination(slug="bukit", name={"id": "Bukit Indah"})
    fresh()
    make.photo(place, alt={"id": "Kabut pagi di lembah", "en": "Morning mist"})
    assert ("destination", place.id) in rows()
    indexed()
    assert found(search(app, "kabut")) == [("destination", "bukit")]


def test_changing_an_alt_text(app, make, fresh, indexed, editor):
    place = make.destination(slug="bukit", name={"id": "Bukit Indah"})
    photo = make.photo(place, alt={"id": "Kabut pagi"})
    fresh()
    photos.describe_photo(editor, photo, {"id": "Pelangi sore"}, {})
    assert rows() == {("destination", place.id)}
    indexed()
    assert found(search(app, "pelangi")) == [("destination", "bukit")]
    assert found(search(app, "kabut")) == []


def test_deleting_an_items_last_photo(app, make, fresh, indexed, editor):
    place = make.destination(slug="bukit", name={"id": "Bukit Indah"})
    photo = make.photo(place, alt={"id": "Kabut pagi"})
    indexed()
    assert found(search(app, "kabut")) == [("destination", "bukit")]
    fresh()
    photos.delete_photo(editor, place, photo)
    assert rows() == {("destination", place.id)}
    indexed()
    assert found(search(app, "kabut")) == []


def test_deleting_one_photo_of_several(app, make, fresh, indexed, editor):
    shop = make.business(slug="kedai", name="Kedai Julu")
    item = make.product(shop, name={"id": "Kopi Bubuk"})
    kept = make.photo(item, alt={"id": "Bungkus kertas"})
    gone = make.photo(item, alt={"id": "Cangkir keramik"})
    fresh()
    photos.delete_photo(editor, item, gone)
    assert ("product", item.id) in rows()
    indexed()
    assert found(search(app, "keramik")) == []
    assert found(search(app, "kertas")) == [("product", "Kopi Bubuk")] and kept.id


def test_approving_an_owners_photo(app, make, fresh, indexed, editor):
    shop = make.business(slug="kedai", name="Kedai Julu")
    photo = make.photo(shop, alt={"id": "Etalase kayu"}, approved=False)
    indexed()
    assert found(search(app, "etalase")) == []  # waiting photos are not searchable
    fresh()
    photos.approve_photo(editor, photo)
    assert rows() == {("business", shop.id)}
    indexed()
    assert found(search(app, "etalase")) == [("business", "kedai")]


def test_renaming_an_area(app, make, fresh, indexed, editor):
    area = make.area(name={"id": "Kecamatan Lama"})
    place = make.destination(slug="di-sini", area=area)
    shop = make.business(slug="toko", area=area)
    make.product(shop, name={"id": "Gula Aren"})
    fresh()
    area.name = {"id": "Kecamatan Sukaramai"}  # as the area form saves it
    db.session.commit()
    assert rows() == {("area", area.id)}
    indexed()
    assert set(found(search(app, "sukaramai"))) == {
        ("destination", place.slug),
        ("business", shop.slug),
        ("product", "Gula Aren"),
    }


def test_approving_a_business_brings_its_products(app, make, fresh, indexed, editor):
    shop = make.business(slug="baru", name="Kedai Baru", status=PENDING)
    make.product(shop, name={"id": "Andaliman Kering"})
    fresh()
    assert found(search(app, "andaliman")) == []
    moderation.approve(editor, shop)
    assert ("business", shop.id) in rows()
    indexed()
    assert found(search(app, "andaliman")) == [("product", "Andaliman Kering")]


def test_approving_a_product(app, make, fresh, indexed, editor):
    shop = make.business(slug="lama", name="Kedai Lama")
    item = make.product(shop, name={"id": "Madu Hutan"}, status=PENDING)
    fresh()
    moderation.approve(editor, item)
    assert rows() == {("product", item.id)}
    indexed()
    assert found(search(app, "madu")) == [("product", "Madu Hutan")]


def test_suspending_and_reinstating_a_business(app, make, fresh, indexed, editor):
    shop = make.business(slug="kedai", name="Kedai Andaliman")
    make.product(shop, name={"id": "Sambal Andaliman"})
    fresh()
    moderation.suspend(editor, shop, "Foto menyesatkan")
    indexed()
    assert found(search(app, "andaliman")) == []
    moderation.reinstate(editor, shop)
    indexed()
    assert len(found(search(app, "andaliman"))) == 2


def test_editing_a_destination(app, make, fresh, indexed, editor):
    place = make.destination(slug="danau", name={"id": "Danau Biru"})
    fresh()
    place.summary = {"id": "Airnya sejuk dan tenang."}
    db.session.commit()
    assert rows() == {("destination", place.id)}
    indexed()
    assert found(search(app, "sejuk")) == [("destination", "danau")]


def test_withdrawing_a_destination(app, make, fresh, indexed, editor):
    place = make.destination(slug="danau", name={"id": "Danau Biru"})
    fresh()
    place.status = PublicationStatus.DRAFT
    db.session.commit()
    indexed()
    assert found(search(app, "biru")) == []


def test_deleting_a_destination_and_an_event(app, make, fresh, indexed, editor):
    place = make.destination(slug="danau", name={"id": "Danau Biru"})
    party = make.event(slug="pesta", title={"id": "Pesta Danau"})
    make.photo(party, alt={"id": "Perahu hias"})
    fresh()
    delete_destination(editor, place)
    delete_event(editor, party)
    assert {("destination", place.id), ("event", party.id)} <= rows()
    indexed()
    assert found(search(app, "danau")) == [] and found(search(app, "perahu")) == []


def test_deleting_a_business_takes_its_products(app, make, fresh, indexed):
    shop = make.business(slug="kedai", name="Kedai Tutup")
    item = make.product(shop, name={"id": "Kopi Tutup"})
    fresh()
    db.session.delete(shop)
    db.session.commit()
    assert {("business", shop.id), ("product", item.id)} <= rows()
    indexed()
    assert found(search(app, "tutup")) == []
