"""The counting redirect: a page's own contact links, counted, leading where they always did."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from branding.core.content.publishing import PublicationStatus
from branding.core.i18n.formatting import to_wib
from branding.identity.services import save_settings
from tests.insight.helpers import counted, visit

GO = re.compile(r'href="(/[a-z]+/go/[^"]+)"')


def _links(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in GO.findall(html)]


def _place(make):
    return make.destination(
        contact_whatsapp="0812 3456 7890",
        contact_phone="(0627) 123456",
        website="https://lae-une.example.id/",
        latitude=2.5714,
        longitude=98.2531,
    )


def test_a_destination_page_sends_its_contacts_through_the_counter(app, client, make):
    place = _place(make)
    html = visit(client, f"/en/destinations/{place.slug}").get_data(as_text=True)
    base = f"/en/go/destination/{place.id}"
    assert set(_links(html)) == {
        f"{base}/whatsapp", f"{base}/phone", f"{base}/directions",
        f"{base}/share/whatsapp", f"{base}/share/facebook", f"{base}/share/x",
    }  # fmt: skip


def test_each_counted_link_leads_where_the_plain_link_leads(app, make_app, client, make):
    place = _place(make)
    plain = visit(make_app(COUNTING=False).test_client(), f"/en/destinations/{place.slug}")
    plain_html = plain.get_data(as_text=True).replace("&amp;", "&")
    for href in _links(visit(client, f"/en/destinations/{place.slug}").get_data(as_text=True)):
        target = visit(client, href)
        assert target.status_code == 302, href
        assert target.headers["Cache-Control"] == "no-store"
        location = target.headers["Location"]
        assert f'href="{location}"' in plain_html, (href, location)


def test_contacts_are_counted_once_per_visitor_and_day(app, client, make):
    place = _place(make)
    for _ in range(2):
        visit(client, f"/en/go/destination/{place.id}/whatsapp")
    visit(client, f"/id/go/destination/{place.id}/whatsapp", address="198.51.100.30")
    visit(client, f"/en/go/destination/{place.id}/directions")
    visit(client, f"/en/go/destination/{place.id}/share/facebook")
    visit(client, f"/en/go/destination/{place.id}/share/x")  # a second share: still one visitor
    assert counted() == {
        ("destination", place.id, "whatsapp", "en"): 1,
        ("destination", place.id, "whatsapp", "id"): 1,
        ("destination", place.id, "directions", "en"): 1,
        ("destination", place.id, "share", "en"): 1,
    }


def test_a_business_s_own_links_and_an_event_s_calendar_are_counted(app, client, make):
    business = make.business(
        whatsapp="0813 1111 2222", phone="0813 1111 2222",
        social_links={"website": "https://kopi.example.id/", "instagram": "https://instagram.com/kopi"},
    )  # fmt: skip
    html = visit(client, f"/en/businesses/{business.slug}").get_data(as_text=True)
    links = _links(html)
    assert f"/en/go/business/{business.id}/website" in links
    assert f"/en/go/business/{business.id}/website?link=instagram" in links
    target = visit(client, f"/en/go/business/{business.id}/website?link=instagram")
    assert target.headers["Location"] == "https://instagram.com/kopi"

    event = make.event(registration_url="https://daftar.example.id/lari")
    html = visit(client, f"/en/events/{event.slug}").get_data(as_text=True)
    assert f"/en/go/event/{event.id}/calendar/ics" in _links(html)
    assert f"/en/go/event/{event.id}/website" in _links(html)
    ics = visit(client, f"/en/go/event/{event.id}/calendar/ics")
    assert ics.headers["Location"] == f"/en/events/{event.slug}.ics"
    day = to_wib(event.starts_at).date().isoformat()  # the day in the regency (WIB)
    dated = visit(client, f"/en/go/event/{event.id}/calendar/ics?day={day}")
    assert dated.headers["Location"] == f"/en/events/{event.slug}/{day}.ics"
    got = counted()
    assert got[("business", business.id, "website", "en")] == 1
    assert got[("event", event.id, "calendar", "en")] == 1


def test_the_office_whatsapp_in_the_footer_stays_a_plain_link(app, client, make):
    save_settings(office_name={"id": "Dinas Pariwisata"}, office_whatsapp="0812 9999 0000")
    place = _place(make)
    html = visit(client, f"/en/destinations/{place.slug}").get_data(as_text=True)
    assert "https://wa.me/6281299990000" in html


@pytest.mark.parametrize(
    "tail",
    ["/website?link=instagram", "/website?url=https://evil.example/", "/share/x?day=2026-13-40",
     "/share/x?day=2026-01-01", "/calendar"],
)  # fmt: skip
def test_the_redirect_never_goes_anywhere_the_item_does_not_say(app, client, make, tail):
    place = _place(make)
    response = visit(client, f"/en/go/destination/{place.id}{tail}")
    if response.status_code == 302:  # extra arguments are ignored, never followed
        assert "evil" not in response.headers["Location"]
        assert response.headers["Location"] == "https://lae-une.example.id/"
    else:
        assert response.status_code == 404


def test_a_stored_link_that_is_not_a_web_address_is_not_followed(app, client, make):
    business = make.business(social_links={"website": "javascript:alert(1)"})
    assert visit(client, f"/en/go/business/{business.id}/website").status_code == 404
    html = visit(client, f"/en/businesses/{business.slug}").get_data(as_text=True)
    assert f"/go/business/{business.id}/website" not in html


def test_hidden_items_have_no_counted_contacts(app, client, make):
    draft = make.destination(status=PublicationStatus.DRAFT, contact_phone="(0627) 123456")
    assert visit(client, f"/en/go/destination/{draft.id}/phone").status_code == 404
    assert visit(client, "/en/go/destination/999999/phone").status_code == 404
    past = make.event(starts_in=-timedelta(days=3))
    assert visit(client, f"/en/go/event/{past.id}/calendar/ics?day=2001-01-01").status_code == 404
    assert counted() == {}
