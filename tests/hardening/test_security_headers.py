"""Security headers: every route of the URL map, as a visitor, an editor and an owner."""

from __future__ import annotations

import re

import pytest

from branding.core.web.security import content_security_policy, tile_origin
from tests.accounts_helpers import login
from tests.hardening.url_map import build_path, get_routes, make_world

ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def check_headers(response, path: str, behind_login: bool) -> None:
    headers = response.headers
    for name, value in ALWAYS.items():
        assert headers.get(name) == value, (path, name)
    policy = headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in policy, path
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
    assert "script-src 'self'" in policy and "style-src 'self'" in policy, path
    assert "camera=()" in headers.get("Permissions-Policy", ""), path
    if behind_login:
        assert headers.get("Cache-Control") == "no-store", path


def test_the_policy_allows_images_from_exactly_the_tile_server(app):
    assert tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == (
        "https://tile.openstreetmap.org"
    )
    assert tile_origin("https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png") == (
        "https://*.tiles.example.org:8443"
    )
    assert tile_origin("/tiles/{z}/{x}/{y}.png") is None
    assert tile_origin("") is None
    app.config["MAP_TILE_URL"] = "https://tiles.pakpak.example/{z}/{x}/{y}.png"
    policy = content_security_policy(app)
    assert re.search(r"img-src 'self' https://tiles\.pakpak\.example(;|$)", policy)
    app.config["MAP_TILE_URL"] = ""
    assert "img-src 'self';" in content_security_policy(app)


@pytest.mark.parametrize("who", ["visitor", "editor", "owner"])
def test_every_get_route_has_every_header(app, client, make, who):
    world = make_world(make)
    if who != "visitor":
        login(client, world.editor if who == "editor" else world.owner)
    seen = set()
    for rule in get_routes(app):
        path = build_path(rule, world.values)
        response = client.get(path)
        assert response.status_code < 500, path
        view = app.view_functions[rule.endpoint]
        # behind a login, and every page a signed-in user sees (files, feeds and redirects to
        # public files, such as the touch icon's, stay public)
        page = response.mimetype == "text/html" and not response.location
        signed_in_page = who != "visitor" and page
        behind = getattr(view, "requires_login", False) or signed_in_page
        check_headers(response, path, behind)
        seen.add(response.status_code)
        response.close()
    assert {200, 302} <= seen if who == "visitor" else 200 in seen


def test_error_pages_redirects_and_posts_have_the_headers_too(client, make):
    world = make_world(make)
    check_headers(client.get("/en/no-such-page"), "404", False)
    check_headers(client.get("/nowhere"), "404 without a language", False)
    check_headers(client.get("/"), "language redirect", False)
    check_headers(client.post("/en/destinations/"), "405", False)
    office = client.get("/en/office/")
    assert office.status_code == 302
    check_headers(office, "login redirect", True)
    login(client, world.editor)
    check_headers(client.post("/en/account/logout"), "logout", True)


def test_the_account_forms_are_never_cached(client):
    for path in ("/en/account/login", "/en/account/register", "/en/account/reset"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path


def test_public_pages_and_photos_stay_cacheable_for_visitors(client, make):
    make_world(make)
    assert client.get("/en/").headers.get("Cache-Control") != "no-store"
    with client.get("/static/css/site.css") as css:
        assert "no-store" not in css.headers.get("Cache-Control", "")


def test_another_site_cannot_frame_an_editors_page(client, make):
    world = make_world(make)
    login(client, world.editor)
    response = client.get(f"/en/office/events/{world.values['event_id']}/edit")
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_no_template_has_inline_script_or_style(app, client, make):
    world = make_world(make)
    pages = [build_path(rule, world.values) for rule in get_routes(app)]
    login(client, world.admin)
    inline = re.compile(
        r"<style|\sstyle=|\son[a-z]+=|javascript:|<script(?![^>]*\ssrc=)(?![^>]*application/ld\+json)",
        re.IGNORECASE,
    )
    for path in pages:
        with client.get(path) as response:
            if response.mimetype != "text/html":
                continue
            html = response.get_data(as_text=True)
        assert not inline.search(html), (path, inline.search(html).group(0))


def test_the_brand_colours_come_from_a_versioned_stylesheet(app, client, make):
    from branding.identity.services import save_settings

    save_settings(color_primary="#123456")
    html = client.get("/en/").get_data(as_text=True)
    href = re.search(r'href="(/theme/[0-9a-f]+\.css)"', html).group(1)
    css = client.get(href)
    assert css.mimetype == "text/css" and "--primary:#123456" in css.get_data(as_text=True)
    assert "immutable" in css.headers["Cache-Control"]
    save_settings(color_primary="#654321")
    assert href not in client.get("/en/").get_data(as_text=True)
    assert "immutable" not in client.get(href).headers["Cache-Control"]  # an old version


def test_production_adds_hsts_and_secure_cookies(make_app, make):
    app = make_app(PRODUCTION=True, SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    with app.app_context():
        world = make_world(make)
    response = client.get("/en/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "upgrade-insecure-requests" in response.headers["Content-Security-Policy"]
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("lang=") for c in cookies)
    assert all("Secure" in c for c in cookies)
    response = login(client, world.editor)
    assert response.status_code == 302
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("Secure" in c for c in cookies)


def test_development_has_no_hsts(client):
    assert "Strict-Transport-Security" not in client.get("/en/").headers


def test_a_page_marked_framed_by_self_may_be_framed_by_the_site_only(make_app):
    from branding.core.web.security import framed_by_self

    app = make_app()

    @app.get("/test/embedded")
    @framed_by_self
    def embedded():
        return "<p>embedded</p>"

    response = app.test_client().get("/test/embedded")
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
