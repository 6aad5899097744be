"""The editor refuses translations that would break a page, in the translator's language."""

from __future__ import annotations

import re

import pytest

from branding.accounts.models import Role
from branding.workbench.strings import string_key
from tests.accounts_helpers import login
from tests.workbench.helpers import suggest

NAMED = "Role changed for %(email)s."
PLURAL = "%(num)d business"


@pytest.fixture
def translator(app, make):
    client = app.test_client()
    login(client, make.user(Role.TRANSLATOR))
    return client


def test_dropping_a_placeholder_is_refused_and_the_typed_text_shown_again(translator):
    response = suggest(translator, NAMED, "BTD-TEST-1 tanpa alamat")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The translation must keep %(email)s." in html
    assert "BTD-TEST-1 tanpa alamat</textarea>" in html


def test_adding_a_placeholder_or_a_lone_per_cent_sign_is_refused(translator):
    added = suggest(translator, NAMED, "BTD-TEST-1 %(email)s %(name)s").get_data(as_text=True)
    assert "The translation adds %(name)s, which the text does not have." in added
    lone = suggest(translator, NAMED, "BTD-TEST-1 %(email)s 100%").get_data(as_text=True)
    assert "A per cent sign that is not a placeholder must be written twice." in lone
    plain = suggest(translator, "Upcoming events", "BTD-TEST-1 %s")
    assert plain.status_code == 422
    assert "the translation cannot contain a per cent sign" in plain.get_data(as_text=True)


def test_markup_is_refused_because_templates_trust_translations(translator):
    response = suggest(translator, "Upcoming events", "<script>BTD-TEST-1</script>")
    assert response.status_code == 422
    assert "cannot contain the signs &lt; and &gt;" in response.get_data(as_text=True)


def test_the_refusal_is_in_the_translators_language(translator):
    response = suggest(translator, NAMED, "BTD-TEST-1", lang="id")
    assert response.status_code == 422
    assert "Terjemahan harus mempertahankan %(email)s." in response.get_data(as_text=True)


def test_a_plural_string_shows_its_forms_and_needs_the_number(translator, app):
    page = translator.get(f"/en/office/workbench/strings/{string_key(PLURAL)}")
    html = page.get_data(as_text=True)
    assert "%(num)d business / %(num)d businesses" in html  # both source forms
    assert html.count('name="form-') == 1  # the btd catalog declares one plural form
    refused = suggest(translator, PLURAL, "BTD-TEST-1 UMKM")
    assert "The translation must keep %(num)d." in refused.get_data(as_text=True)
    assert suggest(translator, PLURAL, "%(num)d BTD-TEST-1").status_code == 302


def test_an_empty_translation_is_refused(translator):
    response = suggest(translator, "Upcoming events", "   ")
    assert response.status_code == 422
    assert "Write a translation." in response.get_data(as_text=True)


def test_the_editor_says_where_a_string_appears_and_links_a_page_showing_it(translator):
    html = translator.get(f"/en/office/workbench/strings/{string_key('Upcoming events')}")
    text = html.get_data(as_text=True)
    assert "branding/templates/site/home.html:" in text
    assert 'href="/btd/"' in text


def test_an_unknown_string_or_suggestion_is_a_404(translator):
    assert translator.get("/en/office/workbench/strings/nope").status_code == 404
    assert translator.post("/en/office/workbench/suggestions/999/approve").status_code == 404


def test_save_and_next_opens_the_next_string_of_the_list(translator):
    listed = translator.get("/en/office/workbench/?show=untranslated&q=upcoming")
    keys = re.findall(r"/workbench/strings/([0-9a-f]{16})", listed.get_data(as_text=True))
    first = string_key("No upcoming events yet.")
    following = keys[keys.index(first) + 1]
    data = {"form-0": "BTD-TEST-1", "show": "untranslated", "q": "upcoming", "next": "1"}
    response = translator.post(f"/en/office/workbench/strings/{first}", data=data)
    assert response.status_code == 302
    assert f"/strings/{following}?show=untranslated&q=upcoming" in response.headers["Location"]


def test_filters_and_search_narrow_the_list(translator):
    suggest(translator, "Upcoming events", "BTD-TEST-1")
    review = translator.get("/en/office/workbench/?show=review").get_data(as_text=True)
    assert "1 string" in review and string_key("Upcoming events") in review
    recent = translator.get("/en/office/workbench/?show=recent").get_data(as_text=True)
    assert string_key("Upcoming events") in recent
    found = translator.get("/en/office/workbench/?q=upcoming+events").get_data(as_text=True)
    assert string_key("Upcoming events") in found
    assert string_key("Local products") not in found
    junk = translator.get("/en/office/workbench/?show=nonsense&page=abc")
    assert junk.status_code == 200
    assert translator.get("/en/office/workbench/?page=999").status_code == 404


def test_the_workbench_shows_interface_coverage(translator):
    html = translator.get("/en/office/workbench/").get_data(as_text=True)
    assert "Interface coverage" in html
    assert "Pakpak</strong>: 0 of" in html
