"""Complete catalogs, the Pakpak shim, fallback content notes and translation status."""

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from branding.core.i18n import catalogs
from branding.core.i18n.formatting import event_when
from branding.office.content_status import translation_gaps

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"


@pytest.mark.parametrize("code", ["id", "en"])
def test_every_interface_string_is_translated_and_not_fuzzy(tmp_path, code):
    pot = catalogs.extract(ROOT, tmp_path)  # what the code asks for today
    with pot.open("rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    status = catalogs.catalog_status(TRANSLATIONS, code)
    assert status.missing == [] and status.fuzzy == []
    with catalogs.po_path(TRANSLATIONS, code).open("rb") as handle:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert wanted - have == set(), "run `flask translate update` and translate the new strings"


def test_status_command_reports_pakpak_coverage(runner):
    result = runner.invoke(args=["translate", "status"])
    assert result.exit_code == 0, result.output
    assert "btd:" in result.output and "% translated" in result.output


def test_status_command_fails_on_an_incomplete_catalog(tmp_path, make_app):
    directory = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, directory)
    po = catalogs.po_path(directory, "en")
    with po.open("rb") as handle:
        catalog = read_po(handle)
    catalog.get("Destinations").string = ""
    with po.open("wb") as handle:
        write_po(handle, catalog)
    app = make_app(BABEL_TRANSLATION_DIRECTORIES=str(directory))
    result = app.test_cli_runner().invoke(args=["translate", "status"])
    assert result.exit_code != 0 and "incomplete catalogs: en" in result.output


@pytest.fixture
def pakpak_app(tmp_path, make_app):
    """An app whose Pakpak catalog translates exactly one string (a test marker, not Pakpak)."""
    directory = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, directory)
    po = catalogs.po_path(directory, "btd")
    with po.open("rb") as handle:
        catalog = read_po(handle)
    catalog.get("Events").string = "[btd] Events"
    with po.open("wb") as handle:
        write_po(handle, catalog)
    catalogs.compile_all(directory)
    app = make_app(BABEL_TRANSLATION_DIRECTORIES=str(directory))
    with app.app_context():
        yield app


def test_pakpak_shows_its_own_string_and_indonesian_for_the_rest(pakpak_app):
    html = pakpak_app.test_client().get("/btd/destinations/").get_data(as_text=True)
    assert "[btd] Events" in html  # from the btd catalog
    assert "Destinasi" in html and "Semua kategori" in html  # Indonesian, string by string
    assert "0 destinasi" in html  # plural forms fall back too


def test_pakpak_catalog_loads_without_babel_locale_data():
    from babel import Locale, UnknownLocaleError

    with pytest.raises(UnknownLocaleError):
        Locale.parse("btd")
    status = catalogs.catalog_status(TRANSLATIONS, "btd")
    assert status.total > 100


NOTES = {
    "en": "Some texts on this page are not yet translated into English: they are shown in "
    "Indonesian.",
    "id": "Belum semua teks di halaman ini diterjemahkan ke bahasa Indonesia: sebagian "
    "ditampilkan dalam bahasa Inggris.",
    "btd": "Belum semua teks di halaman ini diterjemahkan ke bahasa Pakpak: sebagian "
    "ditampilkan dalam bahasa Indonesia.",
}


@pytest.mark.parametrize(
    ("page_lang", "texts", "shown_lang"),
    [
        ("en", {"id": "Air Terjun Lae Une"}, "id"),
        ("id", {"en": "Lae Une Falls"}, "en"),
        ("btd", {"id": "Air Terjun Lae Une"}, "id"),
    ],
)
def test_fallback_content_carries_its_language_and_a_note(
    client, make, page_lang, texts, shown_lang
):
    destination = make.destination(name=texts, description=texts)
    html = client.get(f"/{page_lang}/destinations/{destination.slug}").get_data(as_text=True)
    assert f'<h1 lang="{shown_lang}" data-fallback>{texts[shown_lang]}</h1>' in html
    assert f'<div class="prose" lang="{shown_lang}" data-fallback>' in html
    assert html.count(NOTES[page_lang]) == 1  # once per page, however many texts fall back
    listing = client.get(f"/{page_lang}/destinations/").get_data(as_text=True)
    assert f'lang="{shown_lang}" data-fallback>{texts[shown_lang]}</a>' in listing
    assert listing.count(NOTES[page_lang]) == 1


def test_text_in_the_visitors_language_has_no_note(client, make):
    destination = make.destination(name={"id": "Lae Une", "en": "Lae Une Falls"})
    html = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert "<h1>Lae Une Falls</h1>" in html
    assert "data-fallback" not in html.split("<main", 1)[1]


def test_today_and_tomorrow_are_said_in_words(client, make):
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    event = make.event(starts_at=soon, ends_at=soon + timedelta(hours=1))
    wib_tomorrow = (soon + timedelta(hours=7)).date() - date.today() == timedelta(days=1)
    html = client.get(f"/id/events/{event.slug}").get_data(as_text=True)
    assert ("Besok" in html) or not wib_tomorrow  # around midnight UTC and WIB dates differ
    today = date(2026, 12, 12)
    start = datetime(2026, 12, 12, 12, 30, tzinfo=UTC)
    assert event_when(start, start + timedelta(hours=1), False, "id", today).startswith("Today")
    nxt = event_when(start, start, True, "id", today - timedelta(days=1))
    assert nxt == "Tomorrow"


def test_translation_gaps_per_item_and_language(app, make):
    make.destination(slug="lae-une", name={"id": "Lae Une", "en": "Lae Une"}, summary={"id": "x"})
    gaps = {(g.kind, g.label, g.lang): g.fields for g in translation_gaps()}
    assert gaps[("destinations", "lae-une", "btd")] == ("name", "summary")
    assert gaps[("destinations", "lae-une", "en")] == ("summary",)
    assert ("destinations", "lae-une", "id") not in gaps


def test_content_command_lists_gaps(runner, make):
    make.destination(slug="lae-une", name={"id": "Lae Une"})
    result = runner.invoke(args=["translate", "content", "--lang", "en"])
    assert result.exit_code == 0
    assert "en\tdestinations\tlae-une\tname" in result.output


def test_a_catalog_being_compiled_is_read_whole_old_or_new(tmp_path, monkeypatch):
    directory = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, directory)
    catalogs.compile_all(directory)
    target = catalogs.po_path(directory, "en").with_suffix(".mo")
    before, seen = target.read_bytes(), []
    write_mo = catalogs.write_mo

    def slow_write(handle, catalog):  # a server loading the catalog while it is written
        seen.append(target.read_bytes())
        write_mo(handle, catalog)
        seen.append(target.read_bytes())

    monkeypatch.setattr(catalogs, "write_mo", slow_write)
    catalogs.compile_catalog(catalogs.po_path(directory, "en"))
    assert seen == [before, before]  # the old file, whole, until the new one replaced it
    assert target.read_bytes() == before  # the same catalog compiled again
    assert target.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in target.parent.iterdir()) == ["messages.mo", "messages.po"]
