"""Contact links: WhatsApp only for Indonesian mobile numbers, tel: links, share links."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from branding.core.web import contact
from branding.identity.services import save_settings
from tests.insight.helpers import followed

WA_LINK = re.compile(r'href="(https://wa\.me/(\d+)\?text=[^"]+)"')


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("62 813 1234 5678", "+6281312345678"),
        ("(0852) 1234 5678", "+6285212345678"),
        ("0627 123456", None),  # a landline in Salak's area code
        ("021 5551234", None),  # a Jakarta landline
        ("+44 7911 123456", None),  # a British mobile: not Indonesian
        ("12345", None),
        ("not a number", None),
        ("", None),
        (None, None),
    ],
)
def test_whatsapp_numbers_are_indonesian_mobiles_in_e164(raw, expected):
    assert contact.whatsapp_number(raw) == expected


def test_whatsapp_url_is_wa_me_with_an_encoded_greeting():
    url = contact.whatsapp_url("0812 3456 7890", "Halo & salam? Ya/tidak")
    assert url == "https://wa.me/6281234567890?text=Halo%20%26%20salam%3F%20Ya%2Ftidak"
    assert contact.whatsapp_url("0627 123456", "hi") is None


def test_tel_links_for_any_valid_number():
    assert contact.tel_url("0627 123456") == "tel:+62627123456"
    assert contact.tel_url("0812-3456-7890") == "tel:+6281234567890"
    assert contact.tel_url("call the office") is None


def test_numbers_are_shown_as_visitors_dial_them():
    assert contact.display_phone("+6281234567890", "id") == "0812-3456-7890"
    assert contact.display_phone("+6281234567890", "en") == "+62 812-3456-7890"
    assert contact.display_phone("ask at the gate", "en") == "ask at the gate"


def test_share_links_are_plain_urls():
    links = {link.network: link.href for link in contact.share_links("https://x.test/a?b=1", "A&B")}
    assert links["whatsapp"] == "https://wa.me/?text=A%26B%20https%3A%2F%2Fx.test%2Fa%3Fb%3D1"
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": ["https://x.test/a?b=1"]}
    assert parse_qs(urlsplit(links["x"]).query) == {
        "text": ["A&B"],
        "url": ["https://x.test/a?b=1"],
    }


def _wa_links(html: str) -> list[tuple[str, str]]:
    return [(url.replace("&amp;", "&"), number) for url, number in WA_LINK.findall(html)]


def test_business_with_a_mobile_gets_a_whatsapp_link_in_the_visitors_language(client, make):
    business = make.business(name="Kopi Sidiangkat", whatsapp="0812 3456 7890", phone="0627 21000")
    links = _wa_links(followed(client, f"/en/businesses/{business.slug}"))
    assert [number for _, number in links] == ["6281234567890"]
    text = unquote(urlsplit(links[0][0]).query.removeprefix("text="))
    assert text.startswith("Hello! I found Kopi Sidiangkat on ")
    html = followed(client, f"/en/businesses/{business.slug}")
    assert 'href="tel:+6262721000"' in html  # the landline is a tel: link, not WhatsApp


def test_pakpak_greeting_falls_back_to_the_indonesian_catalog(client, make):
    business = make.business(name="Kopi Sidiangkat", whatsapp="+6281234567890")
    links = _wa_links(followed(client, f"/btd/businesses/{business.slug}"))
    english = "Hello! I found Kopi Sidiangkat"
    indonesian = followed(client, f"/id/businesses/{business.slug}")
    id_text = unquote(urlsplit(_wa_links(indonesian)[0][0]).query.removeprefix("text="))
    btd_text = unquote(urlsplit(links[0][0]).query.removeprefix("text="))
    assert btd_text == id_text  # Pakpak falls back string by string to the Indonesian catalog
    assert "Kopi Sidiangkat" in btd_text
    if id_text.startswith(english):  # untranslated catalog: still the same sentence in both
        assert btd_text.startswith(english)


def test_landline_in_a_whatsapp_field_gets_no_whatsapp_link(client, make):
    business = make.business(whatsapp="0627 123456")
    destination = make.destination(contact_whatsapp="021 5551234", contact_phone="0627 123456")
    for url in (f"/id/businesses/{business.slug}", f"/id/destinations/{destination.slug}"):
        html = followed(client, url)
        assert "https://wa.me/62" not in html, url
    html = followed(client, f"/id/destinations/{destination.slug}")
    assert 'href="tel:+62627123456"' in html


def test_destination_and_event_contacts(client, make):
    destination = make.destination(contact_whatsapp="+62 813 1234 5678")
    event = make.event(organiser="Sanggar", organiser_contact="0852 1234 5678")
    html = followed(client, f"/id/destinations/{destination.slug}")
    assert [n for _, n in _wa_links(html)] == ["6281312345678"]
    html = followed(client, f"/id/events/{event.slug}")
    assert [n for _, n in _wa_links(html)] == ["6285212345678"]
    assert 'href="tel:+6285212345678"' in html


def test_office_whatsapp_in_the_footer_only_for_a_mobile(client, app):
    save_settings(office_name={"id": "Dinas Pariwisata"}, office_whatsapp="0812 0000 0001")
    html = client.get("/en/").get_data(as_text=True)
    assert "https://wa.me/6281200000001?text=" in html
    save_settings(office_whatsapp="0627 21000")
    assert "https://wa.me/" not in client.get("/en/").get_data(as_text=True).split("<footer")[1]


def test_detail_pages_have_share_links_without_third_party_scripts(client, make):
    destination = make.destination()
    html = followed(client, f"/en/destinations/{destination.slug}")
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost%2Fen%2F" in html
    assert "https://x.com/intent/tweet?" in html
    assert "https://wa.me/?text=" in html
    assert 'data-copy="http://localhost/en/destinations/' in html
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
