"""A visitor plans a trip: the calendar to an occurrence's .ics, and the map to a place's page."""

import re
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LEAFLET = Path(__file__).resolve().parents[2] / "branding/static/vendor/leaflet/leaflet.js"


def _offline(page, live_server: str) -> None:
    """Refuse every request that leaves the live server, as on a site with no tile server."""
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())


def test_calendar_next_month_occurrence_and_its_ics(live_server, page):
    _offline(page, live_server)
    page.goto(f"{live_server}/id/events/calendar")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    heading = page.locator("#month-h")
    this_month = heading.inner_text()
    page.screenshot_step("1-calendar")

    page.locator(".month-nav a[rel=next]").click()
    expect(heading).not_to_have_text(this_month)
    expect(page).to_have_url(re.compile(r"/id/events/calendar\?month=\d{4}-\d{2}$"))
    month = page.url.rsplit("=", 1)[1]
    # The weekly Saturday market of the sample repeats into every month.
    entry = page.locator(".month-day.in-month .cal-entry:not(.is-cancelled) a").first
    expect(entry).to_be_visible()
    page.screenshot_step("2-next-month")

    entry.click()
    expect(page).to_have_url(re.compile(rf"/id/events/([a-z0-9-]+)/({month}-\d{{2}})$"))
    slug, day = re.search(r"/events/([a-z0-9-]+)/(\d{4}-\d{2}-\d{2})$", page.url).groups()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(f'time[datetime^="{day}"]').first).to_be_visible()
    page.screenshot_step("3-occurrence")

    with page.expect_download() as info:
        page.locator(".add-to-calendar a[download]").first.click()
    download = info.value
    assert download.suggested_filename == f"{slug}-{day}.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.date() if hasattr(start, "date") else start) == date.fromisoformat(day)
    assert str(event["url"]).endswith(f"/id/events/{slug}/{day}")


def test_map_marker_leads_to_its_page(live_server, page):
    if not LEAFLET.exists():
        pytest.fail("Leaflet is not in branding/static/vendor: run `make assets`")
    _offline(page, live_server)
    page.goto(f"{live_server}/id/map/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    map_box = page.locator("#map")
    expect(map_box).to_have_attribute("data-ready", "true")
    markers = page.locator(".leaflet-marker-icon")  # places, and clusters where they crowd
    expect(markers.first).to_be_visible()
    assert markers.count() >= 3
    # The same places are in a plain list for screen readers and browsers without JavaScript.
    places = page.locator(".place-list")
    expect(places.get_by_role("link", name="Air Terjun Lae Une", exact=True)).to_have_count(1)
    page.screenshot_step("1-map")

    marker = page.locator('.leaflet-marker-icon[title^="Air Terjun Lae Une"]')
    if not marker.count():  # in a cluster: the list's button shows it on the map
        name = page.get_by_role("link", name="Air Terjun Lae Une", exact=True)
        page.locator(".place-list li", has=name).get_by_role("button").click()
        page.locator(".leaflet-popup-close-button").click()
    marker.focus()
    page.keyboard.press("Enter")  # a marker is a button: keyboard users open it too
    popup = page.locator(".leaflet-popup-content")
    link = popup.get_by_role("link", name="Air Terjun Lae Une", exact=True)
    expect(link).to_be_visible()
    page.screenshot_step("2-popup")

    link.click()
    expect(page).to_have_url(re.compile(r"/id/destinations/air-terjun-lae-une$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Air Terjun Lae Une")
    page.screenshot_step("3-destination")


def test_small_map_loads_only_when_asked(live_server, page):
    _offline(page, live_server)
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(f"{live_server}/en/destinations/air-terjun-lae-une")
    assert not [url for url in loaded if "leaflet" in url]
    page.get_by_role("button", name="Show map").click()
    expect(page.locator(".minimap")).to_have_attribute("data-ready", "true")
    expect(page.locator(".minimap .leaflet-marker-icon")).to_have_count(1)
    assert [url for url in loaded if re.search(r"/leaflet\.[0-9a-f]{10}\.js$", url)]
    page.screenshot_step("minimap")
