"""Area pages, the home page, branding settings and error pages."""

import re
from datetime import timedelta

from branding.identity.services import save_settings, site_settings


def test_area_page_lists_its_destinations_and_businesses(client, make):
    area = make.area(slug="salak", name={"id": "Salak"})
    make.destination(area=area, name={"id": "Taman Kota Salak"})
    make.business(area=area, name="Kedai Kopi Salak")
    make.destination(name={"id": "Di Tempat Lain"})
    html = client.get("/id/areas/salak").get_data(as_text=True)
    assert "Taman Kota Salak" in html and "Kedai Kopi Salak" in html
    assert "Di Tempat Lain" not in html
    assert "Salak" in client.get("/id/areas/").get_data(as_text=True)
    assert client.get("/id/areas/nowhere").status_code == 404


def test_home_shows_identity_featured_events_and_products(client, make):
    save_settings(
        site_name={"id": "Pesona Pakpak Bharat"},
        regency_name="Kabupaten Pakpak Bharat",
        tagline={"id": "Njuah-njuah", "en": "Welcome"},
    )
    make.destination(featured=True, name={"id": "Lae Une"})
    make.destination(featured=False, name={"id": "Bukan Unggulan"})
    make.event(title={"id": "Pesta Budaya"}, starts_in=timedelta(days=1))
    make.product(make.business(), name={"id": "Kopi Arabika"})
    html = client.get("/id/").get_data(as_text=True)
    for text in ("Pesona Pakpak Bharat", "Njuah-njuah", "Lae Une", "Pesta Budaya", "Kopi Arabika"):
        assert text in html
    assert "Bukan Unggulan" not in html


def test_home_without_any_content_still_renders(client):
    html = client.get("/en/").get_data(as_text=True)
    assert "No upcoming events yet." in html
    assert site_settings().regency_name == "Kabupaten Pakpak Bharat"


def test_branding_colours_reach_the_page(client):
    save_settings(color_primary="#123456")
    html = client.get("/en/").get_data(as_text=True)
    theme = re.search(r'href="(/theme/[0-9a-f]{10}\.css)"', html)[1]  # no inline <style> (CSP)
    assert "--primary:#123456" in client.get(theme).get_data(as_text=True)


def test_sample_content_is_marked(client, make):
    destination = make.destination(is_sample=True)
    html = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert "badge-sample" in html


def test_wrong_method_is_a_405_page(client):
    response = client.post("/en/destinations/")
    assert response.status_code == 405
    assert "text/html" in response.content_type
