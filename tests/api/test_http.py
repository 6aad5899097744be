"""HTTP: validators and 304s, caching, CORS, the per-client rate limit, security headers."""

from __future__ import annotations

import os
import time
from email.utils import format_datetime

import pytest

from branding.accounts import limits
from branding.extensions import db


def test_an_unchanged_answer_is_a_304_by_etag_and_by_date(client, make):
    item = make.destination()
    first = client.get(f"/api/v1/destinations/{item.id}")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert (
        "public" in first.headers["Cache-Control"]
        and "max-age=60" in first.headers["Cache-Control"]
    )
    again = client.get(f"/api/v1/destinations/{item.id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    since = client.get(f"/api/v1/destinations/{item.id}", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    item.name = {"id": "Berubah"}
    db.session.commit()
    changed = client.get(f"/api/v1/destinations/{item.id}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    older = format_datetime(item.created_at.replace(year=2020), usegmt=True)
    assert (
        client.get("/api/v1/destinations", headers={"If-Modified-Since": older}).status_code == 200
    )


def test_reads_are_open_to_any_origin(client, make):
    item = make.destination()
    for method in ("get", "head", "options"):
        response = getattr(client, method)(f"/api/v1/destinations/{item.id}")
        assert response.status_code == 200, method
        assert response.headers["Access-Control-Allow-Origin"] == "*", method
    missing = client.get("/api/v1/destinations/12345")
    assert missing.headers["Access-Control-Allow-Origin"] == "*"
    assert missing.headers["Cache-Control"] == "no-store"


def test_the_site_headers_still_apply(client):
    response = client.get("/api/v1/areas")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_a_client_past_its_allowance_gets_a_json_429_with_retry_after(app, client, monkeypatch):
    app.config["API_REQUESTS_PER_CLIENT"] = (3, 60)
    clock = [time.time()]
    monkeypatch.setattr(limits, "now", lambda: clock[0])
    for _ in range(3):
        assert client.get("/api/v1/areas").status_code == 200
    refused = client.get("/api/v1/areas")
    assert refused.status_code == 429
    assert refused.get_json()["error"] == {
        "status": 429,
        "code": "rate_limited",
        "message": refused.get_json()["error"]["message"],
    }
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    other = client.get("/api/v1/areas", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200  # per client
    clock[0] += 61
    assert client.get("/api/v1/areas").status_code == 200


def test_the_allowance_is_shared_by_workers_through_redis(make_app, monkeypatch):
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set")
    app = make_app(REDIS_URL=url, API_REQUESTS_PER_CLIENT=(2, 60))
    with app.app_context():
        limits.store().clear("api", limits.key_of("127.0.0.1"))
    workers = [app.test_client(), make_app(REDIS_URL=url).test_client()]
    workers[1].application.config["API_REQUESTS_PER_CLIENT"] = (2, 60)
    assert [w.get("/api/v1/areas").status_code for w in workers] == [200, 200]
    assert workers[0].get("/api/v1/areas").status_code == 429
    assert workers[1].get("/api/v1/areas").status_code == 429
