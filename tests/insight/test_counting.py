"""Counting visits: once per visitor, item and day, in the page's language; never a bot."""

from __future__ import annotations

from datetime import date

import pytest
from flask import request
from sqlalchemy import MetaData, select

from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.core.i18n.formatting import to_wib
from branding.extensions import db
from branding.insight import visitors
from branding.insight.buffer import Batch, ProcessBuffer
from branding.insight.flush import flush, write_batch
from branding.insight.models import CountBatch, DailyCount
from tests.accounts_helpers import login
from tests.insight.helpers import LAPTOP, PHONE, counted, searched, visit


def test_a_page_view_is_counted_once_per_visitor_item_and_day(app, client, make):
    place = make.destination()
    url = f"/en/destinations/{place.slug}"
    for _ in range(3):  # reloading counts once
        assert visit(client, url).status_code == 200
    visit(client, url, agent=LAPTOP)  # another browser on the same network
    visit(client, f"/id/destinations/{place.slug}", address="198.51.100.8")
    visit(client, f"/btd/destinations/{place.slug}")  # the first visitor again, in Pakpak
    assert counted() == {
        ("destination", place.id, "view", "en"): 2,
        ("destination", place.id, "view", "id"): 1,
    }


def test_events_their_dates_and_businesses_with_their_products_are_counted(app, client, make):
    event = make.event()
    business = make.business()
    shown = make.product(business)
    hidden = make.product(business, status=ModerationStatus.PENDING)
    day = to_wib(event.starts_at).date()  # the day in the regency (WIB), not in UTC
    visit(client, f"/en/events/{event.slug}")
    visit(client, f"/en/events/{event.slug}/{day.isoformat()}", address="198.51.100.9")
    visit(client, f"/id/businesses/{business.slug}")
    got = counted()
    assert got[("event", event.id, "view", "en")] == 2
    assert got[("business", business.id, "view", "id")] == 1
    assert got[("product", shown.id, "view", "id")] == 1
    assert ("product", hidden.id, "view", "id") not in got


BOTS = [
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "WhatsApp/2.23.20.0 A",
    "TelegramBot (like TwitterBot)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "",
]


@pytest.mark.parametrize("agent", BOTS)
def test_bots_scripts_and_link_previews_are_not_counted(app, client, make, agent):
    place = make.destination()
    assert visit(client, f"/en/destinations/{place.slug}", agent=agent).status_code == 200
    assert counted() == {}


@pytest.mark.parametrize(
    "header", [("Purpose", "prefetch"), ("Sec-Purpose", "prefetch"),
               ("Sec-Purpose", "prefetch;prerender"), ("X-Moz", "prefetch"),
               ("X-Purpose", "preview")]
)  # fmt: skip
def test_prefetches_and_prerenders_are_not_counted(app, client, make, header):
    place = make.destination()
    visit(client, f"/en/destinations/{place.slug}", **{header[0]: header[1]})
    assert counted() == {}


def test_head_requests_and_errors_are_not_counted(app, client, make):
    place = make.destination()
    with client.head(f"/en/destinations/{place.slug}", headers={"User-Agent": PHONE}) as r:
        assert r.status_code == 200
    visit(client, "/en/destinations/no-such-place")
    assert counted() == {}


def test_signed_in_accounts_are_not_counted(app, client, make):
    owner = make.user(Role.OWNER)
    business = make.business(owner=owner)
    login(client, owner)
    visit(client, f"/en/businesses/{business.slug}")
    assert counted() == {}


def test_counting_can_be_turned_off(make_app, make):
    quiet = make_app(COUNTING=False)
    place = make.destination(contact_whatsapp="0812 3456 7890")
    response = visit(quiet.test_client(), f"/en/destinations/{place.slug}")
    assert "/go/" not in response.get_data(as_text=True)
    assert "https://wa.me/6281234567890" in response.get_data(as_text=True)
    with quiet.app_context():
        assert counted() == {}


def test_searches_are_counted_as_words_once_per_visitor(app, client):
    visit(client, "/en/search?q=Air%20%20Terjun")
    visit(client, "/en/search?q=air+terjun&page=2")  # the same visitor, the same words
    visit(client, "/id/search?q=air+terjun", address="198.51.100.20")
    visit(client, "/id/search?q=+")  # nothing typed
    assert searched() == {("en", "air terjun"): 1, ("id", "air terjun"): 1}


def _every_text_in_the_database() -> list[str]:
    """Every stored value of every row of every table, as text."""
    meta = MetaData()
    meta.reflect(bind=db.engine)
    values = []
    with db.engine.connect() as conn:
        for table in meta.sorted_tables:
            for row in conn.execute(table.select()):
                values += [str(v) for v in row]
    return values


