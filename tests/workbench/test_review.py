"""A translation is a suggestion until a second person approves it; then every server shows it."""

from __future__ import annotations

from branding.accounts.models import Role
from branding.workbench.strings import string_key
from tests.accounts_helpers import login
from tests.workbench.helpers import MARKERS, approve, suggest, suggestion_ids


def _translators(app, make):
    first, second = make.user(Role.TRANSLATOR), make.user(Role.TRANSLATOR)
    a, b = app.test_client(), app.test_client()
    login(a, first)
    login(b, second)
    return a, b


def test_a_suggestion_is_not_live_until_a_second_translator_approves_it(app, make):
    author, reviewer = _translators(app, make)
    visitor = app.test_client()
    assert suggest(author, "Featured destinations", MARKERS[0]).status_code == 302
    assert MARKERS[0] not in visitor.get("/btd/").get_data(as_text=True)

    assert suggestion_ids(author, "Featured destinations") == []  # not one's own
    (row_id,) = suggestion_ids(reviewer, "Featured destinations")
    assert approve(author, row_id).status_code == 403
    assert approve(reviewer, row_id).status_code == 302

    home = visitor.get("/btd/").get_data(as_text=True)
    assert f'<h2 id="featured-h">{MARKERS[0]}</h2>' in home
    assert MARKERS[0] not in visitor.get("/id/").get_data(as_text=True)


def test_an_admin_may_approve_their_own_suggestion_where_there_is_one_speaker(app, make):
    admin = app.test_client()
    login(admin, make.user(Role.ADMIN))
    suggest(admin, "Upcoming events", MARKERS[1])
    (row_id,) = suggestion_ids(admin, "Upcoming events")
    assert approve(admin, row_id).status_code == 302
    assert MARKERS[1] in app.test_client().get("/btd/").get_data(as_text=True)


def test_an_approval_shows_at_once_on_another_server_of_the_same_database(app, make, make_app):
    author, reviewer = _translators(app, make)
    other_server = make_app().test_client()
    before = other_server.get("/btd/").get_data(as_text=True)  # its catalog is now cached
    assert MARKERS[2] not in before
    suggest(author, "Local products", MARKERS[2])
    (row_id,) = suggestion_ids(reviewer, "Local products")
    approve(reviewer, row_id)
    assert f'<h2 id="products-h">{MARKERS[2]}</h2>' in other_server.get("/btd/").get_data(
        as_text=True
    )


def test_a_newer_approval_replaces_the_live_one_and_the_history_keeps_both(app, make):
    author, reviewer = _translators(app, make)
    for marker in MARKERS[:2]:
        suggest(author, "Featured destinations", marker)
        (row_id,) = suggestion_ids(reviewer, "Featured destinations")
        approve(reviewer, row_id)
    home = app.test_client().get("/btd/").get_data(as_text=True)
    assert MARKERS[1] in home and MARKERS[0] not in home
    page = reviewer.get(f"/en/office/workbench/strings/{string_key('Featured destinations')}")
    page = page.get_data(as_text=True)
    assert MARKERS[0] in page and MARKERS[1] in page
    assert "Replaced" in page and "Approved" in page
    assert f"{MARKERS[1]}</textarea>" in page  # the editor starts from the live translation


def test_a_rejected_suggestion_never_goes_live(app, make):
    author, reviewer = _translators(app, make)
    suggest(author, "Upcoming events", MARKERS[0])
    (row_id,) = suggestion_ids(reviewer, "Upcoming events")
    assert reviewer.post(f"/en/office/workbench/suggestions/{row_id}/reject").status_code == 302
    assert approve(reviewer, row_id).status_code == 403  # decided already
    assert MARKERS[0] not in app.test_client().get("/btd/").get_data(as_text=True)
