"""Language prefixes, the switcher, the cookie and the Pakpak catalog shim."""

import pytest

from branding.extensions import babel


def test_root_redirects_by_accept_language(client):
    response = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/")


def test_root_defaults_to_indonesian(client):
    assert client.get("/").headers["Location"].endswith("/id/")


@pytest.mark.parametrize(
    ("asked", "lands"),
    [
        ("de-DE,de;q=0.9", "/en/"),  # a foreign tourist reads English better than Indonesian
        ("ja", "/en/"),
        ("de;q=0.9,id;q=0.8", "/id/"),  # a language of ours, even second, wins
        ("ms-MY", "/id/"),  # a Malay reader reads Indonesian
        ("in", "/id/"),  # Indonesian's old code
        ("*", "/id/"),
        ("", "/id/"),
    ],
)
def test_root_reads_the_browser_languages(client, asked, lands):
    response = client.get("/", headers={"Accept-Language": asked})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(lands)
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("path", "asked", "lands"),
    [
        ("/destinations/", "en", "/en/destinations/"),
        ("/destinations", "de", "/en/destinations/"),  # the trailing slash in the same hop
        ("/events/?category=festival", "id", "/id/events/?category=festival"),
        ("/events/calendar", "", "/id/events/calendar"),
    ],
)
def test_a_path_without_its_language_goes_to_the_visitors_one(client, path, asked, lands):
    response = client.get(path, headers={"Accept-Language": asked})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(lands)
    assert client.get(response.headers["Location"]).status_code == 200


def test_a_path_that_exists_in_no_language_is_still_not_found(client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.post("/destinations/").status_code in (404, 405)


def test_root_prefers_the_remembered_language(client):
    client.get("/btd/")  # visiting a language remembers it
    response = client.get("/", headers={"Accept-Language": "en"})
    assert response.headers["Location"].endswith("/btd/")


def test_cookie_with_junk_is_ignored(client):
    client.set_cookie("lang", "xx")
    assert client.get("/").headers["Location"].endswith("/id/")


@pytest.mark.parametrize("lang", ["id", "en", "btd"])
def test_page_declares_its_language(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert f'<html lang="{lang}">' in html


@pytest.mark.parametrize(
    "path",
    [
        "/xx/",
        "/BTD/",
        "/id-ID/",
        "/en/favicon.ico",
        "/" + "a" * 3000 + "/",
        "/id/destinations/../../etc/passwd",
        "/en/%00/",
        "/btd/destinations/nope",
    ],
)
def test_junk_paths_are_404_pages(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "text/html" in response.content_type


def test_404_speaks_the_language_of_the_url(client):
    english = client.get("/en/no-such-page").get_data(as_text=True)
    indonesian = client.get("/id/no-such-page").get_data(as_text=True)
    assert "Page not found" in english
    assert "Page not found" not in indonesian
    assert '<html lang="id">' in indonesian


def test_switcher_keeps_the_page_and_its_query(client, make):
    destination = make.destination()
    html = client.get("/id/destinations/?category=nature&page=1").get_data(as_text=True)
    assert 'href="http://localhost/en/destinations/?category=nature&amp;page=1"' in html
    detail = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert f'hreflang="btd" href="http://localhost/btd/destinations/{destination.slug}"' in detail
    assert (
        f'hreflang="x-default" href="http://localhost/id/destinations/{destination.slug}"' in detail
    )


def test_pakpak_falls_back_to_indonesian_string_by_string(app):
    domain = babel.domain_instance
    indonesian = domain.catalog("id").gettext("Destinations")
    assert indonesian != "Destinations"  # the Indonesian catalog is compiled
    assert domain.catalog("btd").gettext("Destinations") == indonesian


def test_pakpak_dates_use_indonesian_formats(client, make):
    from datetime import UTC, datetime

    event = make.event(
        starts_at=datetime(2030, 3, 2, 2, 0, tzinfo=UTC),
        ends_at=datetime(2030, 3, 2, 5, 0, tzinfo=UTC),
    )
    html = client.get(f"/btd/events/{event.slug}").get_data(as_text=True)
    assert "Sabtu, 2 Maret 2030, 09.00–12.00 WIB" in html
