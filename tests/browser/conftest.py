"""A live server with the sample data, and headless Chromium from Debian driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from branding import create_app
from branding.extensions import db
from pakpak_sample.loader import load_sample_data
from pakpak_sample.photos import add_sample_photos
from tests.browser.site_pages import csp_refusals, screenshot
from tests.conftest import IN_CI, _empty_tables

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "journeys"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _closed_before_sending(app: Flask) -> Callable:
    """Read each response's body and close it before the server sends it.

    When a browser leaves while a photo is being sent (a page closed mid-load), werkzeug's
    development server fails reading from the reset connection in the ``finally`` of
    ``run_wsgi`` and never calls the body's ``close()``: the photo's file stays open, and its
    ``ResourceWarning`` fails whichever test is running when it is collected. Production
    servers close it; here the body is closed before the first byte goes out.
    """

    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


def _serve(app: Flask) -> tuple[Callable[[], None], str]:
    server = make_server("127.0.0.1", 0, _closed_before_sending(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        thread.join(timeout=5)

    return stop, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def live_server(migrated: dict, request) -> Iterator[str]:
    """Serve the app with the sample data on a free localhost port.

    A module that only reads sets ``SHARED_SAMPLE = True`` and is served the illustrated sample
    every reading test shares; the others get their own sample, without illustrations but for
    the destinations a module names in ``SAMPLE_PHOTOS`` (slugs).
    """
    if getattr(request.module, "SHARED_SAMPLE", False):
        site = request.getfixturevalue("sample_site")
        app = create_app({**site.app.config, "SERVER_NAME": None, "WTF_CSRF_ENABLED": True})
        stop, url = _serve(app)
        yield url
        stop()
        with app.app_context():
            db.engine.dispose()
        return
    app = create_app({**migrated, "SERVER_NAME": None, "WTF_CSRF_ENABLED": True})
    with app.app_context():
        try:
            load_sample_data(photos=False)
            if slugs := getattr(request.module, "SAMPLE_PHOTOS", None):
                add_sample_photos(slugs)
        except BaseException:  # leave no half sample behind for the next module
            db.session.remove()
            _empty_tables()
            raise
    stop, url = _serve(app)
    try:
        yield url
    finally:
        stop()
        with app.app_context():
            db.session.remove()
            _empty_tables()
            db.engine.dispose()


@pytest.fixture(scope="module")
def browser():
    """Launch Debian's Chromium headless; a missing browser fails in CI."""
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser page on a phone-sized screen; screenshots go to test-artifacts/."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15000)
    shots = ARTIFACTS / request.node.name
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot_step = lambda name: screenshot(page, path=shots / f"{name}.png", full_page=True)
    refused = csp_refusals(page)  # the strict Content-Security-Policy never gets in the way
    yield page
    context.close()
    assert not refused, refused