def test_no_personal_data_reaches_the_database(app, client, make):
    place = make.destination(contact_whatsapp="0812 3456 7890")
    business = make.business(latitude=2.5, longitude=98.2)
    agent = "Mozilla/5.0 (Linux; Android 14; Pixel-Marker-7731) Chrome/126.0 Mobile"
    address = "203.0.113.77"
    for url in (f"/en/destinations/{place.slug}", f"/en/go/destination/{place.id}/whatsapp",
                f"/id/businesses/{business.slug}", f"/id/go/business/{business.id}/directions",
                "/en/search?q=kopi"):  # fmt: skip
        response = visit(client, url, agent=agent, address=address)
        assert response.status_code in (200, 302)
    assert counted()
    texts = _every_text_in_the_database()
    assert not [t for t in texts if address in t or "Pixel-Marker" in t or "198.51" in t]
    columns = {c.name for c in DailyCount.__table__.columns}
    assert columns == {"id", "day", "subject_type", "subject_id", "action", "lang", "is_sample",
                       "count"}  # fmt: skip
    salt = app.extensions["counting_buffer"].salt(visitors.today())
    visitor = visitors.visitor(salt, address, agent).hex()
    assert not [t for t in texts if visitor[:16] in t]


def test_counting_sets_no_cookie(app, client, make):
    place = make.destination(contact_phone="061 123456")
    client.set_cookie("lang", "en")  # the language cookie is the platform's, not counting's
    for url in (f"/en/destinations/{place.slug}", f"/en/go/destination/{place.id}/phone"):
        response = visit(client, url)
        assert response.headers.get_all("Set-Cookie") == [], url


def test_a_day_s_salt_and_marks_are_forgotten_when_the_day_changes():
    buffer = ProcessBuffer(flush_seconds=60)
    monday, tuesday = date(2026, 12, 7), date(2026, 12, 8)
    salt = buffer.salt(monday)
    assert buffer.record(monday, [("mark", "c|2026-12-07|destination|1|view|id")]) == 1
    assert buffer.record(monday, [("mark", "c|2026-12-07|destination|1|view|id")]) == 0
    assert buffer.salt(tuesday) != salt
    assert buffer.marks == set()  # yesterday's marks went with yesterday's salt
    assert buffer.record(tuesday, [("mark", "c|2026-12-08|destination|1|view|id")]) == 1


def test_counting_trouble_never_fails_a_page(app, client, make, monkeypatch, caplog):
    place = make.destination()

    def broken(*args, **kwargs):
        raise RuntimeError("the buffer is on fire")

    monkeypatch.setattr(app.extensions["counting_buffer"], "record", broken)
    assert visit(client, f"/en/destinations/{place.slug}").status_code == 200
    assert "counting a visit failed" in caplog.text


def test_an_unreachable_redis_never_fails_or_holds_up_a_page(make_app, make):
    import time

    unreachable = make_app(REDIS_URL="redis://127.0.0.1:1/0")
    place = make.destination()
    started = time.monotonic()
    response = visit(unreachable.test_client(), f"/en/destinations/{place.slug}")
    assert response.status_code == 200
    assert time.monotonic() - started < 3
    # Settle what the sender thread holds now (its send fails: logged, the counts lost), so it
    # does not log into a later test.
    assert unreachable.extensions["counting_buffer"]._send_quietly() is False


def test_a_batch_is_written_once_even_if_written_again(app, make):
    place = make.destination()
    key = f"c|{visitors.today().isoformat()}|destination|{place.id}|view|en"
    assert write_batch(Batch("batch-1", {key: 3})) == 3
    assert write_batch(Batch("batch-1", {key: 3})) == 0  # a retry after a crash
    assert write_batch(Batch("batch-2", {key: 2})) == 2
    assert db.session.scalar(select(DailyCount.count)) == 5
    assert db.session.get(CountBatch, "batch-1") is not None


def test_a_failed_write_keeps_the_counts_for_the_next_flush(app, client, make, monkeypatch):
    place = make.destination()
    visit(client, f"/en/destinations/{place.slug}")
    import branding.insight.flush as flushing

    def down(batch):
        raise RuntimeError("database down")

    monkeypatch.setattr(flushing, "write_batch", down)
    with pytest.raises(RuntimeError):
        flush()
    monkeypatch.undo()
    assert counted() == {("destination", place.id, "view", "en"): 1}


def test_with_redis_counts_are_written_after_a_response_and_the_salt_expires(
    make_app, make, redis_url, caplog
):
    import redis

    worker = make_app(REDIS_URL=redis_url)
    worker.extensions["counting_buffer"].flush_seconds = 0  # a flush is due at once
    place = make.destination()
    visit(worker.test_client(), f"/en/destinations/{place.slug}")
    assert "failed" not in caplog.text
    rows = db.session.execute(select(DailyCount.subject_id, DailyCount.count)).all()
    assert rows == [(place.id, 1)]  # written by the worker itself, after its response
    store = redis.Redis.from_url(redis_url)
    day = visitors.today()
    for key in (f"counts:salt:{day}", f"counts:marks:{day}"):
        ttl = store.ttl(key)
        assert 0 < ttl <= 25 * 3600, key  # gone an hour after the day ends
    assert store.keys("counts:flushing:*") == []


PEOPLE = [
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/112.0 Mobile Safari/537.36 XiaoMi/MiuiBrowser/14.4",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/24.0 Chrome/117.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; V2207) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0 Mobile Safari/537.36 [FBAN/EMA;FBLC/id_ID;FBAV/380.0]",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36 Edg/126.0",
]


@pytest.mark.parametrize("agent", PEOPLE)
def test_people_s_browsers_are_counted(app, agent):
    with app.test_request_context("/en/", headers={"User-Agent": agent}):
        assert visitors.is_countable(request)
