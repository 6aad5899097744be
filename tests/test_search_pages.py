"""The search page and suggestions: safe with any input, never a 500, cheap in queries."""

import re

import pytest
from sqlalchemy import select

from branding.extensions import db
from branding.search import query, storage
from branding.search.models import MissedSearch
from tests import search_fixtures
from tests.search_fixtures import result_slugs

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture


@pytest.fixture
def coffee(make, indexed):
    """A small regency: a coffee farm, a coffee shop and its product, a festival."""
    farm = make.destination(
        slug="kebun-kopi",
        name={"id": "Kebun Kopi Sengkut", "en": "Sengkut Coffee Farm"},
        summary={"id": "Kebun kopi arabika di lereng bukit.", "en": "An arabica farm."},
    )
    shop = make.business(slug="kedai-kopi", name="Kedai Kopi Julu")
    make.product(shop, name={"id": "Kopi Arabika Bubuk", "en": "Ground Arabica"})
    make.event(slug="festival-kopi", title={"id": "Festival Kopi", "en": "Coffee Festival"})
    indexed()
    return farm


@pytest.mark.parametrize(("lang", "word"), [("id", "kopi"), ("en", "coffee"), ("btd", "kopi")])
def test_the_search_page_answers_in_each_language(client, coffee, lang, word):
    response = client.get(f"/{lang}/search?q={word}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert set(result_slugs(html)) == {"kebun-kopi", "kedai-kopi", "festival-kopi"}
    assert "<mark>" in html


def test_english_readers_find_english_texts_first_then_the_other_versions(client, coffee):
    html = client.get("/en/search?q=kopi").get_data(as_text=True)
    slugs = result_slugs(html)
    assert slugs[0] == "kedai-kopi"  # a shop's name is the same in any language
    assert set(slugs) == {"kedai-kopi", "kebun-kopi", "festival-kopi"}  # by their Indonesian


def test_an_empty_search_shows_the_form(client, index_dir):
    html = client.get("/id/search").get_data(as_text=True)
    assert 'name="q"' in html and 'class="results"' not in html


def test_the_home_page_and_every_page_have_a_search_box(client, index_dir):
    html = client.get("/en/").get_data(as_text=True)
    assert html.count('role="search"') == 1  # the hero's: one search box a page
    assert 'data-suggest="/en/search/suggest"' in html
    assert 'data-search-js="/static/js/search.' in html  # loaded when a box is first used


def test_counts_and_type_tabs(client, coffee):
    html = client.get("/en/search?q=coffee&type=destination").get_data(as_text=True)
    assert result_slugs(html) == ["kebun-kopi"]
    assert 'aria-current="page">Destinations <span class="n">1</span>' in html
    assert 'All <span class="n">4</span>' in html


@pytest.mark.parametrize(
    "q",
    ["*", "kop*", "k?pi", "/.*/", "kopi~2", "name_id_id:kopi", '"kopi', "(", "a OR b", "%", "_"],
)
def test_query_syntax_is_just_punctuation(client, coffee, q):
    response = client.get("/id/search", query_string={"q": q})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    if q in ("kop*", "k?pi", "kopi~2", "name_id_id:kopi", '"kopi'):
        return  # the words are searched, the operators ignored
    assert result_slugs(html) == []  # no wildcard ever matched everything


def test_a_wildcard_matches_nothing_more_than_its_letters(client, coffee):
    html = client.get("/id/search?q=k*pi").get_data(as_text=True)
    assert result_slugs(html) == []  # "k" and "pi": no pattern of the visitor's making


def test_the_last_word_is_completed_as_in_suggestions(client, coffee):
    html = client.get("/en/search?q=festiv").get_data(as_text=True)
    assert "festival-kopi" in result_slugs(html)
    html = client.get("/id/search?q=kebun+sengk").get_data(as_text=True)
    assert result_slugs(html) == ["kebun-kopi"]


def test_html_in_the_query_and_in_content_is_escaped(client, make, indexed):
    make.destination(
        slug="aman",
        name={"id": "Bukit <b>Aman</b> & Damai"},
        summary={"id": '<script>alert("x")</script> bukit aman'},
    )
    indexed()
    html = client.get("/id/search", query_string={"q": "<img src=x onerror=alert(1)> aman"})
    text = html.get_data(as_text=True)
    assert "<img src=x" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<script>alert" not in text and "&lt;script&gt;" in text
    assert "<b>Aman</b>" not in text and "<mark>Aman</mark>" in text


def test_the_query_is_capped_at_100_characters(client, index_dir):
    long = "durian " * 200
    response = client.get("/id/search", query_string={"q": long})
    assert response.status_code == 200
    missed = db.session.scalars(select(MissedSearch.query)).all()
    assert len(missed) == 1 and len(missed[0]) <= query.MAX_QUERY


def test_searches_that_find_nothing_are_recorded(client, coffee):
    client.get("/en/search?q=Arung+Jeram")
    client.get("/en/search?q=kopi")  # found: not recorded
    client.get("/en/search?q=")  # empty: not recorded
    client.get("/id/search?q=arung+jeram&page=2")  # a second page: not recorded
    rows = db.session.execute(select(MissedSearch.query, MissedSearch.lang)).all()
    assert [tuple(r) for r in rows] == [("arung jeram", "en")]


def test_a_misspelling_offers_a_correction(client, coffee):
    html = client.get("/en/search?q=arabicca").get_data(as_text=True)
    assert 'class="did-you-mean">arabica</a>' in html
    assert "kebun-kopi" in result_slugs(html)


def test_the_time_limit_cuts_a_search_short_without_failing(client, coffee, monkeypatch):
    monkeypatch.setattr(query, "TIME_LIMIT", -1.0)
    response = client.get("/en/search?q=coffee")
    assert response.status_code == 200
    assert "may be incomplete" in response.get_data(as_text=True)


@pytest.mark.parametrize("trouble", ["missing", "broken"])
def test_without_a_usable_index_the_database_answers(app, client, coffee, monkeypatch, trouble):
    if trouble == "missing":
        app.config["SEARCH_INDEX_DIR"] = str(storage.index_root() / "nowhere")
    else:

        def broken(*args, **kwargs):
            raise OSError("disk on fire")

        monkeypatch.setattr(storage, "open_index", broken)
        storage.forget_searcher(storage.index_root())
    response = client.get("/en/search?q=coffee")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "only names are searched" in html
    assert result_slugs(html) == ["kebun-kopi", "festival-kopi"]


def test_a_locked_index_still_answers(client, coffee, index_dir):
    with storage.writer(index_dir, timeout=1):
        html = client.get("/id/search?q=kopi").get_data(as_text=True)
    assert "only names are searched" not in html and len(set(result_slugs(html))) == 3


def test_when_both_searches_fail_the_page_still_answers(client, coffee, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def fail(*args, **kwargs):
        raise OperationalError("SELECT", {}, Exception("gone"))

    monkeypatch.setattr("branding.search.services.search_index", fail)
    monkeypatch.setattr("branding.search.services.search_database", fail)
    assert client.get("/id/search?q=kopi").status_code == 200


@pytest.mark.parametrize(
    "args",
    [
        "type=nonsense",
        "type=event&category=waterfall",
        "area=nowhere",
        "page=-3",
        "page=abc",
        "page=99999999999999999999",
        "type=event&from=2026-13-45&to=yesterday",
        "type=event&upcoming=yes",
        "q=%00%01kopi",
    ],
)
def test_junk_in_the_query_string_is_ignored(client, coffee, args):
    assert client.get(f"/id/search?q=kopi&{args}").status_code == 200


def test_an_unknown_language_is_a_404(client, index_dir):
    assert client.get("/xx/search?q=kopi").status_code == 404


def test_suggestions_complete_names_as_json(client, coffee):
    response = client.get("/en/search/suggest?q=sengkut+cof")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] in ("public, no-cache", "no-cache, public")
    assert response.headers["ETag"]  # revalidated: a renamed item is suggested by its new name
    assert response.json == {
        "suggestions": [
            {
                "title": "Sengkut Coffee Farm",
                "type": "destination",
                "label": "Destination",
                "url": "/en/destinations/kebun-kopi",
            }
        ]
    }
    assert client.get("/en/search/suggest?q=k").json == {"suggestions": []}
    assert client.get("/en/search/suggest").json == {"suggestions": []}


def test_suggestions_without_an_index_are_empty(app, client, coffee):
    app.config["SEARCH_INDEX_DIR"] = str(storage.index_root() / "nowhere")
    assert client.get("/id/search/suggest?q=kopi").json == {"suggestions": []}


def test_a_page_of_50_results_runs_a_bounded_number_of_queries(
    app, make, indexed, client, count_queries
):
    app.config["PER_PAGE"] = 50
    area = make.area()
    shop = make.business(area=area, name="Kedai Jeruk")

    def fill(count: int) -> None:
        for _ in range(count):
            make.destination(area=area, name={"id": "Kebun Jeruk"})
            make.event(area=area, title={"id": "Pesta Jeruk"})
            make.product(shop, name={"id": "Jeruk Manis"})
        indexed()

    fill(2)
    with count_queries() as few:
        html = client.get("/id/search?q=jeruk").get_data(as_text=True)
    kinds = set(re.findall(r'class="result result-(\w+)"', html))
    assert kinds == {"destination", "event", "business", "product"}
    fill(20)
    with count_queries() as many:
        html = client.get("/id/search?q=jeruk").get_data(as_text=True)
    assert html.count('class="result ') == 50
    # settings, areas, then each type found: items, area, photos (+ venue or business)
    assert few[0] <= 16 and many[0] <= 16, f"{few[0]} and {many[0]} queries"
