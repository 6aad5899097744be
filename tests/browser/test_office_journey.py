"""The tourism office publishes an event that visitors then see."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from pakpak_sample.users import EDITOR_EMAIL, SAMPLE_PASSWORD

pytestmark = pytest.mark.browser


def log_in(page, base: str, email: str, password: str) -> None:
    """Log in through the form, in English."""
    page.goto(f"{base}/en/account/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_editor_creates_and_publishes_an_event(live_server, page):
    log_in(page, live_server, EDITOR_EMAIL, SAMPLE_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Back office")
    page.screenshot_step("1-office")

    page.get_by_role("link", name="New event").first.click()
    day = date.today() + timedelta(days=3)
    page.locator("#title_id").fill("Lomba Perahu Lae Renun")
    page.locator("#title_en").fill("Lae Renun Boat Race")
    page.get_by_label("Category").select_option("sport")
    page.get_by_label("Starts on").fill(day.isoformat())
    page.locator("#start_time").fill("09:00")
    page.get_by_label("Ends on").fill(day.isoformat())
    page.locator("#end_time").fill("15:00")
    page.get_by_label("Or a named place").fill("Tepi Lae Renun")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    page.screenshot_step("2-saved-draft")

    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published: visitors can see it now.")).to_be_visible()

    page.goto(f"{live_server}/en/events/")
    link = page.get_by_role("link", name="Lae Renun Boat Race")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/en/events/lomba-perahu-lae-renun$"))
    expect(page.get_by_text("9:00")).to_be_visible()
    page.screenshot_step("3-public-event")
