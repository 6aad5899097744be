"""Business directory: only approved businesses and products reach visitors."""

from branding.businesses import services
from branding.businesses.models import BusinessCategory, ModerationStatus


def test_only_approved_businesses_are_listed(client, make):
    make.business(name="Kopi Terbuka")
    pending = make.business(name="Kopi Menunggu", status=ModerationStatus.PENDING)
    make.business(name="Kopi Ditangguhkan", status=ModerationStatus.SUSPENDED)
    html = client.get("/id/businesses/").get_data(as_text=True)
    assert "Kopi Terbuka" in html
    assert "Kopi Menunggu" not in html and "Kopi Ditangguhkan" not in html
    assert client.get(f"/id/businesses/{pending.slug}").status_code == 404


def test_only_approved_products_show_with_prices(client, make):
    business = make.business()
    make.product(business, name={"id": "Kopi bubuk"}, price_min=35000, unit={"id": "per 250 gram"})
    make.product(business, name={"id": "Kopi rahasia"}, status=ModerationStatus.PENDING)
    make.product(business, name={"id": "Kopi habis"}, available=False, price_min=None)
    html = client.get(f"/id/businesses/{business.slug}").get_data(as_text=True)
    assert "Kopi bubuk" in html and "Rp35.000" in html and "per 250 gram" in html
    assert "Kopi rahasia" not in html
    assert "Kopi habis" in html


def test_price_range_on_the_page(client, make):
    business = make.business()
    make.product(business, price_min=50000, price_max=150000)
    html = client.get(f"/en/businesses/{business.slug}").get_data(as_text=True)
    assert "Rp 50,000–Rp 150,000" in html


def test_filter_by_category(client, make):
    make.business(name="Homestay Lae", category=BusinessCategory.HOMESTAY)
    make.business(name="Kopi Sada", category=BusinessCategory.COFFEE)
    html = client.get("/en/businesses/?category=homestay").get_data(as_text=True)
    assert "Homestay Lae" in html and "Kopi Sada" not in html


def test_featured_products_skip_unavailable_and_unapproved_businesses(make):
    shown = make.business()
    hidden = make.business(status=ModerationStatus.REJECTED)
    keep = make.product(shown)
    make.product(shown, available=False)
    make.product(hidden)
    assert [p.id for p in services.featured_products()] == [keep.id]


def test_verified_businesses_come_first(make):
    make.business(name="A Biasa")
    make.business(name="Z Terverifikasi", verified=True)
    assert [b.name for b in services.list_businesses().items] == ["Z Terverifikasi", "A Biasa"]
