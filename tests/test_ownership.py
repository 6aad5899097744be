"""UMKM self-service: owners keep their own business and products, and nobody else's."""

from __future__ import annotations

import re

import pytest
from babel.support import Translations
from sqlalchemy import select

from branding.accounts.models import AuditEntry, Role
from branding.businesses.models import Business, ModerationStatus, Product
from branding.extensions import db
from tests.listing_helpers import approved, business_form, log_in, product_form, reload

DRAFT, PENDING = ModerationStatus.DRAFT, ModerationStatus.PENDING
APPROVED, REJECTED = ModerationStatus.APPROVED, ModerationStatus.REJECTED


@pytest.fixture
def owner(make):
    return make.user(email="sari@example.test")


def test_owner_creates_a_business_and_a_product_and_submits_them(client, make, owner):
    area = make.area()
    log_in(client, owner)
    response = client.post("/en/my/businesses/new", data=business_form(area))
    business = db.session.scalar(select(Business))
    assert response.status_code == 302
    assert response.location.endswith(f"/en/my/businesses/{business.id}/products")
    assert (business.owner_id, business.status, business.slug) == (
        owner.id,
        DRAFT,
        "kopi-sidiangkat",
    )
    assert business.opening_hours["weekly"]["sat"] == [["08:00", "12:00"], ["13:00", "17:00"]]
    assert business.social_links == {"instagram": "https://www.instagram.com/kopisidiangkat"}
    assert business.phone == "+6262721234"

    client.post(f"/en/my/businesses/{business.id}/products/new", data=product_form())
    product = db.session.scalar(select(Product))
    assert (product.status, product.price_min, product.name["en"]) == (
        DRAFT,
        35000,
        "Ground coffee",
    )

    client.post(f"/en/my/businesses/{business.id}/submit")
    business, product = reload(business), reload(product)
    assert business.status == product.status == PENDING
    assert business.submitted_at is not None and product.submitted_at is not None
    html = client.get("/en/my/").get_data(as_text=True)
    assert "Kopi Sidiangkat" in html and "Waiting for review" in html
    assert "1 product" in html and "1 waiting for review" in html
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-3:] == ["create", "create", "submit"]


def test_slugs_stay_unique(client, make, owner):
    area = make.area()
    make.business(slug="kopi-sidiangkat")
    log_in(client, owner)
    client.post("/en/my/businesses/new", data=business_form(area))
    mine = db.session.scalar(select(Business).where(Business.owner_id == owner.id))
    assert mine.slug == "kopi-sidiangkat-2"


def test_fields_an_owner_may_not_set_are_ignored(client, make, owner):
    area, other = make.area(), make.user()
    log_in(client, owner)
    forbidden = {
        "status": "approved",
        "verified": "y",
        "owner_id": str(other.id),
        "approved_at": "2026-01-01T00:00:00",
        "approved_snapshot": "{}",
        "rejection_reason": "",
        "slug": "hijacked",
    }
    client.post("/en/my/businesses/new", data=business_form(area, **forbidden))
    business = db.session.scalar(select(Business))
    assert (business.owner_id, business.status, business.verified) == (owner.id, DRAFT, False)
    assert business.approved_at is None and business.slug != "hijacked"

    client.post(f"/en/my/businesses/{business.id}/edit", data=business_form(area, **forbidden))
    client.post(
        f"/en/my/businesses/{business.id}/products/new",
        data=product_form(status="approved", business_id="999", position="-5"),
    )
    business, product = reload(business), db.session.scalar(select(Product))
    assert (business.owner_id, business.status, business.verified) == (owner.id, DRAFT, False)
    assert (product.business_id, product.status) == (business.id, DRAFT)
    assert product.position >= 0


def _owner_urls(app, business_id: int, product_id: int, photos=None) -> list[tuple[str, str]]:
    """Return (method, url) for every owner route that names a business."""
    ids = {"business_id": business_id, "product_id": product_id, "direction": "up"}
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("owner.") or "business_id" not in rule.arguments:
            continue
        if photos:  # the photo of the item the route is about
            ids["photo_id"] = photos["product" if "product_id" in rule.arguments else "business"]
        args = {name: ids[name] for name in rule.arguments if name != "lang"}
        with app.test_request_context():
            url = app.url_for(rule.endpoint, lang="en", **args)
        found += [(method, url) for method in ("GET", "POST") if method in rule.methods]
    return found


