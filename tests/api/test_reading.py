"""Reading the catalogue: shapes, languages, photos, links, 404s, and nothing private."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from branding.businesses.models import ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.extensions import db


def test_a_destination_reads_in_every_language_with_photos_and_links(client, make):
    item = make.destination(name={"id": "Air Terjun", "en": "Waterfall", "btd": "Lae Une"})
    make.photo(item, alt={"id": "Air jatuh", "en": "Falling water"})
    make.photo(item, approved=False)  # waiting for review: never shown
    body = client.get(f"/api/v1/destinations/{item.id}").get_json()
    assert body["name"] == {"id": "Air Terjun", "en": "Waterfall", "btd": "Lae Une"}
    assert body["type"] == "TouristAttraction"
    assert body["url"]["btd"] == f"http://localhost/btd/destinations/{item.slug}"
    assert len(body["image"]) == 1
    photo = body["image"][0]
    assert photo["alt"] == {"id": "Air jatuh", "en": "Falling water", "btd": None}
    assert [r["width"] for r in photo["renditions"]] == [320, 640]
    assert photo["renditions"][0]["webp"].endswith("-320.webp")
    assert client.get(f"/api/v1/destinations/slug/{item.slug}").get_json() == body


def test_language_resolves_with_the_fallback_and_says_which(client, make):
    item = make.destination(name={"id": "Air Terjun", "en": "Waterfall"}, tips={})
    body = client.get(f"/api/v1/destinations/{item.id}?language=btd").get_json()
    assert body["name"] == {"value": "Air Terjun", "language": "id"}
    assert body["tips"] == {"value": "", "language": None}
    english = client.get(f"/api/v1/destinations/{item.id}?language=en").get_json()
    assert english["name"] == {"value": "Waterfall", "language": "en"}


def test_unpublished_and_unapproved_items_are_404_and_never_listed(client, make):
    draft = make.destination(status=PublicationStatus.DRAFT)
    pending = make.business(status=ModerationStatus.PENDING)
    approved = make.business()
    hidden_product = make.product(approved, status=ModerationStatus.REJECTED)
    orphan = make.product(pending)  # approved, but its business is not
    shown = make.product(approved)
    assert client.get(f"/api/v1/destinations/{draft.id}").status_code == 404
    assert client.get(f"/api/v1/destinations/slug/{draft.slug}").status_code == 404
    assert client.get(f"/api/v1/businesses/{pending.id}").status_code == 404
    assert client.get(f"/api/v1/products/{orphan.id}").status_code == 404
    assert client.get("/api/v1/destinations").get_json()["data"] == []
    assert [b["id"] for b in client.get("/api/v1/businesses").get_json()["data"]] == [approved.id]
    products = [p["id"] for p in client.get("/api/v1/products").get_json()["data"]]
    assert products == [shown.id] and hidden_product.id not in products


def test_private_fields_never_appear(client, make):
    owner = make.user(email="owner-secret@example.com")
    business = make.business(owner=owner, email="shop@example.com")
    business.rejection_reason = "secret review note"
    business.approved_snapshot = {"name": "secret snapshot"}
    db.session.commit()
    make.product(business)
    for path in ("/api/v1/businesses", f"/api/v1/businesses/{business.id}", "/api/v1/products",
                 "/api/v1/changes"):  # fmt: skip
        text = client.get(path).get_data(as_text=True)
        assert "owner-secret" not in text and "secret review" not in text, path
        assert "secret snapshot" not in text and "rejection" not in text, path
    assert client.get(f"/api/v1/businesses/{business.id}").get_json()["email"] == "shop@example.com"


def test_errors_are_json_with_a_stable_shape(client, make):
    for path, status, code in [
        ("/api/v1/destinations/999", 404, "not_found"),
        ("/api/v1/nothing-here", 404, "not_found"),
        ("/api/v1/destinations?limit=0", 400, "invalid_parameter"),
        ("/api/v1/destinations?cursor=%%%", 400, "invalid_cursor"),
        ("/api/v1/destinations?area=nowhere", 400, "unknown_area"),
        ("/api/v1/events?from=2027-01-02&to=2027-01-01", 400, "invalid_date_range"),
    ]:
        response = client.get(path)
        assert response.status_code == status, path
        assert response.mimetype == "application/json", path
        assert response.get_json()["error"]["code"] == code, path
        assert response.get_json()["error"]["status"] == status
    refused = client.post("/api/v1/destinations")
    assert (
        refused.status_code == 405 and refused.get_json()["error"]["code"] == "method_not_allowed"
    )


def test_an_event_lists_its_upcoming_occurrences(client, make):
    weekly = make.event(recurrence_rule="FREQ=WEEKLY;COUNT=20")
    body = client.get(f"/api/v1/events/{weekly.id}").get_json()
    assert len(body["occurrences"]) == 10
    assert body["recurrence"]["rule"] == "FREQ=WEEKLY;COUNT=20"
    first = body["occurrences"][0]["url"]["en"]
    assert first.startswith(f"http://localhost/en/events/{weekly.slug}/")
    assert client.get(first.removeprefix("http://localhost")).status_code == 200


def test_the_whole_sample_reads_through_the_api(sample_site):
    """Every list, item and change of the illustrated sample answers, in every language."""
    client = sample_site.app.test_client()
    sample_site.app.config["API_REQUESTS_PER_CLIENT"] = (100_000, 60)
    counts = {}
    for kind in ("areas", "destinations", "events", "businesses", "products"):
        body = client.get(f"/api/v1/{kind}?limit=100&language=btd").get_json()
        counts[kind] = body["meta"]["count"]
        for item in body["data"][:3]:
            assert client.get(f"/api/v1/{kind}/{item['id']}").status_code == 200
    assert all(counts.values()), counts
    photos = client.get("/api/v1/destinations?limit=100").get_json()["data"]
    assert any(d["image"] and d["image"][0]["alt"]["id"] for d in photos)
    upserts, cursor, more = set(), "", True
    while more:
        changes = client.get(f"/api/v1/changes?limit=500{cursor}").get_json()
        upserts |= {(c["type"], c["id"]) for c in changes["data"] if c["action"] == "upsert"}
        cursor, more = f"&cursor={changes['meta']['next_cursor']}", changes["meta"]["more"]
    assert len(upserts) >= sum(counts.values()) - counts["areas"]


def test_opening_hours_are_schema_org_specifications_as_in_the_pages_json_ld(client, make):
    soon = (datetime.now(UTC) + timedelta(days=5)).date().isoformat()
    hours = {
        "weekly": {
            "mon": [["08:00", "17:00"]], "tue": [["08:00", "17:00"]], "sun": [["09:00", "24:00"]]
        },
        "exceptions": [{"date": soon, "closed": True}],
    }  # fmt: skip
    for item, path in [
        (make.destination(opening_hours=hours), "destinations"),
        (make.business(opening_hours=hours), "businesses"),
    ]:
        body = client.get(f"/api/v1/{path}/{item.id}").get_json()
        weekly = body["openingHoursSpecification"]
        assert {
            "type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday"],
            "opens": "08:00",
            "closes": "17:00",
        } in weekly
        assert body["specialOpeningHoursSpecification"] == [
            {"type": "OpeningHoursSpecification", "validFrom": soon, "validThrough": soon,
             "opens": "00:00", "closes": "00:00"}
        ]  # fmt: skip
        html = client.get(f"/en/{path}/{item.slug}").get_data(as_text=True)
        place = _place_in_json_ld(html)
        for key in ("openingHoursSpecification", "specialOpeningHoursSpecification"):
            as_api = [
                {("type" if k == "@type" else k): v for k, v in x.items()} for x in place[key]
            ]
            assert body[key] == as_api, (path, key)
    empty = client.get(f"/api/v1/destinations/{make.destination(opening_hours={}).id}").get_json()
    assert empty["openingHoursSpecification"] == empty["specialOpeningHoursSpecification"] == []


def _place_in_json_ld(html: str) -> dict:
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script)
    return next(x for x in data.get("@graph", [data]) if "openingHoursSpecification" in x)
