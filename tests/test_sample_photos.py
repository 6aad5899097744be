"""The sample content's illustrations: drawn, put through the photo pipeline, shown on pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import select

from branding.businesses.models import Business, ModerationStatus, Product
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.media.models import Photo
from pakpak_sample.illustrations import SCENES, SQUARE, illustration, illustration_bytes
from pakpak_sample.photos import PRODUCT_WORDS, product_scene
from pakpak_sample.products_goods import GOODS
from pakpak_sample.products_services import SERVICES
from tests.test_pages import _public_paths


@pytest.fixture(scope="module")
def sample(sample_site) -> tuple[Flask, str]:
    """The app with the sample data and its photos (shared: these tests only read it)."""
    assert sample_site.setup_exit_code == 0, sample_site.setup_output
    return sample_site.app, sample_site.summary


@pytest.fixture
def ctx(sample: tuple[Flask, str]) -> Iterator[Flask]:
    """The sample app, in an app context for the test."""
    app, _ = sample
    with app.app_context():
        yield app
        db.session.remove()


def _public_items() -> list:
    published, approved = PublicationStatus.PUBLISHED, ModerationStatus.APPROVED
    queries = (
        select(Destination).where(Destination.status == published),
        select(Event).where(Event.status == published),
        select(Business).where(Business.status == approved),
        select(Product).where(Product.status == approved),
    )
    return [item for query in queries for item in db.session.scalars(query)]


def test_every_public_sample_item_has_a_sample_cover(ctx):
    items = _public_items()
    assert len(items) > 50
    for item in items:
        assert item.cover is not None and item.cover.is_sample, item
        assert item.cover.approved, item
    for model in (Destination, Business):
        for item in db.session.scalars(select(model)):
            assert 2 <= len(item.gallery) <= 3, item
    for event in db.session.scalars(select(Event)):
        assert len(event.gallery) == 1, event


def test_every_photo_has_all_its_rendition_files(ctx, sample):
    photos = db.session.scalars(select(Photo)).all()
    assert sample[1].endswith(f", {len(photos)} photos")
    root = Path(ctx.config["MEDIA_ROOT"])
    for photo in photos:
        assert photo.widths and photo.widths[-1] == photo.width
        for name in photo.file_names():
            assert (root / name).is_file(), name
    landscape = {(p.width, p.height) for p in photos if p.product_id is None}
    assert landscape == {(1600, 1000)}
    assert {(p.width, p.height) for p in photos if p.product_id} == {SQUARE}


def test_alt_texts_are_indonesian_and_english_illustrations_only(ctx):
    for photo in db.session.scalars(select(Photo)):
        assert set(photo.alt) == {"id", "en"}, photo.alt  # never Pakpak made up by us
        assert photo.alt["id"].startswith("Ilustrasi: "), photo.alt
        assert photo.alt["en"].startswith("Illustration: "), photo.alt
        assert not photo.caption


def test_destination_page_shows_the_illustrations(ctx):
    destination = db.session.scalars(
        select(Destination).where(Destination.slug == "air-terjun-lae-une")
    ).one()
    cover, second = destination.gallery[:2]
    client = ctx.test_client()
    page = client.get(f"/en/destinations/{destination.slug}").text
    assert "<picture" in page and 'type="image/webp"' in page
    assert cover.url(640, "webp") in page and second.url(640, "webp") in page
    assert f'alt="{cover.alt["en"]}"' in page
    assert "Sample illustration" in page
    indonesian = client.get(f"/id/destinations/{destination.slug}").text
    assert f'alt="{cover.alt["id"]}"' in indonesian
    served = client.get(cover.url(320, "jpg"))
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    served.close()
    listing = client.get("/en/destinations/").text
    assert cover.url(320, "webp") in listing


def test_illustrations_are_deterministic_and_differ_by_seed():
    first = illustration_bytes("waterfall", "air-terjun-lae-une")
    assert first == illustration_bytes("waterfall", "air-terjun-lae-une")
    assert first != illustration_bytes("waterfall", "air-terjun-lae-pagindar")
    assert first != illustration_bytes("lake", "air-terjun-lae-une")
    assert Image.open(io.BytesIO(first)).size == (1600, 1000)


def test_every_scene_draws_in_both_shapes_with_an_alt_text():
    for name, scene in SCENES.items():
        assert scene.alt["id"].startswith("Ilustrasi: ") and scene.alt["en"], name
        for size in ((320, 200), (200, 200)):
            assert illustration(name, "seed", size).size == size


def test_every_sample_product_has_a_picture_of_its_own_kind():
    names = [product["name"]["en"] for items in (GOODS | SERVICES).values() for product in items]
    used = {product_scene(Product(name={"en": name}), ("none",)) for name in names}
    assert "none" not in used
    assert {scene for _, scene in PRODUCT_WORDS} <= set(SCENES)


@pytest.mark.parametrize("lang", ["id", "en", "btd"])
def test_every_public_page_renders_with_the_illustrations(ctx, lang):
    client = ctx.test_client()
    pictures = 0
    for path in _public_paths():
        response = client.get(f"/{lang}{path}")
        assert response.status_code == 200, path
        pictures += response.text.count("<picture")
    assert pictures > 100
