"""Translators translate three interface strings, a reviewer approves two, and the Pakpak home
page shows those two and the Indonesian text, marked lang="id", for the third.

The texts are test markers (BTD-TEST-n), not Pakpak words.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from branding import create_app
from branding.accounts.models import Role
from branding.accounts.services import add_user
from branding.extensions import babel, db
from branding.workbench.strings import string_key
from tests.browser.test_office_journey import log_in

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"
STRINGS = {  # heading id on the home page → (msgid, test marker)
    "featured-h": ("Featured destinations", "BTD-TEST-1"),
    "events-h": ("Upcoming events", "BTD-TEST-2"),
    "products-h": ("Local products", "BTD-TEST-3"),
}


@pytest.fixture(scope="module")
def translators(live_server, migrated) -> dict[str, str]:
    """Two translators' accounts in the live server's database, and the Indonesian texts."""
    app = create_app(migrated)
    with app.app_context():
        for email in ("penerjemah1@example.com", "penerjemah2@example.com"):
            add_user(email, PASSWORD, Role.TRANSLATOR, "Penerjemah")
        db.session.commit()
        with app.test_request_context("/id/"):
            catalog = babel.domain_instance.catalog("id")
            indonesian = {msgid: catalog.gettext(msgid) for msgid, _ in STRINGS.values()}
        db.engine.dispose()
    return indonesian


def _log_out(page) -> None:
    """Open the menu (folded on a phone) and log out."""
    page.wait_for_load_state("load")  # the menu button works once site.js runs
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="Log out").press("Enter")  # by keyboard, as translators work
    page.wait_for_url(lambda url: "/office/" not in url)


def test_three_translated_two_approved_the_home_page_marks_the_rest(live_server, page, translators):
    log_in(page, live_server, "penerjemah1@example.com", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Translation workbench")
    expect(page.get_by_text("Interface coverage")).to_be_visible()
    for number, (msgid, marker) in enumerate(STRINGS.values()):
        page.goto(f"{live_server}/en/office/workbench/strings/{string_key(msgid)}")
        field = page.get_by_role("textbox", name="Pakpak", exact=True)
        field.fill(marker)
        if number == 0:  # the keyboard's save-and-next opens another string
            field.press("Control+Enter")
            expect(page).not_to_have_url(f"{live_server}/en/office/workbench/strings/"
                                         f"{string_key(msgid)}")  # fmt: skip
        else:
            page.get_by_role("button", name="Save the suggestion").click()
        expect(page.get_by_text("Saved as a suggestion")).to_be_visible()
    page.screenshot_step("1-three-suggested")
    page.goto(f"{live_server}/btd/")
    expect(page.get_by_text("BTD-TEST-1")).to_have_count(0)  # nothing live before a review
    page.goto(f"{live_server}/en/office/workbench/")
    _log_out(page)

    log_in(page, live_server, "penerjemah2@example.com", PASSWORD)
    page.goto(f"{live_server}/en/office/workbench/?show=review")
    expect(page.get_by_text("3 strings")).to_be_visible()
    for msgid, _marker in list(STRINGS.values())[:2]:
        page.goto(f"{live_server}/en/office/workbench/strings/{string_key(msgid)}")
        page.get_by_role("button", name="Approve").click()
        expect(page.get_by_text("Approved: the translation shows on the site now.")).to_be_visible()
    page.screenshot_step("2-two-approved")
    _log_out(page)

    page.goto(f"{live_server}/btd/")
    expect(page.locator("#featured-h")).to_have_text("BTD-TEST-1")
    expect(page.locator("#events-h")).to_have_text("BTD-TEST-2")
    expect(page.locator("#featured-h [lang]")).to_have_count(0)
    fallback = page.locator('#products-h span[lang="id"]')
    expect(fallback).to_have_text(translators["Local products"])
    expect(page.get_by_text("BTD-TEST-3")).to_have_count(0)
    page.screenshot_step("3-pakpak-home")
