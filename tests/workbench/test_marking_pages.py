"""Every public page type in Pakpak marks the interface text that fell back to Indonesian.

Each page of the illustrated sample is parsed; every text that is an Indonesian interface
string must sit inside an element whose nearest ``lang`` is ``id``, attributes stay plain,
and the Indonesian and English pages carry no such marking.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from branding.core.i18n import catalogs, marking

ROOT = Path(__file__).resolve().parents[2]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
UNMARKABLE = {"title", "script", "style", "textarea", "template"}
CONTENT = {"mark"}  # a search's words highlighted in a name (a business's name is one text)


def _first(client, path: str, pattern: str) -> str:
    found = re.search(pattern, client.get(path).get_data(as_text=True))
    assert found, f"the sample has no page matching {pattern} on {path}"
    return found[1]


@pytest.fixture(scope="module")
def pages(sample_site) -> dict[str, str]:
    """One Pakpak address of each public page type, found from the sample."""
    assert sample_site.setup_exit_code == 0, sample_site.setup_output
    client = sample_site.app.test_client()
    event = _first(client, "/btd/events/", r'href="/btd/events/([a-z0-9-]+)"')
    occurrence = _first(
        client, "/btd/events/calendar", r'href="/btd/events/([a-z0-9-]+/\d{4}-\d{2}-\d{2})"'
    )
    area = _first(client, "/btd/areas/", r'href="/btd/areas/([a-z0-9-]+)"')
    business = _first(client, "/btd/businesses/", r'href="/btd/businesses/([a-z0-9-]+)"')
    product = _first(
        client, f"/btd/businesses/{business}", rf'href="/btd/businesses/{business}/products/(\d+)"'
    )
    destination = _first(client, "/btd/destinations/", r'href="/btd/destinations/([a-z0-9-]+)"')
    return {
        "home": "/btd/",
        "destinations": "/btd/destinations/",
        "destinations-filtered": "/btd/destinations/?category=waterfall",
        "destination": f"/btd/destinations/{destination}",
        "events": "/btd/events/",
        "past-events": "/btd/events/past",
        "event": f"/btd/events/{event}",
        "occurrence": f"/btd/events/{occurrence}",
        "calendar": "/btd/events/calendar",
        "agenda": "/btd/events/agenda",
        "businesses": "/btd/businesses/",
        "business": f"/btd/businesses/{business}",
        "product": f"/btd/businesses/{business}/products/{product}",
        "areas": "/btd/areas/",
        "area": f"/btd/areas/{area}",
        "map": "/btd/map/",
        "search": "/btd/search?q=kopi",
        "search-nothing": "/btd/search?q=zzqxw",
        "login": "/btd/account/login",
        "register": "/btd/account/register",
        "reset": "/btd/account/reset",
        "not-found": "/btd/destinations/tidak-ada",
    }


def _indonesian_strings() -> list[re.Pattern]:
    """Patterns of the Indonesian catalog's texts (placeholders match any text)."""
    found = set()
    english = catalogs.read_catalog(catalogs.po_path(ROOT / "translations", "en"))
    for message in catalogs.read_catalog(catalogs.po_path(ROOT / "translations", "id")):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        same = english.get(message.id, message.context)  # a name (WhatsApp) in every language
        if same is not None and same.string == message.string:
            continue
        found.update(s.strip() for s in strings if s and "<" not in s and len(s.strip()) > 2)
    patterns = []
    for text in found:
        parts = re.split(r"%\(\w+\)[sd]|%[sd]", text.replace("%%", "%"))
        patterns.append(re.compile(r".+?".join(re.escape(p) for p in parts), re.DOTALL))
    return patterns


INDONESIAN = _indonesian_strings()


class Texts(HTMLParser):
    """Each text of a page with the nearest ``lang`` around it, and every attribute value."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None]] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.attributes.extend(v for v in values.values() if v)
        if tag not in VOID:
            self.stack.append((tag, values.get("lang")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not any(tag in UNMARKABLE | CONTENT for tag, _ in self.stack):
            lang = next((code for _, code in reversed(self.stack) if code), None)
            self.texts.append((" ".join(data.split()), lang))


def _parse(html: str) -> Texts:
    parser = Texts()
    parser.feed(html)
    return parser


DAYS = re.compile(
    r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b.*|.*\b(Januari|Februari|Maret|"
    r"April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b.*"
)


def _is_interface(text: str) -> bool:
    """Whether a text is an Indonesian interface string, or a date in Indonesian words."""
    return bool(DAYS.fullmatch(text)) or any(p.fullmatch(text) for p in INDONESIAN)


def test_every_page_type_marks_its_indonesian_interface_text(sample_site, pages):
    client = sample_site.app.test_client()
    for kind, path in pages.items():
        response = client.get(path)
        html = response.get_data(as_text=True)
        assert response.status_code == (404 if kind == "not-found" else 200), kind
        assert '<html lang="btd"' in html, kind
        assert marking.START not in html and marking.END not in html, kind
        page = _parse(html)
        unmarked = [t for t, lang in page.texts if lang != "id" and _is_interface(t)]
        assert not unmarked, f"{kind}: Indonesian interface text without lang=id: {unmarked}"
        assert '<span lang="id">' in html, kind
        assert not [v for v in page.attributes if "<span" in v], kind


def test_attributes_and_the_title_stay_plain_text(sample_site, pages):
    html = sample_site.app.test_client().get(pages["search"]).get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title and "<span" not in title[1] and "lang=" not in title[1]
    attributes = _parse(html).attributes
    plain = [v for v in attributes if _is_interface(v)]  # aria-label and the like, as text
    assert plain and not [v for v in attributes if "<" in v or marking.START in v]


def test_indonesian_and_english_pages_carry_no_marking(sample_site, pages):
    client = sample_site.app.test_client()
    for lang in ("id", "en"):
        for kind, path in pages.items():
            html = client.get(re.sub(r"^/btd/", f"/{lang}/", path)).get_data(as_text=True)
            assert f'<html lang="{lang}"' in html, (lang, kind)
            assert '<span lang="id">' not in html, (lang, kind)
            assert marking.START not in html and marking.END not in html, (lang, kind)
