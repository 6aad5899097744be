"""Destination services and pages."""

from branding.accounts.models import Role
from branding.core.content.publishing import PublicationStatus
from branding.destinations import services
from branding.destinations.models import DestinationCategory
from branding.editorial import editing


def test_drafts_are_hidden_from_lists_and_pages(client, make):
    draft = make.destination(status=PublicationStatus.DRAFT, name={"id": "Rahasia"})
    assert services.list_destinations().total == 0
    assert client.get(f"/id/destinations/{draft.slug}").status_code == 404
    assert "Rahasia" not in client.get("/id/destinations/").get_data(as_text=True)


def test_publishing_sets_the_date_and_shows_the_page(client, make):
    draft = make.destination(status=PublicationStatus.DRAFT)
    editing.set_published(make.user(Role.EDITOR), draft, True)
    assert draft.published_at is not None
    assert client.get(f"/id/destinations/{draft.slug}").status_code == 200


def test_filters_by_category_and_area(client, make):
    area = make.area(slug="kerajaan")
    make.destination(category=DestinationCategory.WATERFALL, area=area, name={"id": "Lae Une"})
    make.destination(category=DestinationCategory.CULTURE, name={"id": "Rumah Adat"})
    html = client.get("/id/destinations/?category=waterfall").get_data(as_text=True)
    assert "Lae Une" in html and "Rumah Adat" not in html
    html = client.get("/id/destinations/?area=kerajaan").get_data(as_text=True)
    assert "Lae Une" in html and "Rumah Adat" not in html


def test_junk_filters_show_everything(client, make):
    make.destination(name={"id": "Lae Une"})
    html = client.get("/id/destinations/?category=%3Cscript%3E&area=nope&page=abc")
    assert html.status_code == 200
    assert "Lae Une" in html.get_data(as_text=True)
    assert "<script>" not in html.get_data(as_text=True)


def test_pagination_and_page_past_the_end(app, client, make):
    app.config["PER_PAGE"] = 2
    area = make.area()
    for _ in range(5):
        make.destination(area=area)
    page2 = client.get("/en/destinations/?page=2").get_data(as_text=True)
    assert "Page 2 of 3" in page2
    assert 'rel="next"' in page2 and 'rel="prev"' in page2
    assert client.get("/en/destinations/?page=4").status_code == 404


def test_featured_come_first(make):
    area = make.area()
    make.destination(slug="a-plain", area=area)
    make.destination(slug="z-featured", area=area, featured=True)
    assert [d.slug for d in services.list_destinations().items] == ["z-featured", "a-plain"]
    assert [d.slug for d in services.featured_destinations()] == ["z-featured"]


def test_home_shows_destinations_when_none_is_featured(client, make):
    area = make.area()
    make.destination(slug="air-terjun", area=area, name={"id": "Air Terjun Lae Une"})
    page = client.get("/id/").get_data(as_text=True)
    assert "Air Terjun Lae Une" in page
    assert "Belum ada destinasi" not in page  # it used to say none was published


def test_detail_shows_prices_hours_and_facilities(client, make):
    destination = make.destination(
        ticket_price_adult=10000,
        ticket_price_child=5000,
        facilities=["parking", "prayer_room"],
        opening_hours={"weekly": {"mon": [["08:00", "17:00"]]}},
    )
    html = client.get(f"/id/destinations/{destination.slug}").get_data(as_text=True)
    assert "Rp10.000" in html and "Rp5.000" in html
    assert "08.00–17.00" in html
    english = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert "Parking" in english and "Prayer room" in english and "Monday" in english


def test_unknown_facility_is_refused(app, make):
    import pytest

    with pytest.raises(ValueError, match="facilities"):
        make.destination(facilities=["helipad"])
