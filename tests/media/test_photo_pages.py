"""Photo pages in the back office and the UMKM self-service, and photos on public pages."""

from __future__ import annotations

import io

from branding.accounts.models import Role
from branding.extensions import db
from branding.media.models import Photo
from tests.accounts_helpers import login
from tests.media.photo_files import photo_bytes


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
