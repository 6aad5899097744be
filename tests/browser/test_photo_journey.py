"""The tourism office uploads a photo, makes it the cover, and visitors see it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pakpak_sample.users import EDITOR_EMAIL, SAMPLE_PASSWORD
from tests.browser.test_office_journey import log_in
from tests.media.photo_files import gps_exif, photo_bytes

pytestmark = pytest.mark.browser
SAMPLE_PHOTOS = {"air-terjun-lae-une"}  # it has photos already: ours is added, then made cover


def test_editor_uploads_a_photo_that_visitors_see(live_server, page, tmp_path):
    photo = tmp_path / "lae-une-pagi.jpg"
    photo.write_bytes(photo_bytes((2400, 1600), exif=gps_exif(), color=(200, 60, 40)))
    log_in(page, live_server, EDITOR_EMAIL, SAMPLE_PASSWORD)
    page.goto(f"{live_server}/en/office/destinations/")
    page.get_by_role("link", name="Lae Une Waterfall").click()
    page.get_by_role("link", name=re.compile(r"^Photos")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Photos of Lae Une Waterfall")

    page.get_by_label("Choose photos").set_input_files(str(photo))
    page.locator("#alt_en").fill("Morning at the waterfall")
    page.locator("#alt_id").fill("Pagi di air terjun")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("1 photo added.")).to_be_visible()
    page.screenshot_step("1-uploaded")

    uploaded = page.locator(".photo-item").last
    make_cover = uploaded.get_by_role("button", name="Make cover")
    if make_cover.count():  # the sample already had photos: put ours first
        make_cover.click()
        expect(page.get_by_text("This photo is the cover now.")).to_be_visible()

    page.goto(f"{live_server}/en/destinations/air-terjun-lae-une")
    hero = page.locator(".hero-photo img")
    expect(hero).to_have_attribute("alt", "Morning at the waterfall")
    expect(hero).to_have_attribute("width", "1600")
    loaded = hero.evaluate("img => img.complete && img.naturalWidth > 0 ? img.currentSrc : ''")
    assert loaded.endswith(".webp"), loaded  # Chromium takes the WebP source
    page.screenshot_step("2-public-page")

    page.goto(f"{live_server}/id/destinations/air-terjun-lae-une")
    expect(page.locator(".hero-photo img")).to_have_attribute("alt", "Pagi di air terjun")


def test_deleting_a_photo_asks_first(live_server, page):
    log_in(page, live_server, EDITOR_EMAIL, SAMPLE_PASSWORD)
    page.goto(f"{live_server}/en/office/destinations/")
    page.get_by_role("link", name="Lae Une Waterfall").click()
    page.get_by_role("link", name=re.compile(r"^Photos")).click()
    photos = page.locator(".photo-item")
    count = photos.count()
    assert count >= 1

    page.once("dialog", lambda dialog: dialog.dismiss())
    photos.last.get_by_role("button", name="Delete photo").click()
    expect(photos).to_have_count(count)  # "Cancel": nothing happens

    page.once("dialog", lambda dialog: dialog.accept())
    photos.last.get_by_role("button", name="Delete photo").click()
    expect(page.get_by_text("The photo has been deleted.")).to_be_visible()
    expect(photos).to_have_count(count - 1)
