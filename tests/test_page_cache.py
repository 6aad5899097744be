"""The page cache: anonymous visitors' public pages, never stale, never anyone's own."""

from __future__ import annotations

import gzip
from datetime import timedelta

import pytest

from branding.accounts.models import Role
from branding.core.content.publishing import PublicationStatus, utcnow
from branding.core.pagecache import build_id, serve, version
from branding.core.pagecache.store import MemoryStore
from branding.destinations.models import Destination
from branding.editorial.scheduling import run_due
from branding.extensions import db
from branding.identity.services import save_settings
from branding.media.models import READY
from branding.search.missed import missed_searches
from branding.search.upkeep import keep_index_current
from branding.workbench import services as workbench
from branding.workbench.strings import by_key, string_key
from tests.accounts_helpers import login
from tests.insight.helpers import LAPTOP, counted, visit


@pytest.fixture
def servers(make_app, redis_url, tmp_path):
    """Two app servers with the cache on, sharing one database and one Redis."""
    return [
        make_app(
            PAGE_CACHE=True,
            REDIS_URL=redis_url,
            SEARCH_INDEX_DIR=str(tmp_path / f"index-{name}"),
            SEARCH_INDEX_NAME=f"server-{name}",
            SEARCH_DRAIN_AFTER_REQUEST=False,
        )
        for name in ("one", "two")
    ]


@pytest.fixture
def embedded(make_app, tmp_path):
    """One app server with the cache on in its own memory (no Redis)."""
    return make_app(PAGE_CACHE=True, REDIS_URL="", SEARCH_INDEX_DIR=str(tmp_path / "index"))