def test_another_owners_business_and_products_do_not_exist_for_me(app, client, make, owner):
    theirs = make.business(owner=make.user(), status=DRAFT, name="Rahasia Orang Lain")
    product = make.product(theirs, status=DRAFT, price_min=1000)
    photos = {"business": make.photo(theirs).id, "product": make.photo(product).id}
    before = (theirs.name, theirs.status, product.price_min, product.position)
    log_in(client, owner)
    urls = _owner_urls(app, theirs.id, product.id, photos)
    assert len(urls) >= 22  # every route with an id, read and write, photos included
    for method, url in urls:
        response = client.open(
            url, method=method, data={**business_form(theirs.area), "name_id": "x"}
        )
        assert response.status_code == 404, (method, url)
        assert "Rahasia Orang Lain" not in response.get_data(as_text=True)
    theirs, product = reload(theirs), reload(product)
    assert (theirs.name, theirs.status, product.price_min, product.position) == before
    assert [p.id for p in theirs.photos + product.photos] == list(photos.values())
    assert "Rahasia Orang Lain" not in client.get("/en/my/").get_data(as_text=True)


def test_a_product_must_be_reached_through_its_own_business(client, make, owner):
    mine, theirs = make.business(owner=owner), make.business(owner=make.user())
    product = make.product(theirs)
    log_in(client, owner)
    url = f"/en/my/businesses/{mine.id}/products/{product.id}/edit"
    assert client.get(url).status_code == 404


def test_owner_pages_are_for_owners_only(app, client, make):
    assert client.get("/en/my/").status_code == 302  # to the login page
    log_in(client, make.user(role=Role.EDITOR))
    assert client.get("/en/my/").status_code == 403
    assert client.post("/en/my/businesses/new", data={}).status_code == 403


def test_editing_an_approved_business_keeps_it_online_as_approved(client, make, owner):
    editor, area = make.user(role=Role.EDITOR), make.area()
    log_in(client, owner)
    client.post("/en/my/businesses/new", data=business_form(area))
    business = approved(editor, db.session.scalar(select(Business)))
    assert client.get(f"/en/businesses/{business.slug}").status_code == 200
    form_page = client.get(f"/en/my/businesses/{business.id}/edit").get_data(as_text=True)
    assert "reviews your change" in form_page  # told before saving

    data = business_form(area, summary_en="The best coffee in Salak.", hours_sun="09:00-12:00")
    response = client.post(
        f"/en/my/businesses/{business.id}/edit", data=data, follow_redirects=True
    )
    business = reload(business)
    assert business.status == APPROVED and business.submitted_at is not None
    assert "visitors see the approved version" in response.get_data(as_text=True)
    public = client.get(f"/en/businesses/{business.slug}")
    assert public.status_code == 200
    assert "The best coffee in Salak." not in public.get_data(as_text=True)
    assert business.summary["en"] == "Arabica coffee from our own farm."
    assert "sun" not in business.opening_hours.get("weekly", {})
    # the owner's form shows the change waiting, not the approved version
    form_page = client.get(f"/en/my/businesses/{business.id}/edit").get_data(as_text=True)
    assert "The best coffee in Salak." in form_page
    assert business.slug == "kopi-sidiangkat"  # a public address does not change


def test_saving_an_approved_business_unchanged_keeps_it_approved(client, make, owner):
    editor, area = make.user(role=Role.EDITOR), make.area()
    log_in(client, owner)
    client.post("/en/my/businesses/new", data=business_form(area))
    business = approved(editor, db.session.scalar(select(Business)))
    client.post(f"/en/my/businesses/{business.id}/edit", data=business_form(area))
    assert reload(business).status == APPROVED


def test_marking_a_product_sold_out_needs_no_review(client, make, owner):
    editor = make.user(role=Role.EDITOR)
    business = make.business(owner=owner)
    log_in(client, owner)
    client.post(f"/en/my/businesses/{business.id}/products/new", data=product_form())
    product = approved(editor, db.session.scalar(select(Product)))
    url = f"/en/my/businesses/{business.id}/products/{product.id}/edit"
    client.post(url, data={k: v for k, v in product_form().items() if k != "available"})
    product = reload(product)
    assert (product.status, product.available) == (APPROVED, False)
    client.post(url, data=product_form(price_min="40.000"))
    product = reload(product)
    assert product.status == APPROVED and product.price_min == 35000  # the change waits
    assert product.available is True  # availability shows at once


def test_a_rejected_listing_stays_rejected_until_submitted_again(client, make, owner):
    business = make.business(owner=owner, status=REJECTED, rejection_reason="Add a phone number.")
    log_in(client, owner)
    assert "Add a phone number." in client.get("/en/my/").get_data(as_text=True)
    client.post(f"/en/my/businesses/{business.id}/edit", data=business_form(business.area))
    assert reload(business).status == REJECTED
    client.post(f"/en/my/businesses/{business.id}/submit")
    assert reload(business).status == PENDING


def test_an_approved_or_suspended_listing_cannot_be_submitted(client, make, owner):
    business = make.business(owner=owner, status=ModerationStatus.SUSPENDED)
    log_in(client, owner)
    response = client.post(f"/en/my/businesses/{business.id}/submit", follow_redirects=True)
    assert "Only a draft or a rejected listing" in response.get_data(as_text=True)
    assert reload(business).status == ModerationStatus.SUSPENDED


