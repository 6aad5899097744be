"""Each 500 the probe found, reproduced: now a 4xx in the visitor's language, or a save."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from branding.accounts.models import Role
from branding.events.models import Event
from branding.extensions import db
from tests.accounts_helpers import login
from tests.listing_helpers import business_form, product_form

HUGE = "9" * 310


@pytest.mark.parametrize("path", ["/id/destinations/", "/id/events/", "/id/businesses/",
                                  "/id/events/past"])  # fmt: skip
def test_a_twenty_digit_page_is_a_404_in_the_visitors_language(client, path):
    response = client.get(f"{path}?page=99999999999999999999")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.get_data(as_text=True)


def test_a_page_number_past_the_last_is_a_404_and_junk_means_page_one(client, make):
    make.destination()
    assert client.get("/en/destinations/?page=5").status_code == 404
    assert client.get("/en/destinations/?page=abc").status_code == 200
    assert client.get("/en/destinations/?page=-3").status_code == 200


@pytest.mark.parametrize("month", ["0000-01", "9999-12", "2026-13", "2026-00"])
def test_a_month_out_of_range_is_a_404(client, month):
    response = client.get(f"/en/events/calendar?month={month}")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize("month", ["10000-01", "２０２６-01", "nonsense", ""])
def test_a_month_that_is_no_month_at_all_shows_this_month(client, month):
    assert client.get(f"/en/events/calendar?month={month}").status_code == 200


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0000-01-01", "2026-02-30"])
def test_an_agenda_date_out_of_range_is_a_404_or_today(client, value):
    assert client.get(f"/en/events/agenda?from={value}").status_code in (200, 404)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "0000-01-01"])
def test_an_occurrence_date_out_of_range_is_a_404(client, make, day):
    event = make.event()
    assert client.get(f"/en/events/{event.slug}/{day}").status_code == 404
    assert client.get(f"/en/events/{event.slug}/{day}.ics").status_code == 404


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_search_dates_at_the_ends_of_the_calendar_are_no_500(client, value):
    for arg in ("from", "to"):
        response = client.get(f"/en/search/?q=kopi&type=event&{arg}={value}")
        assert response.status_code < 500


def test_an_invalid_host_header_gets_a_plain_400_not_a_crash(app, client):
    app.config["SERVER_NAME"] = None
    app.config["TRUSTED_HOSTS"] = None
    response = client.get("/id/", headers={"Host": "bad host\x00name"})
    assert response.status_code == 400
    response = client.get("/nowhere", headers={"Host": "exa mple.org:99999"})
    assert response.status_code in (400, 404)


def test_an_error_page_whose_template_fails_still_answers_in_the_visitors_language(
    app, client, monkeypatch
):
    import branding.core.web.errors as errors

    def broken(*args, **kwargs):
        raise RuntimeError("the template context is broken")

    monkeypatch.setattr(errors, "render_template", broken)
    response = client.get("/id/no-such-page")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.get_data(as_text=True)
    assert response.headers["Content-Security-Policy"]


def test_next_with_cr_lf_is_ignored_after_login(client, make):
    editor = make.user(Role.EDITOR)
    response = client.post(
        "/en/account/login?next=/en/office/%0d%0aSet-Cookie:%20x=1",
        data={"email": editor.email, "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/office/")
    assert "x=1" not in response.headers.get("Set-Cookie", "")


def test_a_310_digit_price_in_the_office_is_a_message_not_a_500(client, make):
    area = make.area()
    login(client, make.user(Role.EDITOR))
    response = client.post(
        "/en/office/destinations/new",
        data={"name_id": "Air", "category": "waterfall", "area_id": str(area.id),
              "ticket_price_adult": HUGE, "ticket_price_child": "1e400", "latitude": "nan"},
    )  # fmt: skip
    assert response.status_code == 200
    assert 'class="error"' in response.get_data(as_text=True)
    response = client.post(
        "/en/office/events/new",
        data={"title_id": "Pesta", "category": "festival", "event_status": "scheduled",
              "start_date": "2026-12-01", "end_date": "2026-12-01", "price": HUGE,
              "repeat_count": HUGE, "latitude": "inf", "destination_id": "0", "area_id": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert 'class="error"' in response.get_data(as_text=True)


def test_a_310_digit_price_in_the_owners_forms_is_a_message_not_a_500(client, make):
    owner, area = make.user(Role.OWNER), make.area()
    login(client, owner)
    response = client.post("/en/my/businesses/new", data=business_form(area, latitude="nan"))
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    business = make.business(owner=owner)
    for price in (HUGE, "1" + "0" * 30, "nan", "inf", "-0.5", "1e400"):
        response = client.post(
            f"/en/my/businesses/{business.id}/products/new",
            data=product_form(price_min=price, price_max=price),
        )
        assert response.status_code == 200, price
        assert 'class="error"' in response.get_data(as_text=True), price


def test_an_event_held_at_a_destination_with_no_area_saves(client, make):
    place = make.destination()
    login(client, make.user(Role.EDITOR))
    data = {"title_id": "Pesta Danau", "title_en": "Lake Festival", "category": "festival",
            "event_status": "scheduled", "start_date": "2026-12-01", "end_date": "2026-12-02",
            "destination_id": str(place.id), "area_id": "0", "frequency": ""}  # fmt: skip
    response = client.post("/en/office/events/new", data=data)
    assert response.status_code == 302
    event = db.session.scalar(select(Event))
    assert event.slug == "pesta-danau"
    assert event.area_id == place.area_id and event.destination_id == place.id


def test_an_event_the_database_refuses_is_shown_again_as_typed(client, make, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from branding.editorial import editing

    def refuse(*args, **kwargs):
        raise IntegrityError("INSERT INTO events …", {}, Exception("a constraint"))

    monkeypatch.setattr(editing, "save_item", refuse)
    login(client, make.user(Role.EDITOR))
    data = {"title_id": "Pesta Kopi Sidiangkat", "category": "festival",
            "event_status": "scheduled", "start_date": "2026-12-01", "end_date": "2026-12-01",
            "frequency": "", "destination_id": "0", "area_id": "0",
            "organiser": "Koperasi Kopi"}  # fmt: skip
    response = client.post("/en/office/events/new", data=data)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "could not be saved" in html
    assert 'value="Pesta Kopi Sidiangkat"' in html and 'value="Koperasi Kopi"' in html
    assert db.session.scalar(select(Event)) is None


def test_an_error_pages_title_says_what_happened(client):  # a papercut: it was just "404"
    html = client.get("/id/no-such-page").get_data(as_text=True)
    assert "<title>Halaman tidak ditemukan (404) ·" in html
    html = client.get("/en/no-such-page").get_data(as_text=True)
    assert "<title>Page not found (404) ·" in html