@pytest.fixture
def still(monkeypatch):
    """Hold the cache's clock in the middle of a minute, so no entry ends during a test."""
    moment = [(utcnow().timestamp() // 60) * 60 + 1.0]
    monkeypatch.setattr(serve, "now", lambda: moment[0])
    return moment


def _worker_round(app) -> None:
    with app.app_context():
        keep_index_current()


def _pages(destination: Destination) -> list[str]:
    return [
        f"/en/destinations/{destination.slug}",
        "/en/destinations/",
        "/en/",
        "/en/search?q=sicike",
        "/en/map/data.geojson",
        "/sitemap.xml",
    ]


def _place(make, **fields) -> Destination:
    return make.destination(
        name={"id": "Danau Sicike-cike", "en": "Sicike-cike Lake"},
        featured=True,
        latitude=2.58,
        longitude=98.22,
        **fields,
    )


def test_a_renamed_destination_is_seen_at_once_on_every_page_through_both_servers(
    servers, make, still
):
    place = _place(make, slug="sicike-cike")
    for server in servers:
        _worker_round(server)
    visitors = [server.test_client() for server in servers]
    pages = _pages(place)
    for path in pages:
        for visitor in visitors:
            assert visitor.get(path).status_code == 200
        for visitor in visitors:  # kept once, answered from the cache on both servers
            again = visitor.get(path)
            assert again.headers["X-Page-Cache"] == "hit", path
            marker = "sicike-cike" if path == "/sitemap.xml" else "-cike Lake"  # search: <mark>
            assert marker in again.text, path

    place.name = {"id": "Danau Sicike-cike", "en": "Sicike-cike Crater Lake"}
    place.slug = "sicike-cike-crater"
    db.session.commit()
    for server in servers:  # each server's worker brings its own search index up to date
        _worker_round(server)

    for path in _pages(place):
        for visitor in visitors:
            page = visitor.get(path)
            assert page.status_code == 200, path
            if path == "/sitemap.xml":
                assert "sicike-cike-crater" in page.text
            else:
                assert "-cike Crater Lake" in page.text, path
                assert "-cike Lake" not in page.text, path


def test_hits_answer_conditional_requests_with_304(servers, make, still):
    place = _place(make)
    one, two = (server.test_client() for server in servers)
    path = f"/en/destinations/{place.slug}"
    first = one.get(path)
    etag = first.headers["ETag"]
    assert "public" in first.headers["Cache-Control"]
    assert "no-cache" in first.headers["Cache-Control"]
    assert two.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert one.get(path, headers={"If-None-Match": etag}).status_code == 304

    place.summary = {"id": "Ringkasan baru", "en": "A new summary"}
    db.session.commit()
    changed = two.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "A new summary" in changed.text
    assert changed.headers["ETag"] != etag


def test_signed_in_visitors_never_get_or_leave_cached_pages(servers, make, still):
    place = _place(make)
    path = f"/en/destinations/{place.slug}"
    editor = make.user(role=Role.EDITOR, display_name="Rosita Editor")
    office = servers[0].test_client()
    login(office, editor)
    own = office.get(path)  # signed in first: nothing may be kept of it
    assert "Rosita Editor" in own.text and "X-Page-Cache" not in own.headers
    assert own.headers["Cache-Control"] == "no-store"

    visitor = servers[1].test_client()
    public = visitor.get(path)
    assert public.headers["X-Page-Cache"] == "miss"
    assert visitor.get(path).headers["X-Page-Cache"] == "hit"
    again = office.get(path)  # and a kept page is never theirs
    assert "Rosita Editor" in again.text and "X-Page-Cache" not in again.headers
    for page in (public, visitor.get(path)):
        assert "Rosita Editor" not in page.text
        assert "csrf_token" not in page.text
        assert "Log in" in page.text


def test_flashed_messages_and_tokens_stay_with_their_visitor(servers, make, still):
    office = servers[0].test_client()
    login(office, make.user(role=Role.EDITOR))
    office.post("/en/account/logout")
    farewell = office.get("/en/")
    assert "You have logged out." in farewell.text
    assert "X-Page-Cache" not in farewell.headers
    office.get("/en/account/login")  # a form with a CSRF token: the session holds it now
    login_page = servers[1].test_client().get("/en/account/login")
    assert "X-Page-Cache" not in login_page.headers  # not a public page

    visitor = servers[1].test_client()
    home = visitor.get("/en/")
    assert home.headers["X-Page-Cache"] == "miss"
    assert "You have logged out." not in home.text
    assert "csrf_token" not in visitor.get("/en/").text
    with_session = office.get("/en/")  # an anonymous visitor with a session is answered …
    assert with_session.headers["X-Page-Cache"] == "hit"
    assert "You have logged out." not in with_session.text


def test_scheduled_publishing_shows_at_its_time(embedded, make, still):
    place = make.destination(
        name={"id": "Air Terjun Lae Une", "en": "Lae Une Waterfall"},
        status=PublicationStatus.DRAFT,
        publish_at=utcnow() + timedelta(minutes=5),
    )
    visitor = embedded.test_client()
    assert "Lae Une Waterfall" not in visitor.get("/en/destinations/").text
    assert visitor.get("/en/destinations/").headers["X-Page-Cache"] == "hit"
    assert visitor.get(f"/en/destinations/{place.slug}").status_code == 404

    run_due(utcnow() + timedelta(minutes=5))  # what the worker does at that minute

    assert "Lae Une Waterfall" in visitor.get("/en/destinations/").text
    assert visitor.get(f"/en/destinations/{place.slug}").status_code == 200


def test_entries_end_at_the_next_minute(embedded, make, still):
    make.event(title={"id": "Festival Oidong", "en": "Oidong Festival"})
    visitor = embedded.test_client()
    assert visitor.get("/en/events/").headers["X-Page-Cache"] == "miss"
    still[0] += 58
    assert visitor.get("/en/events/").headers["X-Page-Cache"] == "hit"
    still[0] += 1  # the minute has turned: "today" and "upcoming" are read again
    assert visitor.get("/en/events/").headers["X-Page-Cache"] == "miss"


def test_suggestions_follow_a_rename_at_once(servers, make, still):
    place = _place(make)
    for server in servers:
        _worker_round(server)
    visitor = servers[1].test_client()
    first = visitor.get("/en/search/suggest?q=sicike")
    assert "-cike Lake" in first.text
    assert "max-age" not in first.headers["Cache-Control"]
    assert first.headers["ETag"]

    place.name = {"id": "Danau Sicike-cike", "en": "Sicike-cike Crater Lake"}
    db.session.commit()
    _worker_round(servers[1])
    headers = {"If-None-Match": first.headers["ETag"]}
    again = visitor.get("/en/search/suggest?q=sicike", headers=headers)
    assert again.status_code == 200 and "-cike Crater Lake" in again.text


def test_interface_translations_and_settings_are_seen_at_once(servers, make, still):
    visitor = servers[1].test_client()
    assert "BTD-CACHE-1" not in visitor.get("/btd/").text
    author, reviewer = make.user(Role.TRANSLATOR), make.user(Role.TRANSLATOR)
    string = by_key(string_key("Upcoming events"))
    workbench.approve(reviewer, workbench.suggest(author, "btd", string, ["BTD-CACHE-1"]))
    assert "BTD-CACHE-1" in visitor.get("/btd/").text

    assert "Pesona Baru" not in visitor.get("/id/").text
    save_settings(site_name={"id": "Pesona Baru", "en": "New Wonders"})
    assert "Pesona Baru" in visitor.get("/id/").text


def test_every_visible_change_raises_the_version_and_bookkeeping_does_not(app, make):
    place = make.destination()
    photo = make.photo(place)
    before = version.current()
    photo.state = READY  # what the renditions job does once the files are made
    db.session.commit()
    assert version.current() == before + 1
    make.area()
    assert version.current() == before + 2
    db.session.execute(
        db.update(Destination).where(Destination.id == place.id).values(featured=True)
    )
    db.session.commit()
    assert version.current() == before + 3
    make.user()  # an account is no public page's business
    assert version.current() == before + 3
    place.featured = False
    db.session.rollback()
    assert version.current() == before + 3


def test_the_cache_can_be_turned_off(make_app, make):
    place = _place(make)
    off = make_app(PAGE_CACHE=False).test_client()
    page = off.get(f"/en/destinations/{place.slug}")
    assert page.status_code == 200 and "X-Page-Cache" not in page.headers
    etag = page.headers["ETag"]  # validators do not need the cache
    again = off.get(f"/en/destinations/{place.slug}", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_a_compressed_pages_validator_is_answered_with_304(embedded, make, still):
    place = _place(make)
    visitor = embedded.test_client()
    path = f"/en/destinations/{place.slug}"
    first = visitor.get(path, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    etag = first.headers["ETag"]
    assert etag.endswith(':gzip"')
    hit = visitor.get(path, headers={"Accept-Encoding": "gzip"})  # compressed once, kept
    assert hit.headers["X-Page-Cache"] == "hit" and hit.headers["ETag"] == etag
    assert hit.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in hit.headers["Vary"]
    plain = visitor.get(path)
    assert gzip.decompress(hit.data) == gzip.decompress(first.data) == plain.data
    for _ in range(2):
        again = visitor.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert again.status_code == 304 and again.headers["ETag"] == etag
    brotli = visitor.get(path, headers={"Accept-Encoding": "br"})
    assert brotli.headers["Content-Encoding"] == "br" and brotli.headers["ETag"].endswith(':br"')


def test_pages_answered_from_the_cache_still_count_their_visits(embedded, make, still):
    place = _place(make)
    business = make.business()
    product = make.product(business)
    visitor = embedded.test_client()
    for url in (f"/en/destinations/{place.slug}", f"/en/businesses/{business.slug}"):
        assert visit(visitor, url).headers["X-Page-Cache"] == "miss"
        assert visit(visitor, url, agent=LAPTOP).headers["X-Page-Cache"] == "hit"
        etag = visit(visitor, url).headers["ETag"]
        assert (
            visit(visitor, url, address="198.51.100.9", **{"If-None-Match": etag}).status_code
            == 304
        )
    with embedded.app_context():  # its own buffer
        seen = counted()
    assert seen == {
        ("destination", place.id, "view", "en"): 3,
        ("business", business.id, "view", "en"): 3,
        ("product", product.id, "view", "en"): 3,
    }


def test_the_embedded_store_is_bounded_and_drops_the_least_recently_used():
    store = MemoryStore(max_bytes=300)
    for name in ("a", "b", "c"):
        store.put(name, b"x" * 100, seconds=60)
    assert store.get("a") == b"x" * 100  # now the most recently used
    store.put("d", b"y" * 100, seconds=60)
    assert store.get("b") is None and store.get("a") and store.get("d")
    assert store.size <= 300
    store.put("huge", b"z" * 301, seconds=60)
    assert store.get("huge") is None
    store.put("gone", b"z", seconds=0)
    assert store.get("gone") is None


def test_a_new_release_does_not_answer_with_the_old_ones_pages(tmp_path):
    (tmp_path / "page.html").write_text("<p>one</p>")
    first = build_id((tmp_path,))
    assert build_id((tmp_path,)) == first  # the same release on another server: shared
    (tmp_path / "page.html").write_text("<p>two</p>")
    assert build_id((tmp_path,)) != first


def test_searches_that_found_nothing_are_recorded_from_the_cache_too(embedded, make, still):
    visitor = embedded.test_client()
    assert visitor.get("/en/search?q=zebra").headers["X-Page-Cache"] == "miss"
    assert visitor.get("/en/search?q=zebra").headers["X-Page-Cache"] == "hit"
    with embedded.app_context():
        assert missed_searches() == [missed_searches()[0]]
        assert missed_searches()[0].count == 2


def test_a_redis_that_does_not_answer_makes_misses_not_errors(make_app, make, still):
    place = _place(make)
    # nothing listens there; counting is off, or its buffer would retry that Redis for ever
    server = make_app(PAGE_CACHE=True, REDIS_URL="redis://127.0.0.1:1/0", COUNTING=False)
    visitor = server.test_client()
    for _ in range(2):
        page = visitor.get(f"/en/destinations/{place.slug}")
        assert page.status_code == 200 and page.headers["X-Page-Cache"] == "miss"
