"""Every kind of page of the site, found from the sample data, and tools to look at them:
axe-core (from npm, ``make assets``), a tile stub, what the CSP refused, horizontal overflow,
log in and out."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANGS = ("id", "en", "btd")
WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
TILE_HOSTS = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")


def tile_png() -> bytes:
    """Return a plain map tile: the local stub every browser test serves for tiles."""
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (214, 228, 212)).save(buffer, "PNG")
    return buffer.getvalue()


TILE = tile_png()


def screenshot(target, **options) -> bytes:
    """Take a page's or an element's picture, trying again when the compositor has no frame.

    On a loaded machine (CI runs the SQLite and PostgreSQL suites side by side) headless
    Chromium sometimes answers ``Page.captureScreenshot`` with "Unable to capture
    screenshot" when no frame is ready in time; the page itself is fine, and a second try
    a moment later gets one. Any other error is raised at once.
    """
    for attempt in range(3):
        try:
            return target.screenshot(**options)
        except PlaywrightError as error:
            if "Unable to capture screenshot" not in str(error) or attempt == 2:
                raise
            page = getattr(target, "page", target)
            page.wait_for_timeout(500 * (attempt + 1))
    raise AssertionError("unreachable")


def stub_tiles(page_or_context) -> None:
    """Answer every request that leaves the live server with a plain tile (or nothing)."""

    def answer(route):
        if route.request.resource_type == "image":
            route.fulfill(status=200, content_type="image/png", body=TILE)
        else:
            route.abort()

    page_or_context.route(TILE_HOSTS, answer)


def csp_refusals(page_or_context) -> list[str]:
    """Collect what the Content-Security-Policy refuses (the browser says so on the console)."""
    refused: list[str] = []
    page_or_context.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def _first(html: str, pattern: str) -> str:
    found = re.search(pattern, html)
    if not found:
        pytest.fail(f"the sample data has no page matching {pattern}")
    return found[1]


def discover(request_context, base: str) -> dict[str, str]:
    """Return one address of each kind of page (in Indonesian), found from the sample data."""
    get = lambda path: request_context.get(base + path).text()  # noqa: E731
    event = _first(get("/id/events/"), r'href="/id/events/([a-z0-9-]+)"')
    occurrence = _first(
        get("/id/events/calendar"), r'href="/id/events/([a-z0-9-]+/\d{4}-\d{2}-\d{2})"'
    )
    area = _first(get("/id/areas/"), r'href="/id/areas/([a-z0-9-]+)"')
    business = "kopi-bukit-salak"
    product = _first(
        get(f"/id/businesses/{business}"), rf'href="/id/businesses/{business}/products/(\d+)"'
    )
    return {
        "home": "/id/",
        "destinations": "/id/destinations/",
        "destinations-filtered": "/id/destinations/?category=waterfall",
        "destination": "/id/destinations/air-terjun-lae-une",
        "events": "/id/events/",
        "past-events": "/id/events/past",
        "event": f"/id/events/{event}",
        "occurrence": f"/id/events/{occurrence}",
        "calendar": "/id/events/calendar",
        "agenda": "/id/events/agenda",
        "businesses": "/id/businesses/",
        "business": f"/id/businesses/{business}",
        "product": f"/id/businesses/{business}/products/{product}",
        "areas": "/id/areas/",
        "area": f"/id/areas/{area}",
        "map": "/id/map/",
        "search": "/id/search/?q=kopi",
        "search-nothing": "/id/search/?q=zzqxw",
        "login": "/id/account/login",
        "register": "/id/account/register",
        "reset": "/id/account/reset",
        "offline": "/id/offline",
        "not-found": "/id/destinations/tidak-ada",
    }


OWNER_PAGES = {"owner-dashboard": "/id/my/", "change-password": "/id/account/password"}
STAFF_PAGES = {
    "office": "/id/office/",
    "office-destinations": "/id/office/destinations/",
    "moderation": "/id/office/moderation/",
    "branding-settings": "/id/office/admin/settings",
}


def in_language(path: str, lang: str) -> str:
    """Return an Indonesian address in another language."""
    return re.sub(r"^/id/", f"/{lang}/", path)


AXE_RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                        resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + " "
                            + (n.failureSummary || "").split("\\n")[1])})))"""


def run_axe(page) -> list[dict]:
    """Run axe-core's WCAG 2.2 A and AA rules on the page; return its violations."""
    if not AXE.exists():
        pytest.fail("axe-core is not in node_modules: run `make assets`")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text())  # evaluated, not injected: a CSP cannot block it
    return page.evaluate(AXE_RUN, WCAG22_AA)


def overflow(page) -> int:
    """Return how many pixels the page is wider than the screen (0: no sideways scrolling)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - window.innerWidth"
    )


def log_in(page, base: str, email: str, password: str) -> None:
    """Log in through the form, in English."""
    page.goto(f"{base}/en/account/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def log_out(page) -> None:
    """Log out as a visitor would: on a phone the account links are in the menu, opened first."""
    page.wait_for_load_state("domcontentloaded")  # the menu button works once site.js has run
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible() and menu.get_attribute("aria-expanded") != "true":
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You have logged out.")).to_be_visible()
