"""The redesign as visitors meet it: on a slow phone (LCP, CLS), by thumb and keyboard on the
map, in the gallery and the menu, with a form's errors, offline; screenshots at 412 and
1366 px are written to test-artifacts/screens/ for people to look at."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.site_pages import csp_refusals, discover, screenshot, stub_tiles

pytestmark = pytest.mark.browser
SHARED_SAMPLE = True  # the illustrated sample; nothing here changes content
SCREENS = ARTIFACTS.parent / "screens"
PERFORMANCE = ARTIFACTS.parent / "performance.json"
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8,
           "uploadThroughput": 400 * 1000 / 8}  # fmt: skip
PHONE = {"viewport": {"width": 412, "height": 915}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}  # fmt: skip

# Largest Contentful Paint and Cumulative Layout Shift as the page saw them (buffered).
VITALS = """() => new Promise(resolve => {
  let lcp = 0, cls = 0, element = "";
  const name = e => e.element ? e.element.tagName + "." + e.element.className : e.url;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) { lcp = e.startTime; element = name(e); }
  }).observe({type: "largest-contentful-paint", buffered: true});
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => {  // read once the paints are in: on a busy CPU FCP may follow "load"
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime;
    const files = performance.getEntriesByType("resource").map(r =>
      [r.name.replace(location.origin, ""), Math.round(r.startTime), Math.round(r.responseEnd),
       r.transferSize]);
    resolve({lcp, cls, element, fcp: fcp ?? null, ttfb: nav.responseStart,
             html: nav.responseEnd, files});
  }, 1500);
})"""


@pytest.fixture(scope="module")
def pages(live_server, browser) -> dict[str, str]:
    context = browser.new_context()
    try:
        return discover(context.request, live_server)
    finally:
        context.close()


def _phone(browser, **extra):
    context = browser.new_context(**PHONE, locale="id-ID", **extra)
    stub_tiles(context)
    return context


def test_slow_phone_largest_paint_and_layout_shift(live_server, browser, pages):
    """Emulated slow 3G (400 ms, 400 kbit/s) and a CPU 4× slower, cold cache, local tiles."""
    figures = {}
    for name in ("home", "destination", "calendar", "map"):
        context = _phone(browser, service_workers="block")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.set_default_timeout(60000)
        page.goto(live_server + pages[name], wait_until="load")
        if name == "map":
            expect(page.locator("#map")).to_have_attribute("data-ready", "true")
        vitals = page.evaluate(VITALS)
        seconds = {  # reported, not asserted: a figure the browser did not give stays None
            k: None if vitals[k] is None else round(vitals[k] / 1000, 2)
            for k in ("lcp", "fcp", "ttfb", "html")
        }
        figures[name] = {"lcp_s": seconds["lcp"], "cls": round(vitals["cls"], 3),
                         "lcp_element": vitals["element"], "fcp_s": seconds["fcp"],
                         "first_byte_s": seconds["ttfb"], "html_s": seconds["html"],
                         "files": vitals["files"]}  # fmt: skip
        context.close()
    PERFORMANCE.parent.mkdir(parents=True, exist_ok=True)
    PERFORMANCE.write_text(json.dumps(figures, indent=2))
    print("slow 3G, CPU ×4:", json.dumps(figures))
    for name, got in figures.items():  # LCP is reported, not raced: it depends on the machine
        assert got["cls"] <= 0.1, (name, got)
    # The map's largest paint is the server's sketch of the pins, not a tile drawn after Leaflet.
    assert figures["map"]["lcp_element"].endswith("/id/map/preview.svg"), figures["map"]


EAGER = """() => Promise.all([...document.images].map(i => {  // every picture, decoded
  i.loading = "eager";
  return i.decode().catch(() => null);
}))"""


@pytest.mark.parametrize("width", [412, 1366])
def test_screenshots_of_the_main_pages(live_server, browser, pages, width):
    SCREENS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 915 if width < 800 else 800},
                                  locale="id-ID", device_scale_factor=1)  # fmt: skip
    stub_tiles(context)
    page = context.new_page()
    for name in ("home", "destination", "business", "calendar", "map"):
        page.goto(live_server + pages[name], wait_until="load")
        if name == "map":
            expect(page.locator("#map")).to_have_attribute("data-ready", "true")
            page.wait_for_timeout(400)  # the clusters' first drawing
        screenshot(page, path=SCREENS / f"{name}-{width}.png", full_page=False)
        page.evaluate(EAGER)  # a full-page shot scrolls nothing: lazy pictures would stay blank
        screenshot(page, path=SCREENS / f"{name}-{width}-full.png", full_page=True)
    context.close()
    assert (SCREENS / f"home-{width}.png").stat().st_size > 10_000


def test_the_home_hero_fills_the_first_screen_of_a_phone(live_server, browser):
    context = _phone(browser)
    page = context.new_page()
    page.goto(f"{live_server}/id/")
    header = page.locator(".masthead").bounding_box()
    hero = page.locator(".hero img").bounding_box()
    assert header["height"] <= 72  # a compact header: the brand and a menu button
    assert hero["y"] < 80 and hero["height"] >= 500  # the landscape, on the first screen
    assert page.locator("form[role=search]:visible").count() == 1
    context.close()


def test_the_menu_button_opens_and_closes_the_menu(live_server, browser):
    context = _phone(browser)
    page = context.new_page()
    page.goto(f"{live_server}/en/destinations/")
    menu = page.get_by_role("navigation", name="Main menu")
    button = page.get_by_role("button", name="Menu")
    expect(menu).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Calendar")).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()
    context.close()
    wide = browser.new_context(viewport={"width": 1366, "height": 800})
    page = wide.new_page()
    page.goto(f"{live_server}/en/destinations/")
    expect(
        page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Map")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    wide.close()


def test_without_javascript_the_menu_is_open_and_the_map_is_its_list(live_server, browser):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    refused = csp_refusals(context)
    page = context.new_page()
    page.goto(f"{live_server}/en/map/")
    expect(
        page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Events")
    ).to_be_visible()
    expect(page.locator("#map")).to_be_hidden()
    expect(page.locator(".map-legend")).to_be_hidden()
    expect(page.locator(".place-list a").first).to_be_visible()
    context.close()
    assert refused == []


def _boxes_overlap(a, b) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])  # fmt: skip


def test_the_map_on_a_phone_no_pin_hides_another_and_the_keyboard_reaches_popups(
    live_server, browser
):
    context = _phone(browser)
    refused = csp_refusals(context)  # zooming drops tiles: never through a refused data: image
    page = context.new_page()
    with page.expect_response(lambda r: "/id/map/data.geojson?" in r.url) as answer:
        page.goto(f"{live_server}/id/map/")  # the pins come from the GeoJSON of the view
    first = parse_qs(urlsplit(answer.value.url).query)
    assert "bbox" in first and answer.value.ok
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    expect(page.locator(".map-preview")).to_have_count(0)  # the sketch gave way to the pins
    page.wait_for_timeout(500)
    icons = page.locator(".leaflet-marker-icon")
    boxes = [icons.nth(i).bounding_box() for i in range(icons.count())]
    boxes = [b for b in boxes if b and b["width"]]
    assert boxes
    overlapping = [
        (a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _boxes_overlap(a, b)
    ]
    assert overlapping == []  # clusters keep pins apart: a tap opens the place it meant
    expect(page.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "Perbesar")
    cluster = page.locator(".cluster").first  # says what it holds; Enter zooms in
    expect(cluster).to_contain_text(re.compile(r"\d+ tempat"))
    with page.expect_request(lambda r: "/id/map/data.geojson?" in r.url) as closer:
        cluster.focus()
        page.keyboard.press("Enter")
    zoom = parse_qs(urlsplit(closer.value.url).query).get("zoom", ["15"])[0]
    assert int(zoom) > int(first.get("zoom", ["15"])[0])  # the map zoomed in, and asked again
    # From the list: "Show on the map" zooms to the place and opens its popup.
    name = page.get_by_role("link", name="Air Terjun Lae Une", exact=True)
    page.locator(".place-list li", has=name).get_by_role("button").click()
    link = page.locator(".leaflet-popup-content a").first
    expect(link).to_be_focused()
    screenshot(page, path=SCREENS / "map-popup-412.png")
    page.keyboard.press("Escape")  # closing gives the focus back to the place's marker
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    expect(page.locator('.leaflet-marker-icon[title^="Air Terjun Lae Une"]')).to_be_focused()
    context.close()
    assert refused == []


def test_the_gallery_opens_in_an_accessible_lightbox(live_server, browser, pages):
    context = _phone(browser)
    page = context.new_page()
    page.goto(live_server + pages["destination"])
    first = page.locator(".gallery a[data-lightbox]").first
    first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    close = dialog.get_by_role("button", name="Tutup")
    expect(close).to_be_focused()
    count = page.locator("#lightbox-count")
    shown = count.inner_text()
    page.keyboard.press("ArrowRight")
    expect(count).not_to_have_text(shown)
    screenshot(page, path=SCREENS / "lightbox-412.png")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(first).to_be_focused()
    context.close()


def test_a_form_with_errors_takes_the_visitor_to_its_summary_and_fields(live_server, browser):
    context = _phone(browser)
    page = context.new_page()
    page.goto(f"{live_server}/en/account/register")
    page.get_by_label("E-mail").fill("not an address")
    page.get_by_role("button", name="Create my account").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile("^E-mail")).click()
    expect(page.get_by_label("E-mail")).to_be_focused()
    colour = page.get_by_label("E-mail").evaluate("e => getComputedStyle(e).borderTopColor")
    assert colour == "rgb(179, 38, 30)"  # the red border shows (the specificity bug is gone)
    screenshot(page, path=SCREENS / "form-errors-412.png", full_page=True)
    context.close()


def test_offline_a_visitor_reads_again_the_pages_opened_before(live_server, browser, pages):
    context = _phone(browser)
    page = context.new_page()
    page.goto(live_server + pages["destination"])
    heading = page.get_by_role("heading", level=1).inner_text()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)
    page.goto(live_server + pages["calendar"])
    calendar = page.get_by_role("heading", level=1).inner_text()
    kept = "async n => (await (await caches.open('pages-v1')).keys()).length >= n"
    page.wait_for_function(kept, arg=2, timeout=20000)

    context.set_offline(True)
    page.goto(live_server + pages["destination"])
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert page.locator(".hero-photo img").evaluate("i => i.complete && i.naturalWidth > 0")
    page.goto(live_server + pages["calendar"])
    expect(page.get_by_role("heading", level=1)).to_have_text(calendar)
    page.goto(live_server + pages["areas"])  # never opened: the offline page lists what is kept
    saved = page.locator("[data-saved-pages] a")
    expect(saved.filter(has_text=heading)).to_have_count(1)
    expect(saved.filter(has_text=re.compile("Kalender"))).to_have_count(1)
    screenshot(page, path=SCREENS / "offline-412.png", full_page=True)
    context.close()
