"""The office reads its visits on charts; an owner prints a poster that opens their page."""

import io
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from pakpak_sample.users import EDITOR_EMAIL, OWNER_SALAK_EMAIL, SAMPLE_PASSWORD
from tests.browser.site_pages import screenshot
from tests.browser.test_office_journey import log_in

pytestmark = pytest.mark.browser
A4_POINTS = (595.0, 842.0)


def test_an_editor_reads_the_sample_visits_on_charts(live_server, page):
    log_in(page, live_server, EDITOR_EMAIL, SAMPLE_PASSWORD)
    page.get_by_role("navigation", name="Back office").get_by_role("link", name="Visits").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Visits and contacts")
    expect(page.get_by_text("made-up counts for the sample content")).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("^Page views of destinations"))
    expect(chart).to_be_visible()
    bars = page.locator('svg[data-chart="views"] rect.chart-bar')
    assert bars.count() >= 28  # a bar a day of the last 30 (the sample stops yesterday)
    assert bars.first.bounding_box()["height"] > 0
    for name in ("contacts", "contact-kinds", "languages"):
        assert page.locator(f'svg[data-chart="{name}"] rect.chart-bar').count() > 0, name
    page.screenshot_step("1-dashboard")

    page.get_by_text("The numbers as a table").first.click()
    table = page.locator("details.chart-data table").first
    expect(table).to_be_visible()
    assert table.locator("tbody tr").count() == 30
    page.get_by_role("link", name="Last 7 days").click()
    expect(page.locator('svg[data-chart="views"] rect.chart-bar')).to_have_count(6)
    page.screenshot_step("2-last-week")


def _pages_of(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def test_an_owner_prints_a_poster_whose_code_opens_their_page(live_server, page, browser):
    log_in(page, live_server, OWNER_SALAK_EMAIL, SAMPLE_PASSWORD)
    business = page.locator("article", has=page.get_by_role("heading", name="Kopi Bukit Salak"))
    business.get_by_role("link", name="QR posters").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Posters for Kopi Bukit Salak")
    page.get_by_label("Where it will hang").fill("Counter")
    page.get_by_role("button", name="Make the poster").click()

    poster = page.get_by_role("article", name="Poster for Kopi Bukit Salak")
    expect(poster.get_by_role("heading", level=1)).to_have_text("Kopi Bukit Salak")
    expect(poster.get_by_text("Pindai untuk melihat produk")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    page.screenshot_step("3-poster-on-screen")

    page.wait_for_load_state("load")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = _pages_of(pdf)
    assert len(pages) == 1, pages  # the poster fits on one sheet
    assert all(abs(a - b) < 2 for a, b in zip(pages[0], A4_POINTS, strict=True)), pages

    picture = screenshot(page.locator(".poster-code"))
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(picture)))
    assert len(found) == 1
    address = found[0].text
    assert re.fullmatch(rf"{re.escape(live_server)}/q/[a-z2-9]{{6}}", address), address
    expect(page.get_by_text(address)).to_be_visible()

    page.get_by_role("link", name=re.compile("A6")).click()
    page.wait_for_url(re.compile(r"[?&]size=a6$"), wait_until="load")  # its stylesheet too
    card = page.pdf(prefer_css_page_size=True, print_background=True)
    assert [(round(w), round(h)) for w, h in _pages_of(card)] == [(298, 420)]  # A6 in points

    visitor = browser.new_context(locale="en-US")
    try:
        phone = visitor.new_page()
        phone.goto(address)
        expect(phone).to_have_url(f"{live_server}/en/businesses/kopi-bukit-salak")
        expect(phone.get_by_role("heading", level=1)).to_have_text("Kopi Bukit Salak")
    finally:
        visitor.close()
