"""A visitor's first journey: home → a destination → English → an event."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SHARED_SAMPLE = True  # the visitor sees the sample's illustrations, and changes nothing


def test_home_to_destination_to_english_to_event(live_server, page):
    page.goto(f"{live_server}/")
    expect(page).to_have_url(re.compile(r"/id/$"))  # the browser asks for Indonesian
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", name="Destinasi unggulan")).to_be_visible()
    page.screenshot_step("1-home")

    first = page.locator("section[aria-labelledby=featured-h] .grid article h3 a").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    slug = page.url.rsplit("/", 1)[-1]
    page.screenshot_step("2-destination")

    page.get_by_role("button", name="Menu").click()  # on a phone, the languages are in the menu
    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(rf"/en/destinations/{slug}$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Menu")).to_be_visible()  # the menu, in English
    page.screenshot_step("3-destination-en")

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Upcoming events")
    event_link = page.locator("#list-h ~ .grid article h3 a").first
    title = event_link.inner_text()
    event_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("WIB").first).to_be_visible()
    expect(page.get_by_role("term").filter(has_text="When")).to_be_visible()
    page.screenshot_step("4-event-en")
