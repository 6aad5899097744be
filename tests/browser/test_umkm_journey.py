"""A shop owner lists a business, the tourism office approves it, a visitor finds it."""

import re

import pytest
from playwright.sync_api import expect

from pakpak_sample.users import EDITOR_EMAIL, SAMPLE_PASSWORD
from tests.browser.site_pages import log_out
from tests.browser.test_office_journey import log_in

pytestmark = pytest.mark.browser


def register_and_list(page, base: str) -> None:
    """Register as an owner, add a business and a product, and submit them."""
    page.goto(f"{base}/en/account/register")
    page.get_by_label("Your name").fill("Ibu Sitanggang")
    page.get_by_label("E-mail").fill("warung.sitanggang@example.com")
    page.get_by_label("Password", exact=True).fill("kopi pakpak enak")
    page.get_by_label("Repeat the password").fill("kopi pakpak enak")
    page.get_by_role("button", name="Create my account").click()
    page.screenshot_step("1-registered")

    page.get_by_role("link", name="Add a business").click()
    page.get_by_label("Name of the business").fill("Warung Kopi Sitanggang")
    page.get_by_label("Category").select_option("coffee")
    page.locator("#summary_id").fill("Kopi arabika dari kebun sendiri.")
    page.locator("#summary_en").fill("Arabica coffee from our own garden.")
    page.get_by_label("WhatsApp number").fill("0812 3456 7890")
    page.get_by_role("button", name="Save").click()
    page.screenshot_step("2-business-saved")

    page.get_by_role("link", name="Add a product").first.click()
    page.locator("#name_id").fill("Kopi bubuk arabika")
    page.locator("#name_en").fill("Ground arabica coffee")
    page.get_by_label("Price (Rp)").fill("45.000")
    page.locator("#unit_en").fill("per 250 grams")
    page.get_by_role("button", name="Save").click()
    page.goto(f"{base}/en/my/")
    page.get_by_role("button", name="Submit for review").first.click()
    expect(page.get_by_text("Waiting for review").first).to_be_visible()
    page.screenshot_step("3-submitted")
    log_out(page)


def test_owner_lists_editor_approves_visitor_sees(live_server, page):
    register_and_list(page, live_server)
    assert page.request.get(f"{live_server}/en/businesses/warung-kopi-sitanggang").status == 404

    log_in(page, live_server, EDITOR_EMAIL, SAMPLE_PASSWORD)
    page.goto(f"{live_server}/en/office/moderation/")
    page.get_by_role("link", name="Warung Kopi Sitanggang").first.click()
    expect(page.get_by_text("Ground arabica coffee").first).to_be_visible()  # one change set
    page.screenshot_step("4-review")
    page.get_by_role("button", name="Approve all shown").click()
    expect(page.get_by_text("The owner has been told.")).to_be_visible()
    log_out(page)

    page.goto(f"{live_server}/en/businesses/?category=coffee")
    page.get_by_role("link", name="Warung Kopi Sitanggang").click()
    expect(page).to_have_url(re.compile(r"/en/businesses/warung-kopi-sitanggang$"))
    expect(page.get_by_text("Ground arabica coffee")).to_be_visible()
    expect(page.get_by_text("Rp 45,000")).to_be_visible()
    page.screenshot_step("5-visitor-sees-it")
