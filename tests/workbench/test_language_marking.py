"""On a Pakpak page, interface text that fell back to Indonesian is marked lang="id"."""

from __future__ import annotations

import re

from branding.accounts.models import Role
from branding.extensions import babel
from tests.accounts_helpers import login
from tests.workbench.helpers import MARKERS, approve, suggest, suggestion_ids


def _indonesian(app, msgid: str) -> str:
    return babel.domain_instance.catalog("id").gettext(msgid)


def test_fallback_headings_navigation_and_buttons_are_marked_indonesian(app, client):
    html = client.get("/btd/").get_data(as_text=True)
    assert '<html lang="btd">' in html
    for msgid in ("Featured destinations", "Upcoming events", "Destinations", "Search"):
        assert f'<span lang="id">{_indonesian(app, msgid)}</span>' in html, msgid


def test_an_approved_pakpak_string_is_not_marked(app, make, client):
    author, reviewer = app.test_client(), app.test_client()
    login(author, make.user(Role.TRANSLATOR))
    login(reviewer, make.user(Role.TRANSLATOR))
    suggest(author, "Featured destinations", MARKERS[0])
    approve(reviewer, suggestion_ids(reviewer, "Featured destinations")[0])
    html = client.get("/btd/").get_data(as_text=True)
    assert f'<h2 id="featured-h">{MARKERS[0]}</h2>' in html
    upcoming = _indonesian(app, "Upcoming events")
    assert f'<h2 id="events-h"><span lang="id">{upcoming}</span></h2>' in html


def test_indonesian_and_english_pages_mark_nothing(client):
    for lang in ("id", "en"):
        assert '<span lang="id">' not in client.get(f"/{lang}/").get_data(as_text=True)


def test_a_forms_errors_that_fell_back_are_marked_indonesian(client):
    response = client.post("/btd/account/register", data={})
    html = response.get_data(as_text=True)
    errors = re.findall(r'<p class="error" id="[^"]+">(.*?)</p>', html)
    assert errors, html
    for error in errors:
        assert re.fullmatch(r'<span class="visually-hidden"><span lang="id">[^<]+</span> </span>'
                            r'<span lang="id">[^<]+</span>', error), error  # fmt: skip
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.DOTALL)
    assert summary and '<span lang="id">' in summary[0]


def test_a_message_flashed_before_a_redirect_is_marked_indonesian(app, client):
    response = client.get("/btd/my/", follow_redirects=True)
    html = response.get_data(as_text=True)
    message = _indonesian(app, "Please log in to see that page.")
    assert f'<p class="notice notice-info"><span lang="id">{message}</span></p>' in html
