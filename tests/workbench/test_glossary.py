"""The glossary: terms shown beside every string that contains them."""

from __future__ import annotations

import pytest

from branding.accounts.models import Role
from branding.workbench.strings import string_key
from tests.accounts_helpers import login


@pytest.fixture
def translator(app, make):
    client = app.test_client()
    login(client, make.user(Role.TRANSLATOR))
    return client


def _add(client, term: str, rendering: str, note: str = ""):
    return client.post("/en/office/workbench/glossary",
                       data={"term": term, "rendering": rendering, "note": note})  # fmt: skip


def test_a_term_shows_beside_the_strings_that_contain_it(translator):
    assert _add(translator, "events", "BTD-TEST-1", "a test entry").status_code == 302
    listed = translator.get("/en/office/workbench/glossary").get_data(as_text=True)
    assert "BTD-TEST-1" in listed and "a test entry" in listed
    with_term = translator.get(f"/en/office/workbench/strings/{string_key('Upcoming events')}")
    assert "From the glossary" in with_term.get_data(as_text=True)
    assert "BTD-TEST-1" in with_term.get_data(as_text=True)
    without = translator.get(f"/en/office/workbench/strings/{string_key('Local products')}")
    assert "From the glossary" not in without.get_data(as_text=True)


def test_a_blank_or_repeated_term_is_refused_with_the_typed_input_kept(translator):
    _add(translator, "Salak", "BTD-TEST-1")
    again = _add(translator, "salak", "BTD-TEST-2")
    assert again.status_code == 422
    html = again.get_data(as_text=True)
    assert "The glossary has this term already." in html and 'value="BTD-TEST-2"' in html
    blank = _add(translator, "  ", "BTD-TEST-2")
    assert "Write the term and how it is translated." in blank.get_data(as_text=True)


def test_a_term_can_be_removed(app, translator):
    _add(translator, "Salak", "BTD-TEST-1")
    from branding.workbench.glossary import terms

    (row,) = terms("btd")
    assert translator.post(f"/en/office/workbench/glossary/{row.id}/delete").status_code == 302
    assert terms("btd") == []
    assert translator.post(f"/en/office/workbench/glossary/{row.id}/delete").status_code == 404
