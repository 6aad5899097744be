"""Every public page runs at most ten queries, and as many with three times the content."""

from datetime import timedelta

from branding.core.content.publishing import utcnow
from branding.core.i18n.formatting import to_wib
from branding.events.services import get_published_event, next_occurrence

BUDGET = 10
PAGES = {
    "home": "/{lang}/",
    "destinations": "/{lang}/destinations/",
    "destinations deep": "/{lang}/destinations/?page=2",
    "destination": "/{lang}/destinations/{destination}",
    "events": "/{lang}/events/",
    "events past deep": "/{lang}/events/past?page=2",
    "event": "/{lang}/events/{event}",
    "occurrence": "/{lang}/events/{series}/{day}",
    "calendar month": "/{lang}/events/calendar",
    "agenda": "/{lang}/events/agenda",
    "businesses": "/{lang}/businesses/",
    "businesses deep": "/{lang}/businesses/?page=2",
    "business": "/{lang}/businesses/{business}",
    "areas": "/{lang}/areas/",
    "area": "/{lang}/areas/{area}",
    "search": "/{lang}/search?q=kopi",
    "map": "/{lang}/map/",
    "map geojson": "/{lang}/map/data.geojson",
    "map geojson in a box": "/{lang}/map/data.geojson?bbox=98.0,2.3,98.6,3.0&zoom=9",
    "sitemap": "/sitemap.xml",
    "events feed": "/{lang}/feeds/events.atom",
    "listings feed": "/{lang}/feeds/listings.atom",
}


def _fill(make, areas: list, count: int) -> dict:
    """Add ``count`` of each kind of item, with photos and texts in three languages."""
    made: dict = {}
    for n in range(count):
        area = areas[n % len(areas)]
        texts = {"id": "Kopi Sidikalang", "en": "Sidikalang coffee", "btd": "Kopi"}
        destination = make.destination(area=area, summary=texts, latitude=2.6, longitude=98.2)
        make.photo(destination)
        event = make.event(area=area, starts_in=timedelta(days=n + 1), latitude=2.7,
                           longitude=98.3)  # fmt: skip
        make.photo(make.event(area=area, starts_in=timedelta(days=-n - 1)))
        series = make.event(destination=destination, starts_in=timedelta(days=-14, hours=n),
                            recurrence_rule="FREQ=WEEKLY")  # fmt: skip
        make.photo(series)
        business = make.business(area=area, name=f"Kopi {n}", latitude=2.5, longitude=98.4)
        make.photo(business)
        make.photo(make.product(business, name={"id": f"Kopi bubuk {n}"}))
        made = {"destination": destination.slug, "event": event.slug, "business": business.slug}
        made["series"] = series.slug
    return made


def _count(client, count_queries, url: str) -> int:
    assert client.get(url).status_code == 200  # the first request fills what a process keeps
    with count_queries() as queries:
        assert client.get(url).status_code == 200
    return queries[0]


def test_every_public_page_runs_a_fixed_number_of_queries(app, client, make, count_queries):
    app.config["PER_PAGE"] = 4
    areas = [make.area() for _ in range(3)]
    made = _fill(make, areas, 10)
    upcoming = next_occurrence(get_published_event(made["series"]), utcnow())
    day = to_wib(upcoming.starts_at).date()
    urls = {name: path.format(**made, area=areas[0].slug, lang="en", day=day)
            for name, path in PAGES.items()}  # fmt: skip
    few = {name: _count(client, count_queries, url) for name, url in urls.items()}
    _fill(make, areas, 20)
    many = {name: _count(client, count_queries, url) for name, url in urls.items()}
    assert many == few  # as many queries with three times the items
    assert {name: n for name, n in many.items() if n > BUDGET} == {}
