"""Files of photos that are not public yet reach only staff and their owner."""

from __future__ import annotations

import io

from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.extensions import db
from branding.media.models import Photo
from tests.accounts_helpers import login
from tests.media.photo_files import photo_bytes


def _upload(client, url: str) -> Photo:
    data = {"photos": [(io.BytesIO(photo_bytes((800, 600))), "shop.jpg")]}
    response = client.post(url, data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.text
    return db.session.scalars(db.select(Photo).order_by(Photo.id.desc())).first()


def _fetch(app, who, url: str):
    client = app.test_client()
    if who is not None:
        login(client, who)
    with client.get(url) as response:
        return response.status_code, response.headers.get("Cache-Control", "")


def test_a_waiting_owner_photo_reaches_only_its_owner_and_staff(app, client, make):
    owner, other = make.user(Role.OWNER), make.user(Role.OWNER)
    editor = make.user(Role.EDITOR)
    business = make.business(owner=owner)
    login(client, owner)
    photo = _upload(client, f"/en/my/businesses/{business.id}/photos")
    assert not photo.approved
    for url in (photo.url(640, "webp"), photo.url(320, "jpg")):
        assert _fetch(app, None, url)[0] == 404
        assert _fetch(app, other, url)[0] == 404
        for allowed in (owner, editor):
            status, cache = _fetch(app, allowed, url)
            assert status == 200 and "no-store" in cache and "private" in cache
            assert "public" not in cache and "immutable" not in cache
    editor_client = app.test_client()
    login(editor_client, editor)
    editor_client.post(f"/en/office/moderation/photos/{photo.id}/approve")
    status, cache = _fetch(app, None, photo.url(640, "webp"))
    assert status == 200 and "public" in cache and "immutable" in cache


def test_photos_of_a_draft_reach_only_staff(app, client, make):
    editor = make.user(Role.EDITOR)
    destination = make.destination(status=PublicationStatus.DRAFT)
    login(client, editor)
    photo = _upload(client, f"/en/office/destinations/{destination.id}/photos")
    assert photo.approved
    assert _fetch(app, None, photo.url(640, "jpg"))[0] == 404
    assert _fetch(app, make.user(Role.OWNER), photo.url(640, "jpg"))[0] == 404
    assert _fetch(app, editor, photo.url(640, "jpg"))[0] == 200
    client.post(f"/en/office/destinations/{destination.id}/publish")
    assert _fetch(app, None, photo.url(640, "jpg"))[0] == 200


def test_photos_of_a_pending_product_reach_its_owner_not_visitors(app, client, make):
    owner = make.user(Role.OWNER)
    business = make.business(owner=owner)
    product = make.product(business, status=ModerationStatus.PENDING)
    login(client, owner)
    photo = _upload(client, f"/en/my/businesses/{business.id}/products/{product.id}/photos")
    assert _fetch(app, None, photo.url(640, "jpg"))[0] == 404
    assert _fetch(app, owner, photo.url(640, "jpg"))[0] == 200


def test_a_file_no_photo_names_is_not_served(app, client, make):
    destination = make.destination()
    photo = make.photo(destination)
    assert _fetch(app, None, photo.url(640, "jpg"))[0] == 404  # a row, but no such file
    assert _fetch(app, None, "/media/" + photo.file_name(999, "jpg"))[0] == 404
    assert _fetch(app, None, "/media/photos/ab/" + "ab" * 12 + "-640.jpg")[0] == 404
