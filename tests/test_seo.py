"""What search engines and feed readers read: JSON-LD, Open Graph, sitemap, robots, Atom."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from branding.areas.models import Area
from branding.businesses.models import BusinessCategory, ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.events.models import EventStatus
from branding.extensions import db
from branding.seo import services as seo_services

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def _json_ld(client, path: str) -> dict:
    html = client.get(path).get_data(as_text=True)
    (script,) = LD.findall(html)
    return json.loads(script)


def test_destination_is_a_tourist_attraction(client, make):
    hours = {
        "weekly": {
            "mon": [["08:00", "17:00"]],
            "tue": [["08:00", "17:00"]],
            "sun": [["09:00", "24:00"]],
        },
        "exceptions": [
            {"date": (datetime.now(UTC) + timedelta(days=5)).date().isoformat(), "closed": True}
        ],
    }
    destination = make.destination(
        latitude=2.492,
        longitude=98.224,
        address="Desa Lae Une",
        opening_hours=hours,
        entry_free=True,
    )
    data = _json_ld(client, f"/en/destinations/{destination.slug}")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "TouristAttraction"
    assert data["name"] == destination.name["en"]
    assert data["url"] == f"http://localhost/en/destinations/{destination.slug}"
    assert data["address"]["@type"] == "PostalAddress"
    assert data["address"]["streetAddress"] == "Desa Lae Une"
    assert data["address"]["addressCountry"] == "ID"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 2.492, "longitude": 98.224}
    assert data["isAccessibleForFree"] is True
    weekdays = data["openingHoursSpecification"]
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday"],
        "opens": "08:00",
        "closes": "17:00",
    } in weekdays
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["https://schema.org/Sunday"],
        "opens": "09:00",
        "closes": "23:59",
    } in weekdays
    (closed,) = data["specialOpeningHoursSpecification"]
    assert closed["opens"] == closed["closes"] == "00:00"


def test_event_has_what_search_engines_require(client, make):
    destination = make.destination(address="Taman Kota Salak")
    starts = datetime(2026, 12, 12, 13, 0, tzinfo=UTC)
    event = make.event(
        destination=destination,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        entry_free=False,
        price=75000,
        organiser="Sanggar Budaya Salak",
    )
    data = _json_ld(client, f"/en/events/{event.slug}")
    assert data["@type"] == "Festival"  # the default category's schema.org type
    assert data["name"] == event.title["en"]
    assert data["startDate"] == "2026-12-12T20:00:00+07:00"
    assert data["endDate"] == "2026-12-12T23:00:00+07:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    location = data["location"]
    assert location["@type"] == "Place" and location["name"] == destination.name["en"]
    assert location["address"]["streetAddress"] == "Taman Kota Salak"
    assert location["address"]["addressLocality"]
    assert data["offers"] == {
        "@type": "Offer",
        "price": 75000,
        "priceCurrency": "IDR",
        "availability": "https://schema.org/InStock",
        "url": f"http://localhost/en/events/{event.slug}",
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Sanggar Budaya Salak"}


def test_cancelled_all_day_and_repeating_events(client, make):
    cancelled = make.event(
        event_status=EventStatus.CANCELLED, venue_name="Lapangan", venue_address=""
    )
    data = _json_ld(client, f"/id/events/{cancelled.slug}")
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"]["address"]["addressCountry"] == "ID"  # an address even without one
    assert data["offers"]["price"] == 0
    starts = datetime(2026, 12, 20, 0, 0, tzinfo=UTC) - timedelta(hours=7)
    festival = make.event(
        all_day=True, starts_at=starts, ends_at=starts + timedelta(days=2, hours=23, minutes=59)
    )
    data = _json_ld(client, f"/en/events/{festival.slug}")
    assert (data["startDate"], data["endDate"]) == ("2026-12-20", "2026-12-22")
    first = datetime(2026, 1, 3, 0, 0, tzinfo=UTC)
    market = make.event(
        starts_at=first,
        ends_at=first + timedelta(hours=5),
        recurrence_rule="FREQ=WEEKLY;BYDAY=SA",
        recurrence_exdates=["2026-01-10"],
    )
    data = _json_ld(client, f"/en/events/{market.slug}")
    schedule = data["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"] == ["https://schema.org/Saturday"]
    assert schedule["startTime"] == "07:00:00" and schedule["scheduleTimezone"] == "Asia/Jakarta"
    assert schedule["exceptDate"] == ["2026-01-10"]
    assert datetime.fromisoformat(data["startDate"]) >= datetime.now(UTC) - timedelta(hours=5)


def test_business_is_a_local_business_with_products(client, make):
    business = make.business(
        category=BusinessCategory.COFFEE,
        phone="0627 21000",
        opening_hours={"weekly": {"sat": [["07:00", "12:00"]]}, "exceptions": []},
        social_links={"instagram": "https://instagram.com/kopi"},
    )
    make.product(business, price_min=25000, price_max=None)
    make.product(business, price_min=60000, price_max=90000, available=False)
    make.product(business, price_min=None, price_max=None)
    make.product(business, status=ModerationStatus.PENDING)
    data = _json_ld(client, f"/en/businesses/{business.slug}")
    place, *products = data["@graph"]
    assert place["@type"] == "CafeOrCoffeeShop"
    assert place["name"] == business.name
    assert place["telephone"] == "+6262721000"
    assert place["address"]["@type"] == "PostalAddress"
    assert place["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Saturday"],
            "opens": "07:00",
            "closes": "12:00",
        }
    ]
    assert place["sameAs"] == ["https://instagram.com/kopi"]
    assert len(products) == 2  # the unpriced one is an offer of the place; the pending stays out
    assert all(p["@type"] == "Product" and p["name"] for p in products)
    single, ranged = products
    assert single["offers"]["price"] == 25000 and single["offers"]["priceCurrency"] == "IDR"
    assert single["offers"]["seller"] == {"@id": place["@id"]}
    assert ranged["offers"]["@type"] == "AggregateOffer"
    assert (ranged["offers"]["lowPrice"], ranged["offers"]["highPrice"]) == (60000, 90000)
    assert ranged["offers"]["availability"] == "https://schema.org/OutOfStock"
    (unpriced,) = place["makesOffer"]  # a Product item without a price is flagged by Google
    assert unpriced["@type"] == "Offer" and "price" not in unpriced
    assert unpriced["itemOffered"]["@type"] == "Product" and "offers" not in unpriced["itemOffered"]
    assert unpriced["availability"] == "https://schema.org/InStock"
    assert place["priceRange"] == "Rp 25,000–Rp 90,000"  # from the products' prices, in English


def test_business_without_prices_states_no_price_range(client, make):
    business = make.business()
    make.product(business, price_min=None, price_max=None)
    (place,) = _json_ld(client, f"/id/businesses/{business.slug}")["@graph"]
    assert "priceRange" not in place
    assert len(place["makesOffer"]) == 1


def test_json_ld_cannot_break_out_of_its_script(client, make):
    evil = '</script><script>alert("x")</script> & <!--'
    business = make.business(name=evil, summary={"id": evil})
    html = client.get(f"/id/businesses/{business.slug}").get_data(as_text=True)
    (script,) = LD.findall(html)
    assert "<" not in script and ">" not in script
    assert json.loads(script)["@graph"][0]["name"] == evil


@pytest.mark.parametrize("kind", ["destinations", "events", "businesses"])
def test_open_graph_and_twitter_cards(client, make, kind):
    item = {"destinations": make.destination, "events": make.event, "businesses": make.business}[
        kind
    ]()
    html = client.get(f"/en/{kind}/{item.slug}").get_data(as_text=True)
    title = (
        item.name if kind == "businesses" else (item.title if kind == "events" else item.name)["en"]
    )
    assert f'<meta property="og:title" content="{title}">' in html
    assert f'<meta property="og:url" content="http://localhost/en/{kind}/{item.slug}">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<meta property="og:description" content="' in html


def _sitemap(client) -> ET.Element:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    return ET.fromstring(response.get_data())


def test_sitemap_covers_every_language_with_reciprocal_alternates(client, make):
    destination = make.destination()
    event = make.event()
    business = make.business()
    hidden = [
        make.destination(status=PublicationStatus.DRAFT).slug,
        make.event(status=PublicationStatus.DRAFT).slug,
        make.business(status=ModerationStatus.PENDING).slug,
    ]
    root = _sitemap(client)
    alternates = {}
    for url in root.findall(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(links) == {"id", "en", "btd", "x-default"}
        assert links["x-default"] == links["id"]
        assert loc in links.values()
        alternates[loc] = links
    for links in alternates.values():  # every alternate lists this page back
        for code in ("id", "en", "btd"):
            assert links[code] in alternates, links[code]
            assert alternates[links[code]] == links
    for code in ("id", "en", "btd"):
        assert f"http://localhost/{code}/destinations/{destination.slug}" in alternates
        assert f"http://localhost/{code}/events/{event.slug}" in alternates
        assert f"http://localhost/{code}/businesses/{business.slug}" in alternates
        assert f"http://localhost/{code}/events/calendar" in alternates
        assert f"http://localhost/{code}/map/" in alternates
    assert not [loc for loc in alternates for slug in hidden if loc.endswith("/" + slug)]
    lastmods = [u.find(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")]
    assert any(m is not None and datetime.fromisoformat(m.text) for m in lastmods)


def test_a_large_sitemap_becomes_an_index_of_files_that_list_each_page_once(app, client, make):
    app.config["SITEMAP_MAX_URLS"] = 30  # ten pages in three languages a file
    slugs = {make.destination().slug for _ in range(8)} | {make.business().slug for _ in range(6)}
    areas = db.session.scalar(select(func.count()).select_from(Area))  # a factory makes one each
    whole = len(seo_services.LIST_PAGES) + len(slugs) + areas
    root = _sitemap(client)
    assert root.tag == f"{SITEMAP}sitemapindex"
    files = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert files == [f"http://localhost/sitemap-{n}.xml" for n in range(1, -(-whole // 10) + 1)]
    listed = []
    for url in files:
        part = ET.fromstring(client.get(url.removeprefix("http://localhost")).get_data())
        locs = [loc.text for loc in part.iter(f"{SITEMAP}loc")]
        assert len(locs) <= 30
        listed += locs
    assert len(listed) == len(set(listed)) == 3 * whole
    for slug in slugs:
        assert any(loc.endswith("/" + slug) for loc in listed)
    assert client.get(f"/sitemap-{len(files) + 1}.xml").status_code == 404
    text = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text


def test_a_small_sitemap_is_its_one_file(client, make):
    make.destination()
    assert client.get("/sitemap-1.xml").get_data() == client.get("/sitemap.xml").get_data()
    assert client.get("/sitemap-2.xml").status_code == 404


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text
    assert "User-agent: *" in text
    assert "Disallow: /*/office/" in text and "Disallow: /*/account/" in text


def _atom(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.get_data())


def test_atom_feed_of_upcoming_events(client, make):
    make.event(slug="later", title={"id": "Nanti", "en": "Later"}, starts_in=timedelta(days=9))
    make.event(slug="soon", title={"id": "Segera"}, starts_in=timedelta(days=2))
    make.event(slug="past", starts_in=timedelta(days=-3))
    feed = _atom(client, "/en/feeds/events.atom")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title") for e in entries]
    assert [t.text for t in titles] == ["Segera", "Later"]
    assert titles[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "id"  # a fallback
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links == ["http://localhost/en/events/soon", "http://localhost/en/events/later"]
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert all(i.startswith("tag:localhost,") for i in ids) and len(set(ids)) == 2
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    assert datetime.fromisoformat(feed.find(f"{ATOM}updated").text)


def test_atom_feed_of_new_listings(client, make):
    old = make.destination(slug="old", published_at=datetime(2025, 1, 1, tzinfo=UTC))
    new = make.business(slug="new", approved_at=datetime(2026, 3, 1, tzinfo=UTC))
    make.destination(slug="draft", status=PublicationStatus.DRAFT)
    feed = _atom(client, "/id/feeds/listings.atom")
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert links == [
        f"http://localhost/id/businesses/{new.slug}",
        f"http://localhost/id/destinations/{old.slug}",
    ]


def test_pages_advertise_the_feeds(client):
    html = client.get("/en/").get_data(as_text=True)
    assert (
        'type="application/atom+xml" title="Upcoming events" href="/en/feeds/events.atom"' in html
    )
    assert 'type="text/calendar"' in html and 'href="/en/events/calendar.ics"' in html


def _fill(make, count: int) -> None:
    for _ in range(count):
        area = make.area()
        make.event(destination=make.destination(area=area))
        make.product(make.business(area=area))


@pytest.mark.parametrize(
    "path",
    ["/sitemap.xml", "/en/feeds/events.atom", "/en/feeds/listings.atom", "/en/events/calendar.ics"],
)
def test_feed_queries_do_not_grow_with_the_number_of_items(client, make, count_queries, path):
    _fill(make, 3)
    client.get(path)  # a process works out repeating events' dates once after a change
    with count_queries() as few:
        assert client.get(path).status_code == 200
    _fill(make, 25)
    client.get(path)
    with count_queries() as many:
        assert client.get(path).status_code == 200
    assert many[0] == few[0]
    assert many[0] <= 6, f"{path} ran {many[0]} queries"


def test_json_ld_detail_pages_stay_cheap(client, make, count_queries):
    business = make.business(latitude=2.5, longitude=98.2)
    for _ in range(20):
        make.product(business)
    with count_queries() as queries:
        assert client.get(f"/en/businesses/{business.slug}").status_code == 200
    assert queries[0] <= 8
