"""axe-core's WCAG 2.2 AA rules over every kind of page, in the three languages, signed out and
signed in: no violation. Each page is also read at 320 px: nothing scrolls sideways."""

from __future__ import annotations

import pytest

from pakpak_sample.users import ADMIN_EMAIL, OWNER_SALAK_EMAIL, SAMPLE_PASSWORD
from tests.browser.site_pages import (
    LANGS,
    OWNER_PAGES,
    STAFF_PAGES,
    discover,
    in_language,
    log_in,
    overflow,
    run_axe,
    stub_tiles,
)

pytestmark = pytest.mark.browser
SHARED_SAMPLE = True  # the illustrated sample: galleries, heroes and product photos are checked


@pytest.fixture(scope="module")
def pages(live_server, browser) -> dict[str, str]:
    context = browser.new_context()
    try:
        return discover(context.request, live_server)
    finally:
        context.close()


def _check(page, base: str, named: dict[str, str], lang: str, width: int) -> list[str]:
    """Visit each page; return what axe and the sideways check found, one line each."""
    page.set_viewport_size({"width": width, "height": 800})
    problems = []
    for path in named.values():
        address = in_language(path, lang)
        page.goto(base + address)
        page.wait_for_load_state("load")
        for violation in run_axe(page):
            for node in violation["nodes"][:3]:
                problems.append(f"{address} [{width}px] {violation['id']}: {node}")
        wider = overflow(page)
        if wider > 0:
            problems.append(f"{address} [{width}px] scrolls sideways by {wider}px")
    return problems


def _form_with_errors(page, base: str, lang: str) -> list[str]:
    """Submit the registration form empty: the page with its error summary is checked too."""
    page.goto(f"{base}/{lang}/account/register")
    page.locator("form[method=post] [type=submit]").click()
    page.wait_for_load_state("load")
    found = [f"/{lang}/account/register (errors) {v['id']}: {v['nodes'][0]}" for v in run_axe(page)]
    return found + (
        [f"/{lang}/account/register (errors) scrolls sideways"] if overflow(page) else []
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_signed_out_at_320_px(live_server, browser, pages, lang):
    context = browser.new_context(locale="id-ID", bypass_csp=True)
    stub_tiles(context)
    page = context.new_page()
    try:
        problems = _check(page, live_server, pages, lang, 320)
        problems += _form_with_errors(page, live_server, lang)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def test_every_page_signed_out_at_1366_px(live_server, browser, pages):
    context = browser.new_context(locale="en-GB", bypass_csp=True)
    stub_tiles(context)
    page = context.new_page()
    try:
        problems = _check(page, live_server, pages, "en", 1366)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


SIGNED_IN_PUBLIC = ("home", "destination", "business", "product", "map", "calendar")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("email", "own"), [(OWNER_SALAK_EMAIL, OWNER_PAGES), (ADMIN_EMAIL, STAFF_PAGES)]
)
def test_pages_signed_in(live_server, browser, pages, lang, email, own):
    context = browser.new_context(locale="id-ID", bypass_csp=True)
    stub_tiles(context)
    page = context.new_page()
    try:
        log_in(page, live_server, email, SAMPLE_PASSWORD)
        named = {**{n: pages[n] for n in SIGNED_IN_PUBLIC}, **own}
        problems = _check(page, live_server, named, lang, 412 if lang != "en" else 1366)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