def _catalog(app, lang: str) -> Translations:
    return Translations.load(str(app.root_path + "/../translations"), [lang])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bad_input_shows_the_form_again_with_errors_in_my_language(app, client, make, lang, owner):
    area = make.area()
    log_in(client, owner, lang)
    bad = business_form(
        area,
        name="",
        hours_tue="8 sampai 5",
        whatsapp="nomor saya",
        website="javascript:alert(1)",
        latitude="40",
        description_en="Typed *carefully*",
    )
    response = client.post(f"/{lang}/my/businesses/new", data=bad)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and db.session.scalar(select(Business)) is None
    required = _catalog(app, lang).gettext("This field is required.")
    if lang == "id":
        assert required != "This field is required.", "the id catalog lacks WTForms' messages"
    hidden = r'(<span class="visually-hidden">[^<]*</span>)?'  # "Error:" for screen readers
    assert re.search(r'id="name-err">' + hidden + re.escape(required) + "<", html)
    assert 'aria-describedby="name-err"' in html
    for name in ("hours_tue", "whatsapp", "website", "latitude"):
        assert f'id="{name}-err"' in html and re.search(
            rf'aria-describedby="[^"]*{name}-err"', html
        )
    # nothing typed is lost
    for typed in ("8 sampai 5", "nomor saya", "javascript:alert(1)", "Typed *carefully*"):
        assert typed.replace("*", "") in html.replace("*", "")
    assert "Kopi arabika dari kebun sendiri." in html


def test_product_prices_are_whole_rupiah_and_a_range_goes_up(client, make, owner):
    business = make.business(owner=owner)
    log_in(client, owner)
    url = f"/en/my/businesses/{business.id}/products/new"
    html = client.post(url, data=product_form(price_min="50.000", price_max="20000")).get_data(
        as_text=True
    )
    assert "cannot be below the lowest" in html and 'value="50.000"' in html
    html = client.post(url, data=product_form(price_min="", price_max="20000")).get_data(
        as_text=True
    )
    assert "Give the lowest price too" in html
    html = client.post(url, data=product_form(price_min="25,5")).get_data(as_text=True)
    assert "Write a whole amount in rupiah" in html
    html = client.post(url, data=product_form(name_id="", name_en="")).get_data(as_text=True)
    assert "at least one language" in html
    assert db.session.scalar(select(Product)) is None
    client.post(url, data=product_form(price_min="Rp 20.000", price_max="45.000"))
    product = db.session.scalar(select(Product))
    assert (product.price_min, product.price_max) == (20000, 45000)


def test_owner_reorders_and_deletes_products(client, make, owner):
    business = make.business(owner=owner)
    first, second, third = (make.product(business, name={"id": n}) for n in ("A", "B", "C"))
    log_in(client, owner)
    base = f"/en/my/businesses/{business.id}/products"
    client.post(f"{base}/{third.id}/move/up")
    order = db.session.scalars(select(Product.id).order_by(Product.position, Product.id)).all()
    assert order == [first.id, third.id, second.id]
    first_id = first.id
    client.post(f"{base}/{first_id}/delete")
    db.session.expire_all()
    assert db.session.get(Product, first_id) is None
    assert db.session.scalars(select(AuditEntry.action)).all()[-2:] == ["reorder", "delete"]


def test_preview_shows_my_draft_listing_and_all_its_products(client, make, owner):
    business = make.business(owner=owner, status=DRAFT, name="Tenun Pakpak Sari")
    make.product(business, name={"id": "Selendang oles"}, status=DRAFT)
    log_in(client, owner)
    html = client.get(f"/en/my/businesses/{business.id}/preview").get_data(as_text=True)
    assert "Tenun Pakpak Sari" in html and "Selendang oles" in html
    assert "Visitors cannot see this business yet." in html
    assert client.get(f"/en/businesses/{business.slug}").status_code == 404


def test_dashboard_queries_do_not_grow_with_businesses(client, make, owner, count_queries):
    def fill(n: int) -> None:
        for _ in range(n):
            business = make.business(owner=owner)
            for _ in range(3):
                make.product(business)

    log_in(client, owner)
    fill(2)
    with count_queries() as few:
        assert client.get("/en/my/").status_code == 200
    fill(10)
    with count_queries() as many:
        assert client.get("/en/my/").status_code == 200
    assert many[0] == few[0] <= 8


@pytest.mark.parametrize("lang", ["id", "en", "btd"])
def test_owner_pages_render_in_every_language(client, make, owner, lang):
    business = make.business(owner=owner, status=REJECTED, rejection_reason="Foto kurang jelas.")
    product = make.product(business, status=DRAFT)
    log_in(client, owner, lang)
    base = f"/{lang}/my/businesses/{business.id}"
    pages = ["/my/", "/edit", "/products", "/products/new", f"/products/{product.id}/edit"]
    for page in pages:
        url = f"/{lang}{page}" if page == "/my/" else base + page
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{lang}"' in response.get_data(as_text=True)
