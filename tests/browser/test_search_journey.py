"""A visitor searches from the home page in Indonesian and in English and opens results."""

import re

import pytest
from playwright.sync_api import expect

from branding import create_app
from branding.extensions import db
from branding.search.rebuild import rebuild

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def searchable(live_server: str, migrated: dict) -> str:
    """The live server with its sample data in the search index."""
    app = create_app({**migrated, "SERVER_NAME": None})
    with app.app_context():
        rebuild()
        db.session.remove()
        db.engine.dispose()
    return live_server


def test_search_from_the_home_page_in_indonesian_and_english(searchable, page):
    page.goto(f"{searchable}/id/")
    box = page.locator("#hero-q")
    box.fill("air terjun")
    suggestions = page.get_by_role("listbox")
    expect(suggestions.get_by_role("option").first).to_be_visible()
    expect(suggestions).to_contain_text("Air Terjun Lae Une")
    page.screenshot_step("1-suggestions-id")
    box.press("Escape")  # closes the suggestions, keeps the words
    expect(suggestions).to_be_hidden()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/id/search\?q=air\+terjun$"))
    expect(page.locator("html")).to_have_attribute("lang", "id")
    results = page.locator("ol.results > li")
    expect(results.first).to_be_visible()
    expect(results.first.locator("mark").first).to_have_text(
        re.compile("air|terjun", re.IGNORECASE)
    )
    page.screenshot_step("2-results-id")
    first = results.first.locator("h3 a")
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.screenshot_step("3-result-id")

    page.goto(f"{searchable}/en/")
    box = page.locator("#hero-q")
    box.fill("waterfal")  # one letter short
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search\?q=waterfal$"))
    expect(page.locator(".did-you-mean")).to_have_text("waterfall")
    expect(page.locator("ol.results")).to_contain_text("Lae Une Waterfall")
    page.screenshot_step("4-results-en")
    page.locator("ol.results h3 a", has_text="Lae Une Waterfall").first.click()
    expect(page).to_have_url(re.compile(r"/en/destinations/air-terjun-lae-une$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lae Une Waterfall")
    page.screenshot_step("5-result-en")


def test_a_suggestion_opens_with_the_keyboard(searchable, page):
    page.goto(f"{searchable}/en/")
    box = page.locator("#hero-q")  # enhanced (search.js loaded) when first focused
    box.fill("pelleng")
    expect(box).to_have_attribute("role", "combobox")
    expect(page.get_by_role("option").first).to_be_visible()
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", re.compile(r"-0$"))
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/businesses/warung-pelleng-salak$"))
