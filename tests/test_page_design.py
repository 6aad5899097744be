"""What the redesign promises on the server's side: one fallback note per page, forms that
help, product pages, the month as a list, offline reading, and the page frame."""

from __future__ import annotations

import json
import re

from branding.businesses.models import ModerationStatus
from tests.calendar_helpers import next_month


def test_pakpak_pages_say_once_that_texts_are_in_indonesian(client, make):
    for n in range(5):
        make.destination(name={"id": f"Air Terjun {n}"}, summary={"id": f"Ringkasan {n}"})
    html = client.get("/btd/destinations/").get_data(as_text=True)
    note = "Belum semua teks di halaman ini diterjemahkan ke bahasa Pakpak"
    assert html.count(note) == 1
    assert "(dalam bahasa Indonesia)" not in html and "fallback-tag" not in html
    assert html.count('lang="id" data-fallback') >= 10  # each text still says its language
    main = html.split("<main", 1)[1]
    assert main.index(note) < main.index("Air Terjun 0")  # before the cards, not after


def test_a_page_wholly_in_the_visitors_language_has_no_note(client, make):
    area = make.area(name={"id": "Salak", "en": "Salak", "btd": "Salak"})
    make.destination(name={"id": "Lae Une", "en": "Lae Une Falls", "btd": "Lae Une"},
                     summary={"id": "a", "en": "b", "btd": "c"}, area=area)  # fmt: skip
    html = client.get("/btd/destinations/").get_data(as_text=True)
    assert "fallback-note" not in html


def test_a_form_with_errors_has_a_summary_that_links_to_each_field(client):
    response = client.post("/en/account/register", data={"email": "not-an-address"})
    html = response.get_data(as_text=True)
    assert response.status_code in (200, 400)
    assert re.search(r"<title>Error: Register your business", html)
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)[0]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary and "autofocus" in summary
    assert '<a href="#display_name">Your name: This field is required.</a>' in summary
    assert '<a href="#email">E-mail: Invalid email address.</a>' in summary
    field = re.search(r'<input[^>]*id="email"[^>]*>', html)[0]
    assert 'aria-invalid="true"' in field and 'aria-describedby="email-err"' in field
    assert re.search(r'<script src="/static/js/forms\.[0-9a-f]{10}\.js" defer>', html)


def test_a_hint_is_tied_to_its_field(client):
    html = client.get("/en/account/register").get_data(as_text=True)
    password = re.search(r'<input[^>]*id="password"[^>]*>', html)[0]
    assert 'aria-describedby="password-hint"' in password
    assert '<p class="hint" id="password-hint">' in html
    assert "<title>Register your business" in html  # no errors: no "Error:"
    assert "forms." not in re.sub(r"<link[^>]*>", "", html).split("</main>")[1]


def test_language_labels_keep_their_capitals(client, make):
    from branding.accounts.models import Role
    from tests.accounts_helpers import login

    login(client, make.user(Role.ADMIN), lang="id")
    html = client.get("/id/office/admin/settings").get_data(as_text=True)
    assert "Bahasa Inggris" in html and "Bahasa inggris" not in html


def test_a_product_has_its_own_page_and_its_card_leads_there(client, make):
    business = make.business()
    product = make.product(business, name={"en": "Ground coffee", "id": "Kopi bubuk"})
    make.photo(product)
    make.photo(product)
    page = client.get(f"/en/businesses/{business.slug}/products/{product.id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<h1>Ground coffee</h1>" in html and business.name in html
    assert 'class="gallery"' in html and "data-lightbox" in html  # the second photo, zoomable
    assert re.search(r'<script src="/static/js/gallery\.[0-9a-f]{10}\.js"', html)
    listing = client.get(f"/en/businesses/{business.slug}").get_data(as_text=True)
    assert f'href="/en/businesses/{business.slug}/products/{product.id}"' in listing
    home = client.get("/en/").get_data(as_text=True)
    assert f'href="/en/businesses/{business.slug}/products/{product.id}"' in home


def test_hidden_products_have_no_page(client, make):
    business = make.business()
    waiting = make.product(business, status=ModerationStatus.PENDING)
    assert client.get(f"/en/businesses/{business.slug}/products/{waiting.id}").status_code == 404
    hidden = make.business(status=ModerationStatus.SUSPENDED)
    product = make.product(hidden)
    assert client.get(f"/en/businesses/{hidden.slug}/products/{product.id}").status_code == 404
    other = make.business()
    assert client.get(f"/en/businesses/{other.slug}/products/{product.id}").status_code == 404


def test_the_month_is_a_list_of_days_not_a_table(client, make):
    html = client.get(f"/en/events/calendar?month={next_month():%Y-%m}").get_data(as_text=True)
    assert "<table" not in html
    assert '<ol class="month" aria-labelledby="month-h">' in html
    assert '<ol class="month-head" aria-hidden="true">' in html


def test_the_service_worker_and_the_offline_page(client):
    worker = client.get("/sw.js")
    assert worker.mimetype == "text/javascript"
    assert worker.headers["Cache-Control"] == "no-cache"
    assert worker.headers["Service-Worker-Allowed"] == "/"
    body = worker.get_data(as_text=True)
    settings = json.loads(re.search(r"var SETTINGS = (\{.*\});", body)[1])
    assert {"/id/offline", "/en/offline", "/btd/offline"} <= set(settings["precache"])
    assert any(re.match(r"/static/css/site\.[0-9a-f]{10}\.css$", u) for u in settings["precache"])
    assert settings["limits"]["pictures"]["bytes"] <= 50_000_000  # bounded
    assert re.match(settings["private"], "/en/office/") and re.match(settings["private"], "/id/my/")
    offline = client.get("/btd/offline")
    assert offline.status_code == 200 and "data-saved-pages" in offline.get_data(as_text=True)
    home = client.get("/en/").get_data(as_text=True)
    assert 'data-sw="/sw.js"' in home and 'href="/en/offline"' in home


def test_the_header_has_a_menu_button_and_one_search_box(client, make):
    destination = make.destination()
    home = client.get("/en/").get_data(as_text=True)
    assert home.count('role="search"') == 1  # the hero's
    detail = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert detail.count('role="search"') == 1  # the header's
    assert 'aria-controls="site-menu" data-menu-button' in detail
    assert '<noscript><link rel="stylesheet" href="/static/css/nojs.' in detail


def test_the_error_page_says_what_happened_in_its_title(client):
    html = client.get("/en/destinations/nothing-here").get_data(as_text=True)
    assert "<title>Page not found" in html
