"""The back office's lists of destinations and events at scale: pages, words of a name, status."""

from __future__ import annotations

import re

import pytest

from branding.accounts.models import Role
from branding.core.content.publishing import PublicationStatus
from tests.listing_helpers import log_in

ROW = re.compile(r'<td><a href="/en/office/(?:destinations|events)/\d+/edit">([^<]+)</a>')


def _names(html: str) -> list[str]:
    return ROW.findall(html)


@pytest.fixture
def editor(client, make):
    log_in(client, make.user(role=Role.EDITOR))
    return client


@pytest.mark.parametrize("kind", ["destinations", "events"])
def test_a_long_list_comes_a_page_at_a_time(editor, make, kind):
    for n in range(53):
        title = {"en": f"Item {n:02d}"}
        if kind == "destinations":
            make.destination(name=title)
        else:
            make.event(title=title)
    first = editor.get(f"/en/office/{kind}/").get_data(as_text=True)
    second = editor.get(f"/en/office/{kind}/?page=2").get_data(as_text=True)
    assert len(_names(first)) == 50 and len(_names(second)) == 3
    assert not set(_names(first)) & set(_names(second))
    assert "53 found" in first and "Page 1 of 2" in first and 'rel="next"' in first
    assert editor.get(f"/en/office/{kind}/?page=3").status_code == 404


def test_words_of_a_name_in_any_language_and_a_status_narrow_the_list(editor, make):
    make.destination(name={"id": "Air Terjun Lae Une", "en": "Lae Une Waterfall"})
    make.destination(name={"id": "Danau Sicikecike"}, status=PublicationStatus.DRAFT)
    make.destination(name={"id": "Bukit 100% Indah"})
    base = "/en/office/destinations/"
    assert _names(editor.get(base + "?q=waterfall").get_data(as_text=True)) == ["Lae Une Waterfall"]
    assert _names(editor.get(base + "?q=lae+une").get_data(as_text=True)) == ["Lae Une Waterfall"]
    drafts = editor.get(base + "?status=draft").get_data(as_text=True)
    assert _names(drafts) == ["Danau Sicikecike"] and 'value="draft" selected' in drafts
    assert _names(editor.get(base + "?q=100%25").get_data(as_text=True)) == ["Bukit 100% Indah"]
    none = editor.get(base + "?q=_").get_data(as_text=True)  # a LIKE wildcard is a character
    assert _names(none) == [] and "Nothing matches these filters." in none
    assert len(_names(editor.get(base + "?status=junk").get_data(as_text=True))) == 3


def test_an_office_list_runs_the_same_queries_at_any_length(editor, make, count_queries):
    make.destination()
    with count_queries() as few:
        editor.get("/en/office/destinations/")
    for _ in range(30):
        make.destination()
    with count_queries() as many:
        editor.get("/en/office/destinations/")
    assert many[0] == few[0]
