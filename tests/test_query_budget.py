"""Each public page runs a bounded number of queries, however many items it lists."""

from datetime import timedelta

import pytest

BUDGET = 8  # settings, count, items, and one query per eagerly loaded relation
# Pages with several lists: the home page (destinations, events, repeating events,
# products) and an area page (destinations and businesses).
PAGE_BUDGETS = {"/{lang}/": 13, "/{lang}/areas/{area}": 10}
PAGES = [
    "/{lang}/",
    "/{lang}/destinations/",
    "/{lang}/events/",
    "/{lang}/events/past",
    "/{lang}/businesses/",
    "/{lang}/areas/",
    "/{lang}/areas/{area}",
]


def _fill(make, areas: list, count: int, offset: int = 0) -> None:
    for n in range(offset, offset + count):
        area = areas[n % len(areas)]
        make.photo(make.destination(area=area, featured=True))
        make.photo(make.event(area=area, starts_in=timedelta(days=n + 1)))
        make.photo(make.event(area=area, starts_in=timedelta(days=-n - 1)))
        business = make.business(area=area)
        make.photo(business)
        make.photo(make.product(business))


@pytest.mark.parametrize("path", PAGES)
def test_a_page_of_50_runs_as_many_queries_as_a_page_of_5(app, client, make, count_queries, path):
    app.config["PER_PAGE"] = 50
    areas = [make.area() for _ in range(3)]
    url = path.format(lang="en", area=areas[0].slug)
    _fill(make, areas, 5)
    client.get(url)  # a process works out repeating events' dates once after a change
    with count_queries() as few:
        assert client.get(url).status_code == 200
    _fill(make, areas, 45, offset=5)
    client.get(url)
    with count_queries() as many:
        html = client.get(url).get_data(as_text=True)
    if path == "/{lang}/destinations/":
        assert html.count('<article class="card">') == 50
        assert html.count("<picture") == 50  # every card shows its cover
    assert many[0] == few[0]
    assert many[0] <= PAGE_BUDGETS.get(path, BUDGET), f"{url} ran {many[0]} queries"


def test_business_page_with_50_products(client, make, count_queries):
    business = make.business()
    for _ in range(50):
        make.product(business)
    with count_queries() as queries:
        response = client.get(f"/id/businesses/{business.slug}")
    assert response.get_data(as_text=True).count('class="card card-product"') == 50
    assert queries[0] <= BUDGET


@pytest.mark.parametrize("kind", ["destinations", "events"])
def test_detail_pages_are_cheap(client, make, count_queries, kind):
    item = (
        make.destination() if kind == "destinations" else make.event(destination=make.destination())
    )
    with count_queries() as queries:
        assert client.get(f"/en/{kind}/{item.slug}").status_code == 200
    assert queries[0] <= 6
