"""Photos in an S3-compatible object store: uploaded, served, shared by two app servers, cleaned."""

from __future__ import annotations

import io

from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.extensions import db
from branding.media import cleanup
from branding.media.models import Photo
from tests.accounts_helpers import login
from tests.media.photo_files import photo_bytes
from tests.media.s3_server import s3_settings


def _upload(client, url: str, content: bytes, **fields):
    data = {"photos": [(io.BytesIO(content), "lake.jpg")], **fields}
    return client.post(url, data=data, content_type="multipart/form-data")


def _keys(server, bucket: str) -> set[str]:
    listed = server.client().list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"] for item in listed}


def test_an_upload_lands_in_the_bucket_and_every_server_serves_it(make_app, make, s3_server):
    bucket = s3_server.new_bucket()
    first = make_app(**s3_settings(s3_server, bucket, S3_PREFIX="pakpak"))
    second = make_app(**s3_settings(s3_server, bucket, S3_PREFIX="pakpak"))
    destination = make.destination()
    editor = make.user(role=Role.EDITOR)
    office = first.test_client()
    login(office, editor)
    url = f"/en/office/destinations/{destination.id}/photos"
    response = _upload(office, url, photo_bytes((2000, 1400)), alt_en="The lake")
    assert response.status_code == 302, response.text
    with first.app_context():
        photo = db.session.scalars(db.select(Photo)).one()
        names = photo.file_names()
        address = photo.url(640, "webp")
    assert {f"pakpak/{name}" for name in names} == _keys(s3_server, bucket)
    visitor = second.test_client()  # another app server, nothing on its disk
    page = visitor.get(f"/en/destinations/{destination.slug}").text
    assert address in page
    served = visitor.get(address)
    assert served.status_code == 200 and served.mimetype == "image/webp"
    assert served.data[:4] == b"RIFF" and served.headers["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in served.headers["Cache-Control"]
    again = visitor.get(address, headers={"If-None-Match": served.headers["ETag"]})
    assert again.status_code == 304


def test_with_a_public_url_public_files_redirect_and_waiting_ones_stream(make_app, make, s3_server):
    bucket = s3_server.new_bucket()
    public = f"https://photos.pakpakbharat.example/{bucket}"
    app = make_app(**s3_settings(s3_server, bucket, S3_PUBLIC_URL=public))
    owner = make.user(role=Role.OWNER)
    business = make.business(owner=owner, status=ModerationStatus.APPROVED)
    client = app.test_client()
    login(client, owner)
    response = _upload(client, f"/en/my/businesses/{business.id}/photos", photo_bytes((900, 700)))
    assert response.status_code == 302, response.text
    with app.app_context():
        photo = db.session.scalars(db.select(Photo)).one()
        assert not photo.approved  # an owner's photo waits for the office
        address, name = photo.url(320, "jpg"), photo.file_name(320, "jpg")
    own = client.get(address)  # the owner sees it, streamed, never a public redirect
    assert own.status_code == 200 and own.mimetype == "image/jpeg"
    assert "no-store" in own.headers["Cache-Control"] and "Location" not in own.headers
    assert app.test_client().get(address).status_code == 404  # a visitor: nothing there
    with app.app_context():
        db.session.get(Photo, photo.id).approved = True
        db.session.commit()
    moved = app.test_client().get(address)
    assert moved.status_code == 302 and moved.headers["Location"] == f"{public}/{name}"


def test_deleting_a_photo_removes_its_objects_and_orphans_are_found(make_app, make, s3_server):
    bucket = s3_server.new_bucket()
    app = make_app(**s3_settings(s3_server, bucket))
    destination = make.destination()
    editor = make.user(role=Role.EDITOR)
    client = app.test_client()
    login(client, editor)
    _upload(client, f"/en/office/destinations/{destination.id}/photos", photo_bytes((700, 500)))
    stray = "photos/ab/" + "ab" * 12 + "-320.jpg"
    s3_server.client().put_object(Bucket=bucket, Key=stray, Body=b"left by a crash")
    with app.app_context():
        assert list(cleanup.orphans(min_age=0)) == [stray]
        photo = db.session.scalars(db.select(Photo)).one()
        photo_id = photo.id
    response = client.post(f"/en/office/destinations/{destination.id}/photos/{photo_id}/delete")
    assert response.status_code == 302
    assert _keys(s3_server, bucket) == {stray}
