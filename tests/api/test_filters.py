"""Each list filter, cursor paging, bounded limits, and a constant number of queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from branding.businesses.models import BusinessCategory
from branding.destinations.models import DestinationCategory
from branding.events.models import EventCategory

SALAK = (2.5630, 98.2950)


def ids(client, path: str) -> list[int]:
    response = client.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["id"] for item in response.get_json()["data"]]


def test_category_and_area_filter_each_kind(client, make):
    here, there = make.area(), make.area()
    lake = make.destination(area=here, category=DestinationCategory.LAKE)
    make.destination(area=there, category=DestinationCategory.LAKE)
    make.destination(area=here, category=DestinationCategory.CULTURE)
    coffee = make.business(area=here, category=BusinessCategory.COFFEE)
    crafts = make.business(area=there, category=BusinessCategory.CRAFTS)
    bean, weave = make.product(coffee), make.product(crafts)
    market = make.event(area=here, category=EventCategory.MARKET)
    make.event(area=here, category=EventCategory.SPORT)
    assert ids(client, f"/api/v1/destinations?category=lake&area={here.slug}") == [lake.id]
    assert ids(client, "/api/v1/businesses?category=crafts") == [crafts.id]
    assert ids(client, f"/api/v1/products?area={here.slug}") == [bean.id]
    assert ids(client, "/api/v1/products?category=crafts") == [weave.id]
    assert ids(client, f"/api/v1/products?business={coffee.id}") == [bean.id]
    assert ids(client, "/api/v1/events?category=market") == [market.id]
    assert client.get("/api/v1/destinations?category=volcano").status_code == 400


def test_the_date_range_keeps_events_taking_place_then(client, make):
    soon = make.event(starts_in=timedelta(days=2))
    later = make.event(starts_in=timedelta(days=40))
    weekly = make.event(starts_in=timedelta(days=-30), recurrence_rule="FREQ=WEEKLY")
    day = (datetime.now(UTC) + timedelta(days=2)).date()
    found = ids(client, f"/api/v1/events?from={day}&to={day + timedelta(days=1)}")
    assert soon.id in found and weekly.id in found and later.id not in found
    body = client.get(f"/api/v1/events/{weekly.id}").get_json()
    assert body["occurrences"], "a running weekly series has upcoming occurrences"
    ranged = client.get(f"/api/v1/events?from={day}&to={day + timedelta(days=13)}").get_json()
    series = next(e for e in ranged["data"] if e["id"] == weekly.id)
    assert len(series["occurrences"]) == 2  # the two weeks asked for, not the next ten
    assert client.get("/api/v1/events?from=1066-10-14").status_code == 400


def test_near_keeps_what_lies_within_the_radius(client, make):
    close = make.destination(latitude=SALAK[0] + 0.01, longitude=SALAK[1])  # ~1.1 km
    corner = make.destination(latitude=SALAK[0] + 0.04, longitude=SALAK[1] + 0.04)  # ~6.3 km
    make.destination(latitude=SALAK[0] + 1, longitude=SALAK[1])  # ~111 km
    make.destination()  # no coordinates
    shop = make.business(latitude=SALAK[0], longitude=SALAK[1] + 0.02)
    near = f"near={SALAK[0]},{SALAK[1]}"
    assert ids(client, f"/api/v1/destinations?{near}&radius_km=5") == [close.id]
    assert ids(client, f"/api/v1/destinations?{near}&radius_km=7") == [close.id, corner.id]
    assert ids(client, f"/api/v1/businesses?{near}&radius_km=3") == [shop.id]
    at_venue = make.event(destination=close)  # no coordinates of its own: the venue's
    make.event(destination=make.destination())  # a venue with none
    assert ids(client, f"/api/v1/events?{near}&radius_km=5") == [at_venue.id]
    assert client.get("/api/v1/destinations?near=91,0").status_code == 400
    assert client.get("/api/v1/destinations?near=salak").status_code == 400


def test_q_searches_through_the_search_service(client, make):
    falls = make.destination(name={"id": "Air Terjun Lae Une", "en": "Lae Une Waterfall"})
    make.destination(name={"id": "Bukit Kopi", "en": "Coffee Hill"})
    assert ids(client, "/api/v1/destinations?q=waterfall&language=en") == [falls.id]
    assert ids(client, "/api/v1/destinations?q=terjun") == [falls.id]
    assert client.get("/api/v1/destinations?q=%20%20").status_code == 400


def test_cursor_paging_is_stable_and_the_limit_bounded(client, make):
    made = [make.destination().id for _ in range(5)]
    seen, cursor = [], None
    while True:
        page = client.get(f"/api/v1/destinations?limit=2{f'&cursor={cursor}' if cursor else ''}")
        body = page.get_json()
        assert body["meta"]["count"] == len(body["data"]) <= 2
        seen += [d["id"] for d in body["data"]]
        if len(seen) == 2:
            make.destination()  # added while paging: appears at the end, nothing repeats
        cursor = body["meta"]["next_cursor"]
        if cursor is None:
            break
    assert seen[:5] == made and len(seen) == len(set(seen)) == 6
    assert client.get("/api/v1/destinations?limit=101").status_code == 400
    events_cursor = client.get("/api/v1/events?limit=1").get_json()["meta"]["next_cursor"]
    assert (
        events_cursor is None
        or client.get(f"/api/v1/destinations?cursor={events_cursor}").status_code == 400
    )


@pytest.mark.parametrize("kind", ["destinations", "events", "businesses", "products", "areas"])
def test_a_page_of_50_runs_as_many_queries_as_a_page_of_5(app, client, make, count_queries, kind):
    def fill(count: int) -> None:
        for _ in range(count):
            area = make.area()
            make.photo(make.destination(area=area))
            make.photo(make.event(area=area, destination=make.destination(area=area)))
            business = make.business(area=area)
            make.photo(business)
            make.photo(make.product(business))

    fill(5)
    with count_queries() as few:
        assert len(client.get(f"/api/v1/{kind}?limit=100").get_json()["data"]) >= 5
    fill(45)
    with count_queries() as many:
        assert len(client.get(f"/api/v1/{kind}?limit=100").get_json()["data"]) >= 50
    assert many[0] == few[0] <= 10, f"{kind}: {few[0]} then {many[0]} queries"
