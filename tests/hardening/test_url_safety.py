"""One URL-safety rule: redirect targets stay on the site, stored links are http(s) only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from branding.accounts.models import Role
from branding.businesses.models import Business
from branding.core.web.urls import is_safe_link, is_safe_redirect, safe_link
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.identity.models import BrandingSettings
from tests.accounts_helpers import PASSWORD, login
from tests.listing_helpers import business_form

HOSTILE = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "\\\\evil.example/",
    "https:\\\\evil.example/",
    "https://good.example\\@evil.example/",
    "https://user:pass@evil.example/",
    "https://evil.example/\x00",
    "https://exa mple.org/",
    "https://evil.example/\u2028",
    "ftp://files.example.org/",
    "https://",
    "https://:80/",
    "https://example.org:port/",
]
GOOD_LINKS = ["https://example.org", "http://kopi.example.id/menu?x=1#top",
              "https://www.instagram.com/kopi_sidiangkat", "https://münchen.example/"]  # fmt: skip

REDIRECT_TRICKS = [
    "//evil.example/",
    "/\t/evil.example/",
    "/\\evil.example/",
    "/\\/evil.example/",
    "\\\\evil.example",
    "/\r\nSet-Cookie: x=1",
    "/\n/evil.example",
    " //evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\x00/evil.example",
    "/\u3000/evil.example",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_links_are_refused(value):
    assert not is_safe_link(value)
    assert safe_link(value) == ""


@pytest.mark.parametrize("value", GOOD_LINKS)
def test_plain_web_addresses_are_fine(value):
    assert is_safe_link(value)


@pytest.mark.parametrize("target", REDIRECT_TRICKS)
def test_redirect_tricks_are_refused(target):
    assert not is_safe_redirect(target)


def test_local_paths_are_fine_redirects():
    assert is_safe_redirect("/en/office/events/?page=2#list")


@pytest.mark.parametrize(
    "query",
    ["%2F%09%2Fevil.example%2F", "%2F%5Cevil.example", "%2F%0D%0A%2Fevil.example",
     "%2F%0A%2Fevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example",
     "%20%2F%2Fevil.example", "%2F%E3%80%80%2Fevil.example"],
)  # fmt: skip
def test_login_never_sends_anyone_to_another_site(client, make, query):
    editor = make.user(Role.EDITOR)
    response = client.post(
        f"/id/account/login?next={query}", data={"email": editor.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/id/office/"


def _event_form(**fields) -> dict:
    return {"title_id": "Pesta", "category": "festival", "event_status": "scheduled",
            "start_date": "2026-12-01", "end_date": "2026-12-01", "frequency": "",
            "destination_id": "0", "area_id": "0", **fields}  # fmt: skip


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_an_events_registration_link_refuses_scripts(client, make, value):
    login(client, make.user(Role.EDITOR))
    response = client.post("/en/office/events/new", data=_event_form(registration_url=value))
    assert response.status_code == 200
    assert "Write a web address that starts with https://" in response.get_data(as_text=True)
    assert db.session.scalar(select(Event)) is None
    ok = client.post("/en/office/events/new", data=_event_form(registration_url="https://x.id/"))
    assert ok.status_code == 302


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_a_destinations_website_refuses_scripts(client, make, value):
    area = make.area()
    login(client, make.user(Role.EDITOR))
    response = client.post(
        "/en/office/destinations/new",
        data={"name_id": "Air", "category": "waterfall", "area_id": str(area.id),
              "website": value},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Write a web address that starts with https://" in response.get_data(as_text=True)
    assert db.session.scalar(select(Destination)) is None


@pytest.mark.parametrize("field", ["website", "instagram", "facebook"])
@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<b>x</b>",
                                   "javascript://example.com/%0aalert(1)"])  # fmt: skip
def test_a_business_link_refuses_scripts(client, make, field, value):
    owner, area = make.user(Role.OWNER), make.area()
    login(client, owner)
    response = client.post("/en/my/businesses/new", data=business_form(area, **{field: value}))
    assert response.status_code == 200
    assert 'class="error"' in response.get_data(as_text=True)
    assert db.session.scalar(select(Business)) is None


@pytest.mark.parametrize("field", ["office_phone", "office_whatsapp", "office_email"])
@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_the_branding_settings_refuse_scripts_in_their_links(client, make, field, value):
    login(client, make.user(Role.ADMIN))
    settings = {"site_name_id": "Pesona", "regency_name": "Kab", "color_primary": "#123456",
                "color_secondary": "#000000", "color_accent": "#ffffff", field: value}  # fmt: skip
    response = client.post("/en/office/admin/settings", data=settings)
    assert response.status_code == 400  # the form again, with the reason at the field
    assert f'id="{field}-err"' in response.get_data(as_text=True)
    assert db.session.scalar(select(BrandingSettings)) is None


def test_a_link_stored_before_the_rule_is_not_shown(client, make):
    event = make.event(registration_url="javascript:alert(1)")
    html = client.get(f"/en/events/{event.slug}").get_data(as_text=True)
    assert "javascript:" not in html
    business = make.business(social_links={"website": "javascript:alert(1)"})
    html = client.get(f"/en/businesses/{business.slug}").get_data(as_text=True)
    assert "javascript:" not in html
