"""Two app servers on one PostgreSQL (or SQLite) database, one Redis and one object store,
each with its own search index: a change through one is visible through the other."""

from __future__ import annotations

import io

from branding.accounts.models import Role
from branding.destinations.models import Destination
from branding.extensions import db
from branding.media.models import READY, Photo
from branding.search.upkeep import keep_index_current
from tests.accounts_helpers import login
from tests.media.photo_files import photo_bytes
from tests.media.s3_server import s3_settings


def _server(make_app, tmp_path, name: str, redis_url: str, s3, bucket: str):
    return make_app(
        JOBS_BACKEND="redis",
        REDIS_URL=redis_url,
        SEARCH_INDEX_DIR=str(tmp_path / f"index-{name}"),
        SEARCH_INDEX_NAME=f"server-{name}",
        SEARCH_DRAIN_AFTER_REQUEST=False,  # only each server's worker keeps its index
        **s3_settings(s3, bucket),
    )


def _worker_round(app) -> None:
    """Do what one server's worker does in a few seconds: shared jobs, then its own index."""
    with app.app_context():
        app.extensions["jobs"].run_pending()
        keep_index_current()


def test_a_change_through_one_server_is_seen_through_the_other(
    make_app, make, tmp_path, redis_url, s3_server
):
    bucket = s3_server.new_bucket()
    one = _server(make_app, tmp_path, "one", redis_url, s3_server, bucket)
    two = _server(make_app, tmp_path, "two", redis_url, s3_server, bucket)
    area = make.area()
    office = one.test_client()
    login(office, make.user(role=Role.EDITOR))
    form = {
        "name_id": "Danau Sicike-cike Baru",
        "name_en": "New Sicike-cike Lake",
        "summary_id": "Danau di hutan pinus.",
        "category": "lake",
        "area_id": str(area.id),
    }
    assert office.post("/en/office/destinations/new", data=form).status_code == 302
    with one.app_context():
        destination = db.session.scalars(db.select(Destination)).one()
        slug, item_id = destination.slug, destination.id
    assert office.post(f"/en/office/destinations/{item_id}/publish").status_code == 302
    photos = f"/en/office/destinations/{item_id}/photos"
    upload = {"photos": [(io.BytesIO(photo_bytes((1800, 1200))), "lake.jpg")]}
    assert office.post(photos, data=upload, content_type="multipart/form-data").status_code == 302

    visitor = two.test_client()
    page = visitor.get(f"/en/destinations/{slug}")
    assert page.status_code == 200 and "New Sicike-cike Lake" in page.text  # the database
    assert "/media/" not in page.text  # the photo waits for a worker

    _worker_round(two)  # the other server's worker takes the shared job and updates its index
    with two.app_context():
        photo = db.session.scalars(db.select(Photo)).one()
        assert photo.state == READY
        address = photo.url(640, "webp")
    page = visitor.get(f"/en/destinations/{slug}")
    assert address in page.text
    served = visitor.get(address)
    assert served.status_code == 200 and served.mimetype == "image/webp"
    link = f'href="/en/destinations/{slug}"'
    assert link in visitor.get("/en/search?q=sicike").text  # from the second server's own index

    _worker_round(one)  # and the first server's own index catches up too
    assert link in office.get("/en/search?q=pinus").text
