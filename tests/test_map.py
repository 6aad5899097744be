"""The map: GeoJSON with filters, a plain list without JavaScript, Leaflet only where needed."""

import json
import re
from datetime import timedelta

from branding.businesses.models import BusinessCategory, ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import DestinationCategory
from branding.events.models import EventCategory, EventStatus
from tests.insight.helpers import followed

LEAFLET = "/static/vendor/leaflet/leaflet."  # then its digest: leaflet.<digest>.js


def _geojson(client, query: str = "", lang: str = "en") -> dict:
    response = client.get(f"/{lang}/map/data.geojson{query}")
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    return json.loads(response.get_data())


def _ids(collection: dict) -> list[str]:
    return sorted(f["id"] for f in collection["features"])


def _places(make):
    area = make.area(slug="salak")
    fall = make.destination(
        slug="lae-une",
        name={"id": "Air Terjun Lae Une", "en": "Lae Une Waterfall"},
        category=DestinationCategory.WATERFALL,
        latitude=2.492,
        longitude=98.224,
        area=area,
    )
    make.destination(slug="no-coordinates", category=DestinationCategory.WATERFALL)
    make.destination(slug="draft", status=PublicationStatus.DRAFT, latitude=2.5, longitude=98.2)
    coffee = make.business(
        slug="kopi", category=BusinessCategory.COFFEE, latitude=2.567, longitude=98.27
    )
    make.business(slug="pending", status=ModerationStatus.PENDING, latitude=2.567, longitude=98.27)
    fair = make.event(
        slug="fair", category=EventCategory.MARKET, destination=fall, starts_in=timedelta(days=4)
    )
    make.event(slug="over", latitude=2.5, longitude=98.2, starts_in=timedelta(days=-4))
    make.event(slug="off", event_status=EventStatus.CANCELLED, latitude=2.5, longitude=98.2)
    return fall, coffee, fair


def test_geojson_has_published_places_with_coordinates(client, make):
    fall, coffee, fair = _places(make)
    collection = _geojson(client)
    assert collection["type"] == "FeatureCollection"
    assert _ids(collection) == [
        f"business-{coffee.id}",
        f"destination-{fall.id}",
        f"event-{fair.id}",
    ]
    feature = next(f for f in collection["features"] if f["id"] == f"destination-{fall.id}")
    assert feature["geometry"] == {"type": "Point", "coordinates": [98.224, 2.492]}  # lon, lat
    assert feature["properties"]["name"] == "Lae Une Waterfall"
    assert feature["properties"]["category"] == "Waterfall"
    assert feature["properties"]["url"] == "http://localhost/en/destinations/lae-une"
    event = next(f for f in collection["features"] if f["properties"]["kind"] == "event")
    assert event["geometry"]["coordinates"] == [98.224, 2.492]  # the venue's coordinates
    assert "WIB" in event["properties"]["when"]  # "(ends the next day)" may follow, late in a day


def test_geojson_filters_by_type_category_and_area(client, make):
    fall, coffee, fair = _places(make)
    assert _ids(_geojson(client, "?type=destination")) == [f"destination-{fall.id}"]
    assert _ids(_geojson(client, "?type=business&category=coffee")) == [f"business-{coffee.id}"]
    assert _ids(_geojson(client, "?category=waterfall")) == [f"destination-{fall.id}"]
    assert _ids(_geojson(client, "?category=market")) == [f"event-{fair.id}"]
    assert _ids(_geojson(client, "?type=business&category=waterfall")) == []
    assert _ids(_geojson(client, "?area=salak")) == [f"destination-{fall.id}", f"event-{fair.id}"]
    assert len(_geojson(client, "?type=nonsense")["features"]) == 3  # unknown: no filter


def test_geojson_is_in_the_visitors_language(client, make):
    _places(make)
    names = {f["properties"]["name"] for f in _geojson(client, lang="id")["features"]}
    assert "Air Terjun Lae Une" in names


def test_map_page_lists_the_places_for_screen_readers_and_without_javascript(client, make):
    fall, coffee, fair = _places(make)
    html = client.get("/en/map/?type=destination").get_data(as_text=True)
    assert 'href="http://localhost/en/destinations/lae-une"' in html
    assert coffee.name not in html
    assert 'data-geojson="/en/map/data.geojson?type=destination"' in html
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert LEAFLET in html and re.search(r"/static/vendor/leaflet/leaflet\.[0-9a-f]{10}\.css", html)
    assert '<div id="map" class="map" data-map="places"' in html
    assert "data-needs-js" in html  # no JavaScript: the <noscript> stylesheet hides the box
    assert "/static/vendor/markercluster/leaflet.markercluster." in html


