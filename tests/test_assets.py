"""Light pages: fingerprinted static names cached for a year, compressed text responses, and
the home page's weight."""

from __future__ import annotations

import re

import brotli
import pytest

from tests.calendar_helpers import next_month

BR = {"Accept-Encoding": "br"}
GZIP = {"Accept-Encoding": "gzip"}


def _assets(html: str) -> list[str]:
    """Return the stylesheets and scripts a page links to (its own, not the map library's)."""
    return re.findall(r'<(?:link rel="stylesheet"|script) (?:href|src)="(/[^"]+)"', html)


def test_static_names_carry_a_digest_and_are_cached_for_a_year(client):
    html = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{10}\.css)"', html)[1]
    response = client.get(css)
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    again = client.get(css, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    js = re.search(r'src="(/static/js/site\.[0-9a-f]{10}\.js)"', html)[1]
    assert "immutable" in client.get(js).headers["Cache-Control"]


def test_static_text_files_are_sent_with_brotli_smaller_than_per_response(client):
    html = client.get("/en/map/").get_data(as_text=True)
    leaflet = re.search(r'src="(/static/vendor/leaflet/leaflet\.[0-9a-f]{10}\.js)"', html)[1]
    plain = client.get(leaflet)
    sent = client.get(leaflet, headers=BR)
    assert sent.headers["Content-Encoding"] == "br" and "Accept-Encoding" in sent.headers["Vary"]
    assert brotli.decompress(sent.data) == plain.data
    assert len(sent.data) <= len(brotli.compress(plain.data, quality=5)) * 0.95
    assert sent.headers["ETag"] != plain.headers["ETag"]  # two encodings, two tags
    again = client.get(leaflet, headers={**BR, "If-None-Match": sent.headers["ETag"]})
    assert again.status_code == 304
    assert client.get(leaflet, headers=GZIP).headers["Content-Encoding"] == "gzip"


def test_other_static_names_still_work_but_are_cached_briefly(client):
    plain = client.get("/static/css/site.css")
    outdated = client.get("/static/css/site.0123456789.css")
    for response in (plain, outdated):
        assert response.status_code == 200
        assert "immutable" not in response.headers["Cache-Control"]
        assert "max-age=3600" in response.headers["Cache-Control"]
    assert client.get("/static/css/nothing.0123456789.css").status_code == 404
    assert client.get("/static/../config.py").status_code == 404
    assert client.get("/static/%2e%2e/config.py").status_code == 404


def _text_addresses(client, make) -> dict[str, str]:
    destination = make.destination(latitude=2.57, longitude=98.27)
    event = make.event()
    month = next_month().strftime("%Y-%m")
    css = re.search(r'href="(/static/css/site\.[^"]+)"', client.get("/en/").get_data(as_text=True))[
        1
    ]
    return {
        "text/html": f"/en/destinations/{destination.slug}",
        "text/css": css,
        "text/javascript": "/static/js/map.js",
        "application/geo+json": "/en/map/data.geojson",
        "text/calendar": f"/en/events/{event.slug}.ics",
        "text/calendar feed": f"/en/events/calendar.ics?month={month}",
        "application/atom+xml": "/en/feeds/events.atom",
        "application/xml": "/sitemap.xml",
        "application/manifest+json": "/en/manifest.webmanifest",
        "error page": "/en/destinations/no-such-place",
    }


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_every_text_response_is_compressed(client, make, encoding):
    """(Responses under 256 bytes are sent as they are: compressing them saves nothing.)"""
    for kind, address in _text_addresses(client, make).items():
        response = client.get(address, headers={"Accept-Encoding": encoding})
        assert response.headers.get("Content-Encoding") == encoding, kind
        assert "Accept-Encoding" in response.headers.get("Vary", ""), kind
    plain = client.get("/en/")
    assert "Content-Encoding" not in plain.headers  # a client that accepts none gets plain text


def test_home_page_weighs_at_most_30_kb_compressed_before_images(client, make):
    for _ in range(6):
        make.destination(featured=True, summary={"en": "A waterfall " * 20})
    for _ in range(4):
        make.event()
    business = make.business()
    for _ in range(6):
        make.product(business)
    page = client.get("/en/", headers=BR)
    html = brotli.decompress(page.data).decode()
    sizes = {"/en/": len(page.data)}
    for address in _assets(html):
        response = client.get(address, headers=BR)
        assert response.status_code == 200, address
        sizes[address] = len(response.data)
    total = sum(sizes.values())
    assert total <= 30_000, sizes
    assert not any(
        "leaflet" in a or "gallery" in a or "search.js" in a for a in sizes
    )  # not needed


def test_pages_load_only_the_scripts_they_need(client, make):
    destination = make.destination(latitude=2.57, longitude=98.27)
    home = client.get("/en/").get_data(as_text=True)
    assert re.findall(r'<script src="/static/js/(\w+)\.', home) == ["site"]
    detail = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert re.findall(r'<script src="/static/js/(\w+)\.', detail) == ["site", "detail"]
    map_page = client.get("/en/map/").get_data(as_text=True)
    scripts = re.findall(r'<script src="/static/(?:vendor/)?([\w./]+?)\.[0-9a-f]{10}\.js', map_page)
    assert scripts == [
        "js/site",
        "leaflet/leaflet",
        "markercluster/leaflet.markercluster",
        "js/map",
    ]
    inline = r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>"
    assert not re.search(inline, home + detail + map_page)  # no inline script (JSON-LD is data)
    assert not re.search(r'\sstyle="|\son[a-z]+="', home + detail + map_page)
