"""Photo pages in the back office and the UMKM self-service, and photos on public pages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.extensions import db
from branding.media import services
from branding.media.models import Photo
from branding.media.services import Upload, add_photos
from tests.accounts_helpers import PASSWORD, login
from tests.media.photo_files import photo_bytes
from tests.test_csrf import _token


def _upload(client, url: str, *files: tuple[bytes, str], **fields):
    data = {"photos": [(io.BytesIO(content), name) for content, name in files], **fields}
    return client.post(url, data=data, content_type="multipart/form-data")


def test_editor_uploads_a_photo_and_visitors_see_it(app, client, make):
    editor = make.user(role=Role.EDITOR)
    destination = make.destination()
    login(client, editor)
    url = f"/en/office/destinations/{destination.id}/photos"
    response = _upload(client, url, (photo_bytes((3000, 2000)), "lake.jpg"), alt_en="The lake")
    assert response.status_code == 302, response.text
    photo = db.session.scalars(db.select(Photo)).one()
    assert photo.widths == [320, 640, 1024, 1600] and (photo.width, photo.height) == (1600, 1067)
    page = client.get(f"/en/destinations/{destination.slug}").text
    assert 'type="image/webp"' in page and photo.url(640, "webp") in page
    assert 'alt="The lake"' in page and 'width="1600" height="1067"' in page
    served = client.get(photo.url(640, "webp"))
    assert served.status_code == 200 and served.mimetype == "image/webp"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in served.headers["Cache-Control"]
    served.close()


def _files(app) -> set[str]:
    root = Path(app.config["MEDIA_ROOT"])
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _add(item, *sizes, **options) -> list[Photo]:
    uploads = [Upload(f"p{n}.jpg", io.BytesIO(photo_bytes(size))) for n, size in enumerate(sizes)]
    return add_photos(None, item, uploads, **options)


def test_cover_order_and_deletion_in_the_back_office(app, client, make):
    editor = make.user(role=Role.EDITOR)
    destination = make.destination()
    first, second, third = _add(destination, (700, 500), (700, 500), (700, 500))
    login(client, editor)
    base = f"/en/office/destinations/{destination.id}/photos"
    assert client.post(f"{base}/{third.id}/cover").status_code == 302
    assert [p.id for p in _reloaded(destination).photos] == [third.id, first.id, second.id]
    client.post(f"{base}/{first.id}/move/down")
    assert [p.id for p in _reloaded(destination).photos] == [third.id, second.id, first.id]
    page = client.get(f"/en/destinations/{destination.slug}").text
    assert page.index(third.url(640, "webp")) < page.index(second.url(640, "webp"))
    names = set(third.file_names())
    assert names and names <= _files(app)
    assert client.post(f"{base}/{third.id}/delete").status_code == 302
    assert not names & _files(app)
    assert [p.id for p in _reloaded(destination).photos] == [second.id, first.id]
    assert [p.position for p in _reloaded(destination).photos] == [0, 1]


def test_texts_are_saved_per_language(client, make):
    login(client, make.user(role=Role.EDITOR))
    event = make.event()
    (photo,) = _add(event, (700, 500))
    url = f"/en/office/events/{event.id}/photos/{photo.id}"
    client.post(url, data={f"p{photo.id}-alt_id": "Tarian", f"p{photo.id}-alt_en": "A dance"})
    alt = _reloaded_photo(photo).alt
    assert (alt.get("id"), alt.get("en"), alt.get("btd") or "") == ("Tarian", "A dance", "")
    assert 'alt="Tarian"' in client.get(f"/id/events/{event.slug}").text


def test_a_photo_of_another_item_is_not_found(client, make):
    login(client, make.user(role=Role.EDITOR))
    mine, other = make.destination(), make.destination()
    (photo,) = _add(other, (400, 300))
    response = client.post(f"/en/office/destinations/{mine.id}/photos/{photo.id}/delete")
    assert response.status_code == 404
    assert _reloaded(other).photos


def test_an_owners_photo_waits_for_the_office(app, client, make):
    owner = make.user(role=Role.OWNER)
    business = make.business(owner=owner)
    login(client, owner)
    url = f"/en/my/businesses/{business.id}/photos"
    assert _upload(client, url, (photo_bytes(), "shop.jpg")).status_code == 302
    photo = _reloaded(business).photos[0]
    assert not photo.approved
    public = client.get(f"/en/businesses/{business.slug}").text
    assert photo.url(640, "webp") not in public
    preview = client.get(f"/en/my/businesses/{business.id}/preview").text
    assert photo.url(640, "webp") in preview and "Waiting for review" in preview
    editor = app.test_client()
    login(editor, make.user(role=Role.EDITOR))
    queue = editor.get("/en/office/moderation/").text
    assert photo.url(320, "webp") in queue
    editor.post(f"/en/office/moderation/photos/{photo.id}/approve")
    assert photo.url(640, "webp") in client.get(f"/en/businesses/{business.slug}").text


def test_changing_an_approved_photos_texts_sends_it_back_to_review(client, make):
    owner = make.user(role=Role.OWNER)
    business = make.business(owner=owner)
    (photo,) = _add(business, (500, 400), approved=True)
    login(client, owner)
    url = f"/en/my/businesses/{business.id}/photos/{photo.id}"
    client.post(url, data={f"p{photo.id}-alt_en": "Our shop"})
    assert not _reloaded_photo(photo).approved


def test_approving_a_listing_approves_its_photos(client, make):
    owner = make.user(role=Role.OWNER)
    business = make.business(owner=owner, status=ModerationStatus.PENDING)
    product = make.product(business, status=ModerationStatus.PENDING)
    _add(business, (500, 400), approved=False)
    _add(product, (500, 400), approved=False)
    login(client, make.user(role=Role.EDITOR))
    assert "No photo is waiting for review." in client.get("/en/office/moderation/").text
    client.post(f"/en/office/moderation/businesses/{business.id}/approve")
    client.post(f"/en/office/moderation/products/{product.id}/approve")
    assert _reloaded(business).cover is not None and _reloaded(business).cover.approved
    page = client.get(f"/en/businesses/{business.slug}").text
    assert _reloaded(product).cover.url(320, "webp") in page


def test_an_editor_deletes_an_unsuitable_photo(app, client, make):
    business = make.business()
    (photo,) = _add(business, (500, 400), approved=False)
    names = set(photo.file_names())
    login(client, make.user(role=Role.EDITOR))
    client.post(f"/en/office/moderation/photos/{photo.id}/delete")
    assert not _reloaded(business).photos and not names & _files(app)


def test_deleting_an_item_deletes_its_files(app, client, make):
    login(client, make.user(role=Role.EDITOR))
    destination = make.destination()
    photos = _add(destination, (600, 400), (600, 400))
    names = {n for p in photos for n in p.file_names()}
    assert names <= _files(app)
    client.post(f"/en/office/destinations/{destination.id}/delete")
    assert not names & _files(app)
    assert db.session.scalar(db.select(db.func.count()).select_from(Photo)) == 0


def test_a_failed_save_leaves_no_files(app, make, monkeypatch):
    destination = make.destination()
    before = _files(app)

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services.db.session, "commit", fail)
    with pytest.raises(RuntimeError):
        _add(destination, (600, 400))
    monkeypatch.undo()
    db.session.rollback()
    assert _files(app) == before
    assert db.session.scalar(db.select(db.func.count()).select_from(Photo)) == 0


def test_orphans_are_found_and_removed(app, make, runner):
    (kept,) = _add(make.destination(), (400, 300))
    storage = app.extensions["media_storage"]
    orphan = "photos/ab/" + "ab" * 12 + "-320.webp"
    storage.save(orphan, b"left behind")
    listed = runner.invoke(args=["media", "orphans", "--min-age", "0"])
    assert orphan in listed.output  # (files left by other tests' emptied tables are listed too)
    assert orphan in _files(app)
    young = runner.invoke(args=["media", "orphans"])  # younger than an hour: maybe mid-upload
    assert orphan not in young.output
    removed = runner.invoke(args=["media", "orphans", "--min-age", "0", "--delete"])
    assert "Removed" in removed.output
    assert orphan not in _files(app) and set(kept.file_names()) <= _files(app)


def test_social_cards_and_structured_data_carry_the_cover(client, make):
    destination = make.destination()
    (photo,) = _add(destination, (1600, 1000))
    page = client.get(f"/en/destinations/{destination.slug}").text
    assert f'<meta property="og:image" content="{photo.url(1600, "jpg", external=True)}">' in page
    assert '"image": [' in page or '"image":' in page
    assert 'name="twitter:card" content="summary_large_image"' in page


def test_media_names_that_are_not_ours_are_not_found(client):
    for name in ("photos/../../etc/passwd", "photos/ab/x.svg", "secret_key", "photos/ab/AB.jpg"):
        assert client.get(f"/media/{name}").status_code == 404


def _reloaded(item):
    db.session.expire_all()
    return db.session.get(type(item), item.id)


def _reloaded_photo(photo: Photo) -> Photo:
    db.session.expire_all()
    return db.session.get(Photo, photo.id)


def test_texts_are_saved_with_csrf_protection_on(make_app, make):
    protected = make_app(WTF_CSRF_ENABLED=True)
    with protected.app_context():
        email, destination = make.user(role=Role.EDITOR).email, make.destination()
        (photo,) = _add(destination, (400, 300))
        destination_id, photo_id = destination.id, photo.id
    client = _protected_login(protected, email)
    page = client.get(f"/en/office/destinations/{destination_id}/photos").text
    field = f"p{photo_id}-csrf_token"
    token = re.search(rf'id="{field}" name="{field}" type="hidden" value="([^"]+)"', page)
    assert token, "each photo's form carries its own token"
    data = {field: token.group(1), f"p{photo_id}-alt_en": "Falls at dawn"}
    response = client.post(f"/en/office/destinations/{destination_id}/photos/{photo_id}", data=data)
    assert response.status_code == 302
    assert "Saved." in client.get(response.location).text
    with protected.app_context():
        assert db.session.get(Photo, photo_id).alt["en"] == "Falls at dawn"


def test_an_item_has_at_most_so_many_photos(app, client, make):
    app.config["PHOTO_MAX_PER_ITEM"] = 2
    login(client, make.user(role=Role.EDITOR))
    destination = make.destination()
    url = f"/en/office/destinations/{destination.id}/photos"
    two = [(photo_bytes((400, 300)), f"{n}.jpg") for n in range(3)]
    response = _upload(client, url, *two)
    assert response.status_code == 400 and "there is room for 2 more" in response.text
    assert _upload(client, url, *two[:2]).status_code == 302
    response = _upload(client, url, two[2])
    assert response.status_code == 400 and "the most allowed" in response.text
    assert len(_reloaded(destination).photos) == 2


def _protected_login(protected, email: str):
    client = protected.test_client()
    token = _token(client.get("/en/account/login").text)
    data = {"email": email, "password": PASSWORD, "csrf_token": token}
    assert client.post("/en/account/login", data=data).status_code == 302
    return client


def test_only_those_who_may_upload_get_the_larger_request_limit(make_app, make):
    # as in production, the CSRF check reads the form; forms are limited to 100 kB here so that
    # the test client keeps the body in memory (it spools bigger bodies to a temporary file)
    protected = make_app(WTF_CSRF_ENABLED=True, MAX_CONTENT_LENGTH=100_000)
    with protected.app_context():
        emails = {role: make.user(role=role).email for role in (Role.OWNER, Role.EDITOR)}
        url = f"/en/office/destinations/{make.destination().id}/photos"
    big = (photo_bytes((800, 600)) + bytes(300_000), "big.jpg")  # over the forms' limit
    owner = _upload(_protected_login(protected, emails[Role.OWNER]), url, big)
    assert owner.status_code == 413  # refused before the body is read
    editor = _upload(_protected_login(protected, emails[Role.EDITOR]), url, big)
    assert editor.status_code == 400 and "reload the page" in editor.text  # read, then no token


def test_reinstating_a_listing_leaves_its_new_photos_waiting(client, make):
    business = make.business(status=ModerationStatus.SUSPENDED)
    (photo,) = _add(business, (400, 300), approved=False)
    login(client, make.user(role=Role.EDITOR))
    client.post(f"/en/office/moderation/businesses/{business.id}/reinstate")
    assert _reloaded(business).status == ModerationStatus.APPROVED
    assert not _reloaded_photo(photo).approved