def test_the_map_box_shows_a_sketch_of_the_filtered_pins_before_leaflet(client, make):
    _places(make)
    html = client.get("/en/map/?type=destination").get_data(as_text=True)
    box = html[html.index('<div id="map"') : html.index("</div>", html.index('<div id="map"'))]
    assert '<img class="map-preview" src="/en/map/preview.svg?type=destination" alt=""' in box
    sketch = client.get("/en/map/preview.svg?type=destination")
    assert sketch.status_code == 200 and sketch.mimetype == "image/svg+xml"
    assert sketch.get_data(as_text=True).count('fill="#1f5f3f"/>') == 1  # the one destination
    everything = client.get("/en/map/preview.svg").get_data(as_text=True)
    assert everything.count("<circle") == 2  # a café; a waterfall and its fair share one pin
    again = client.get("/en/map/preview.svg", headers={"If-None-Match": sketch.headers["ETag"]})
    assert again.status_code == 200  # another filter, another sketch
    same = client.get("/en/map/preview.svg?type=destination",
                      headers={"If-None-Match": sketch.headers["ETag"]})  # fmt: skip
    assert same.status_code == 304
    assert (
        client.get("/en/map/preview.svg?area=nowhere").get_data(as_text=True).count("<circle") == 2
    )


def test_the_sketch_of_thousands_of_places_stays_small():
    from branding.core.content.columns import Localized
    from branding.maps.preview import preview_svg
    from branding.maps.services import Place

    name = Localized("Tempat", "id", False)
    places = [
        Place("destination", n, name, "lake", "/", 2.4 + (n % 173) / 400, 98.1 + (n // 173) / 300,
              name)
        for n in range(30_000)
    ]  # fmt: skip
    sketch = preview_svg(places)
    assert 100 < sketch.count("<circle") <= (600 // 12) ** 2  # one pin per small cell
    assert len(sketch.encode()) < 250_000  # not 30,000 pins (about 4 MB)


def test_tile_url_and_attribution_are_configurable(app, client):
    app.config["MAP_TILE_URL"] = "https://tiles.example.test/{z}/{x}/{y}.png"
    app.config["MAP_TILE_ATTRIBUTION"] = "© Example"
    html = client.get("/id/map/").get_data(as_text=True)
    assert 'data-tiles="https://tiles.example.test/{z}/{x}/{y}.png"' in html
    assert 'data-attribution="© Example"' in html


def test_leaflet_loads_only_on_the_map_page(client, make):
    destination = make.destination(latitude=2.49, longitude=98.22)
    for path in ("/en/", "/en/destinations/", f"/en/destinations/{destination.slug}"):
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r'src="/static/vendor/leaflet/leaflet\.', html), path
        assert 'vendor/leaflet/leaflet.css">' not in html, path


def test_detail_pages_have_directions_and_a_map_on_request(client, make):
    destination = make.destination(latitude=2.492, longitude=98.224)
    html = followed(client, f"/en/destinations/{destination.slug}")  # the counted link's target
    assert "https://www.google.com/maps/dir/?api=1&amp;destination=2.492000,98.224000" in html
    assert 'class="minimap" data-lat="2.492" data-lng="98.224"' in html
    assert re.search(r'data-leaflet-js="/static/vendor/leaflet/leaflet\.[0-9a-f]{10}\.js"', html)
    nowhere = make.destination()
    html = client.get(f"/en/destinations/{nowhere.slug}").get_data(as_text=True)
    assert "maps/dir" not in html and "minimap" not in html


def test_event_map_uses_its_own_place_or_its_destination(client, make):
    event = make.event(latitude=2.688, longitude=98.232, venue_name="Lapangan Desa Tinada")
    html = client.get(f"/en/events/{event.slug}").get_data(as_text=True)
    assert 'data-lat="2.688" data-lng="98.232" data-name="Lapangan Desa Tinada"' in html


def _fill(make, count: int) -> None:
    for _ in range(count):
        area = make.area()
        destination = make.destination(area=area, latitude=2.5, longitude=98.2)
        make.business(area=area, latitude=2.6, longitude=98.3)
        make.event(destination=destination)
        make.event(area=area, latitude=2.7, longitude=98.1, recurrence_rule="FREQ=WEEKLY")


def test_map_queries_do_not_grow_with_the_number_of_places(
    client, make, count_queries, monkeypatch
):
    from branding.maps import listing

    monkeypatch.setattr(listing, "PER_PAGE", 4)
    _fill(make, 3)
    paths = ["/en/map/", "/en/map/?page=2", "/en/map/?page=3", "/en/map/data.geojson",
             "/en/map/?area=nowhere&category=waterfall", "/en/map/preview.svg"]  # fmt: skip
    few = {}
    for path in paths:
        client.get(path)  # a process works out repeating events' dates once after a change
        with count_queries() as n:
            assert client.get(path).status_code == 200
        few[path] = n[0]
    _fill(make, 25)
    for path in paths:
        client.get(path)
        with count_queries() as n:
            assert client.get(path).status_code == 200
        assert n[0] == few[path], path
        assert n[0] <= 10, f"{path} ran {n[0]} queries"


def test_geojson_keeps_to_a_bounding_box(client, make):
    make.destination(name={"en": "Inside"}, latitude=2.55, longitude=98.25)
    make.destination(name={"en": "Outside"}, latitude=2.9, longitude=98.5)
    found = client.get("/en/map/data.geojson?bbox=98.2,2.5,98.3,2.6").get_json()
    assert [f["properties"]["name"] for f in found["features"]] == ["Inside"]


def test_geojson_gathers_crowded_places_into_clusters_at_a_zoom_level(client, make):
    for n in range(5):
        make.business(name=f"Warung {n}", latitude=2.60 + n * 0.001, longitude=98.30)
    make.destination(name={"en": "Far away"}, latitude=2.9, longitude=98.0)
    found = client.get("/en/map/data.geojson?zoom=9").get_json()["features"]
    clusters = [f for f in found if f["properties"].get("cluster")]
    assert [c["properties"]["count"] for c in clusters] == [5]
    assert [f["properties"]["name"] for f in found if f not in clusters] == ["Far away"]
    close = client.get("/en/map/data.geojson?zoom=18").get_json()["features"]
    assert sorted(f["properties"]["name"] for f in close)[:2] == ["Far away", "Warung 0"]
    assert not any(f["properties"].get("cluster") for f in close)


def test_geojson_never_answers_more_than_its_limit_of_features(client, make, monkeypatch):
    from branding.maps import services

    monkeypatch.setattr(services, "MAX_FEATURES", 3)
    for n in range(8):
        make.business(latitude=2.3 + n * 0.08, longitude=98.0 + n * 0.08)
    found = client.get("/en/map/data.geojson?zoom=18").get_json()
    assert len(found["features"]) <= 3
    assert sum(f["properties"].get("count", 1) for f in found["features"]) == 8


def test_geojson_refuses_a_box_or_zoom_it_cannot_read(client):
    for query in ("bbox=1,2,3", "bbox=a,b,c,d", "bbox=10,5,20,1", "zoom=99", "zoom=x"):
        assert client.get(f"/en/map/data.geojson?{query}").status_code == 400, query


def test_geojson_without_a_box_gathers_places_once_there_are_too_many(client, make, monkeypatch):
    from branding.maps import services

    monkeypatch.setattr(services, "MAX_FEATURES", 4)
    for n in range(6):
        make.business(latitude=2.5 + n * 0.0001, longitude=98.3)
    found = client.get("/en/map/data.geojson").get_json()["features"]
    assert len(found) <= 4
    assert sum(f["properties"].get("count", 1) for f in found) == 6


def _listed(html: str) -> list[str]:
    return re.findall(r'<li id="((?:destination|business|event)-\d+)"', html)


def test_the_list_is_paged_in_one_order_and_says_how_many_match_in_all(client, make, monkeypatch):
    from branding.maps import listing

    monkeypatch.setattr(listing, "PER_PAGE", 3)
    spots = [make.destination(slug=f"d{n}", latitude=2.5, longitude=98.2) for n in (3, 1, 2, 4)]
    cafes = [make.business(name=f"Kopi {n}", latitude=2.6, longitude=98.3) for n in "ba"]
    soon = make.event(latitude=2.7, longitude=98.1, starts_in=timedelta(days=2))
    expected = [f"destination-{d.id}" for d in sorted(spots, key=lambda d: d.slug)]
    expected += [f"business-{b.id}" for b in sorted(cafes, key=lambda b: b.name)]
    expected += [f"event-{soon.id}"]
    seen = []
    for page in (1, 2, 3):
        html = client.get(f"/en/map/?page={page}").get_data(as_text=True)
        assert '<h2 id="places-h" class="count">7 places</h2>' in html  # all, not this page's
        assert f"Page {page} of 3" in html
        seen += _listed(html)
    assert seen == expected
    assert client.get("/en/map/?page=4").status_code == 404  # past the last page
    assert _listed(client.get("/en/map/?page=junk").get_data(as_text=True)) == expected[:3]


def test_the_pager_keeps_the_filters(client, make, monkeypatch):
    from branding.maps import listing

    monkeypatch.setattr(listing, "PER_PAGE", 2)
    area = make.area(slug="salak")
    for n in range(3):
        make.destination(area=area, category=DestinationCategory.WATERFALL, latitude=2.5,
                         longitude=98.2 + n / 100)  # fmt: skip
    make.destination(category=DestinationCategory.WATERFALL, latitude=2.5, longitude=98.2)
    html = client.get("/en/map/?type=destination&area=salak").get_data(as_text=True)
    assert "3 places" in html
    assert 'rel="next" href="/en/map/?type=destination&amp;area=salak&amp;page=2"' in html
    html = client.get("/en/map/?type=destination&area=salak&page=2").get_data(as_text=True)
    assert 'rel="prev" href="/en/map/?type=destination&amp;area=salak&amp;page=1"' in html
    assert len(_listed(html)) == 1 and 'rel="next"' not in html
    assert client.get("/en/map/?type=destination&area=salak&page=3").status_code == 404


def test_no_match_is_an_empty_first_page_and_a_missing_second_one(client, make):
    make.destination(latitude=2.5, longitude=98.2)
    html = client.get("/en/map/?type=business").get_data(as_text=True)
    assert "No places match these filters." in html and "0 places" in html
    assert "data-bounds" not in html  # nothing to fit: the map opens on the capital
    assert client.get("/en/map/?type=business&page=2").status_code == 404


def test_the_map_box_carries_the_bounds_of_the_filtered_places(client, make):
    make.destination(latitude=2.4, longitude=98.1)
    make.destination(latitude=2.9, longitude=98.6)
    make.business(latitude=2.2, longitude=98.7)
    make.event(latitude=3.1, longitude=97.9, starts_in=timedelta(days=1))
    make.event(latitude=5.0, longitude=95.0, starts_in=timedelta(days=-3))  # over: not shown
    html = client.get("/en/map/").get_data(as_text=True)
    assert 'data-bounds="2.200000,97.900000,3.100000,98.700000"' in html  # S, W, N, E
    html = client.get("/en/map/?type=destination").get_data(as_text=True)
    assert 'data-bounds="2.400000,98.100000,2.900000,98.600000"' in html


def test_the_sketch_reads_one_row_per_small_cell(app, make):
    from branding.maps import listing
    from branding.maps.services import MapFilter

    for n in range(40):  # forty places at two spots, and one far away
        make.destination(latitude=2.5 + (n % 2) * 0.2, longitude=98.2 + n * 1e-6)
    make.destination(latitude=3.5, longitude=99.0)
    with app.test_request_context("/en/map/"):
        from branding.core.content.publishing import utcnow

        pins = listing.sketch_pins(MapFilter(), utcnow())
    assert len(pins) == 3


def test_clusters_are_made_at_the_finest_level_that_keeps_few_enough():
    import random

    from branding.maps.clusters import cluster_within

    rng = random.Random(7)
    points = [(("destination", n), 2.5 + rng.random() / 2, 98.1 + rng.random() / 2)
              for n in range(3000)]  # fmt: skip
    clusters, level = cluster_within(points, 18, 100)
    finer, _ = cluster_within(points, level + 1, 10**6)
    assert len(clusters) <= 100 < len(finer)
    assert sum(c.count for c in clusters) == 3000
    singles = [c for c in clusters if c.count == 1]
    assert all(c.first in {key for key, _, _ in points} for c in singles)
    assert cluster_within(points[:5], 18, 100) == (cluster_within(points[:5], 18, 5)[0], 18)
