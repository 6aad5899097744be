"""The regency's brand: readable colours, the theme stylesheet, the logo and its icons, the
hero photographs, the favicon and the web manifest."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image

from branding.accounts.models import Role
from branding.extensions import db
from branding.identity.contrast import contrast, refusal
from branding.identity.services import site_settings
from branding.media import cleanup
from branding.media.storage import storage
from tests.accounts_helpers import login
from tests.media.photo_files import photo_bytes

SETTINGS = {
    "site_name_id": "Pesona Pakpak Bharat",
    "regency_name": "Kabupaten Pakpak Bharat",
    "color_primary": "#1f5f3f",
    "color_secondary": "#b5412b",
    "color_accent": "#e0a526",
}


def _fetch(client, address: str):
    """Return a response whose file is read and closed (media files are streamed)."""
    response = client.get(address)
    response.get_data()
    response.close()
    return response


def _stored() -> set[str]:
    return {name for name, _age in storage().names()}


def _admin(client, make):
    login(client, make.user(Role.ADMIN))


def _logo_png(size=(600, 300), transparent=True) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0) if transparent else (255, 255, 255, 255))
    image.paste(
        (200, 30, 30, 255), (size[0] // 4, size[1] // 4, 3 * size[0] // 4, 3 * size[1] // 4)
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _upload_logo(client, data: bytes, name: str = "logo.png"):
    return client.post(
        "/en/office/admin/logo",
        data={"logo": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_contrast_follows_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert refusal("color_primary", "#1f5f3f") is None
    assert refusal("color_accent", "#e0a526") is None  # dark text on the accent
    assert refusal("color_primary", "#707070") is None  # 4.7:1 on the light page: enough
    assert "Choose a darker colour." in refusal("color_primary", "#777777")  # 4.48:1 on white
    assert "4.34:1" in refusal("color_primary", "#767676")  # 4.54:1 on white, not on the page


@pytest.mark.parametrize(
    ("lang", "field", "colour", "words"),
    [
        ("en", "color_primary", "#ffff66", ["White text on #ffff66", "4.5:1", "a darker colour"]),
        ("id", "color_secondary", "#ff9900", ["#ff9900", "4.5:1", "lebih gelap"]),
        ("en", "color_accent", "#3a3a3a", ["Dark text on #3a3a3a", "Choose a lighter colour."]),
    ],
)
def test_admin_is_refused_colours_text_cannot_be_read_on(client, make, lang, field, colour, words):
    _admin(client, make)
    response = client.post(f"/{lang}/office/admin/settings", data={**SETTINGS, field: colour})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    for word in words:
        assert word in html
    assert site_settings().color_primary == "#1f5f3f"  # nothing was saved


def test_the_theme_stylesheet_carries_the_colours_and_changes_name_with_them(client, make):
    _admin(client, make)
    page = client.get("/en/").get_data(as_text=True)
    first = re.search(r'href="(/theme/[0-9a-f]{10}\.css)"', page)[1]
    theme = client.get(first)
    assert theme.mimetype == "text/css" and "--primary:#1f5f3f" in theme.get_data(as_text=True)
    assert "immutable" in theme.headers["Cache-Control"]
    assert (
        client.post(
            "/en/office/admin/settings", data={**SETTINGS, "color_primary": "#123456"}
        ).status_code
        == 302
    )
    second = re.search(
        r'href="(/theme/[0-9a-f]{10}\.css)"', client.get("/en/").get_data(as_text=True)
    )[1]
    assert second != first
    assert "--primary:#123456" in client.get(second).get_data(as_text=True)
    stale = client.get(first)  # an old page's link still gets the current colours, briefly
    assert "--primary:#123456" in stale.get_data(as_text=True)
    assert "immutable" not in stale.headers["Cache-Control"]
    assert "<style" not in client.get("/en/").get_data(as_text=True)  # nothing inline for CSP


def test_before_a_logo_the_icons_are_a_default_mark_in_the_main_colour(client):
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 302
    icon = client.get(favicon.headers["Location"])
    assert icon.mimetype == "image/x-icon"
    assert Image.open(io.BytesIO(icon.data)).format == "ICO"
    manifest = json.loads(client.get("/id/manifest.webmanifest").data)
    assert manifest["lang"] == "id" and manifest["start_url"] == "/id/"
    assert manifest["display"] == "standalone" and manifest["theme_color"] == "#1f5f3f"
    sizes = {(i["sizes"], i.get("purpose", "any")) for i in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for entry in manifest["icons"]:
        picture = Image.open(io.BytesIO(client.get(entry["src"]).data))
        assert picture.format == "PNG" and f"{picture.width}x{picture.height}" == entry["sizes"]
    touch = client.get("/apple-touch-icon.png")
    assert Image.open(io.BytesIO(client.get(touch.headers["Location"]).data)).size == (180, 180)
    page = client.get("/en/").get_data(as_text=True)
    assert 'rel="manifest" href="/en/manifest.webmanifest"' in page
    assert 'rel="apple-touch-icon"' in page and "brand-mark" in page


def test_an_uploaded_logo_makes_the_header_logo_favicon_and_icons(client, make):
    _admin(client, make)
    response = _upload_logo(client, _logo_png())
    assert response.status_code == 302
    settings = site_settings()
    assert settings.logo_key and settings.logo_height == 96  # cropped to 300×150, then 96 high
    assert settings.logo_width == 192
    page = client.get("/en/").get_data(as_text=True)
    assert f'width="{settings.logo_width}" height="96"' in page and "brand-mark" not in page
    manifest = json.loads(client.get("/en/manifest.webmanifest").data)
    icon = Image.open(io.BytesIO(_fetch(client, manifest["icons"][0]["src"]).data))
    assert icon.size == (192, 192) and icon.mode == "RGBA"
    assert icon.getpixel((2, 2))[3] == 0  # the logo's transparency is kept
    maskable = Image.open(io.BytesIO(_fetch(client, manifest["icons"][2]["src"]).data))
    assert maskable.mode == "RGB"  # a maskable icon fills its square
    favicon = _fetch(client, client.get("/favicon.ico").headers["Location"])
    assert favicon.mimetype == "image/x-icon" and "immutable" in favicon.headers["Cache-Control"]
    orphans = set(cleanup.orphans(min_age=0))
    assert not {n for n in orphans if settings.logo_key in n}  # the logo's files are known


def test_replacing_and_removing_the_logo_removes_its_files(client, make):
    _admin(client, make)
    before = _stored()
    _upload_logo(client, _logo_png())
    first = _stored() - before
    _upload_logo(client, _logo_png((400, 400)))
    second = _stored() - before
    assert len(first) == 8 and len(second) == 8 and not first & second  # the first's are gone
    client.post("/en/office/admin/logo/delete")
    db.session.expire_all()
    assert not site_settings().logo_key
    assert _stored() == before
    assert "brand-mark" in client.get("/en/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a picture", "This is not a photo we accept"),
        (_logo_png((40, 40), transparent=False), "The logo is too small"),
        (_logo_png() + b"<script>alert(1)</script>", "The file has extra data after the picture"),
    ],
)
def test_a_logo_that_cannot_be_used_is_refused_with_a_reason(client, make, data, message):
    _admin(client, make)
    before = _stored()
    response = _upload_logo(client, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert not site_settings().logo_key and _stored() == before


def test_a_fully_transparent_logo_is_refused(client, make):
    _admin(client, make)
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 300), (0, 0, 0, 0)).save(buffer, "PNG")
    response = _upload_logo(client, buffer.getvalue())
    assert "fully transparent" in response.get_data(as_text=True)


def test_only_an_admin_may_change_the_logo(client, make):
    login(client, make.user(Role.EDITOR))
    assert _upload_logo(client, _logo_png()).status_code == 403
    assert not site_settings().logo_key


def test_hero_photographs_go_through_the_photo_pipeline_to_the_home_page(client, make):
    _admin(client, make)
    response = client.post(
        "/en/office/admin/hero/photos",
        data={
            "photos": [(io.BytesIO(photo_bytes((1800, 1000))), "hills.jpg")],
            "alt_en": "Misty hills above Salak at sunrise",
        },  # fmt: skip
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    home = client.get("/en/").get_data(as_text=True)
    hero = re.search(r'<section class="hero".*?</section>', home, re.S)[0]
    assert 'alt="Misty hills above Salak at sunrise"' in hero
    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert 'rel="preload" as="image"' in home
    assert 'property="og:image"' in home  # the hero is the home page's picture when shared
    settings_page = client.get("/en/office/admin/settings").get_data(as_text=True)
    assert "Manage the 1 hero photograph" in settings_page
    client.post("/en/account/logout")
    address = re.search(r'<img[^>]* src="(/media/[^"]+)"', hero)[1]
    picture = _fetch(client, address)  # a visitor gets the hero's file, cached as public
    assert picture.status_code == 200 and picture.mimetype == "image/jpeg"
    assert "public" in picture.headers["Cache-Control"]


def test_without_a_hero_photograph_the_home_page_still_has_its_hero(client):
    home = client.get("/en/").get_data(as_text=True)
    assert '<section class="hero"' in home and "<picture" not in home.split("</section>")[0]
