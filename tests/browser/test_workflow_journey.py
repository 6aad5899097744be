"""An owner's change waits for the office while visitors keep the approved version; an event
scheduled by an editor appears once its time has come (the clock is moved, nobody sleeps)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from branding import create_app
from branding.core.i18n.formatting import WIB
from branding.editorial.scheduling import run_due
from branding.extensions import db
from pakpak_sample.users import EDITOR_EMAIL, OWNER_SALAK_EMAIL, SAMPLE_PASSWORD
from tests.browser.site_pages import log_out
from tests.browser.test_office_journey import log_in

pytestmark = pytest.mark.browser
NEW_SUMMARY = "Coffee from the hills around Salak, now roasted every Friday."


def test_owner_edits_an_approved_listing_editor_compares_and_approves(live_server, page):
    public = f"{live_server}/en/businesses/kopi-bukit-salak"
    log_in(page, live_server, OWNER_SALAK_EMAIL, SAMPLE_PASSWORD)
    page.goto(f"{live_server}/en/my/")
    listing = page.locator("article").filter(
        has=page.get_by_role("heading", name="Kopi Bukit Salak")
    )
    listing.get_by_role("link", name="Edit").click()
    page.locator("#summary_en").fill(NEW_SUMMARY)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved. The tourism office will review your change")).to_be_visible()
    page.screenshot_step("1-owner-saved")
    log_out(page)

    page.goto(public)  # the visitor still sees the approved listing
    expect(page.get_by_text("Arabica and robusta coffee from farms")).to_be_visible()
    expect(page.get_by_text(NEW_SUMMARY)).to_have_count(0)
    page.screenshot_step("2-visitor-sees-the-old-one")

    log_in(page, live_server, EDITOR_EMAIL, SAMPLE_PASSWORD)
    page.goto(f"{live_server}/en/office/moderation/")
    page.get_by_role("link", name="Kopi Bukit Salak").first.click()
    changes = page.locator(".changeset")
    expect(changes.get_by_text("Arabica and robusta coffee from farms")).to_be_visible()
    expect(changes.get_by_text(NEW_SUMMARY)).to_be_visible()
    page.screenshot_step("3-editor-compares")
    page.get_by_role("button", name="Approve all shown").click()
    expect(page.get_by_text("The owner has been told.")).to_be_visible()
    log_out(page)

    page.goto(public)
    expect(page.get_by_text(NEW_SUMMARY)).to_be_visible()
    page.screenshot_step("4-visitor-sees-the-new-one")


def test_editor_schedules_an_event_that_appears_when_due(live_server, page, migrated):
    log_in(page, live_server, EDITOR_EMAIL, SAMPLE_PASSWORD)
    page.goto(f"{live_server}/en/office/events/new")
    day = date.today() + timedelta(days=40)
    goes_live = datetime.combine(date.today() + timedelta(days=10), datetime.min.time())
    page.locator("#title_id").fill("Festival Kopi Terjadwal")
    page.locator("#title_en").fill("Scheduled Coffee Festival")
    page.get_by_label("Category").select_option("festival")
    page.get_by_label("Starts on").fill(day.isoformat())
    page.locator("#start_time").fill("09:00")
    page.get_by_label("Ends on").fill(day.isoformat())
    page.locator("#end_time").fill("17:00")
    page.get_by_label("Or a named place").fill("Lapangan Salak")
    page.locator("#publish_at").fill(goes_live.replace(hour=8).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Publishes on")).to_be_visible()
    page.screenshot_step("1-scheduled")
    log_out(page)

    url = f"{live_server}/en/events/festival-kopi-terjadwal"
    assert page.request.get(url).status == 404
    app = create_app(migrated)
    with app.app_context():
        run_due(goes_live.replace(hour=7, minute=59, tzinfo=WIB))  # a minute early: nothing
        db.session.remove()
    assert page.request.get(url).status == 404
    with app.app_context():
        run_due(goes_live.replace(hour=8, minute=1, tzinfo=WIB))  # the clock has moved on
        db.session.remove()
        db.engine.dispose()
    page.goto(url)
    expect(page.get_by_role("heading", name="Scheduled Coffee Festival")).to_be_visible()
    page.screenshot_step("2-visible-after-the-due-time")
