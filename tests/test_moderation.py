"""The tourism office's moderation: the queue, what changed, and the decisions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from branding.accounts.models import AuditEntry, Role
from branding.businesses.models import Business, ModerationStatus, Product
from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.media.models import Photo
from branding.moderation import queue as waiting
from branding.moderation import services as moderation
from branding.moderation.photos import get_owner_photo
from tests.listing_helpers import approved, business_form, log_in, product_form, reload

DRAFT, PENDING = ModerationStatus.DRAFT, ModerationStatus.PENDING
APPROVED, REJECTED = ModerationStatus.APPROVED, ModerationStatus.REJECTED
SUSPENDED = ModerationStatus.SUSPENDED
Q = "/en/office/moderation"


@pytest.fixture
def editor(make):
    return make.user(role=Role.EDITOR, email="editor@example.test")


@pytest.fixture
def office(app, editor):
    """A client logged in as an editor."""
    client = app.test_client()
    log_in(client, editor)
    return client


def _submitted_by_owner(client, make):
    """Let an owner create and submit a business with one product; return both."""
    owner, area = make.user(), make.area()
    log_in(client, owner)
    client.post("/en/my/businesses/new", data=business_form(area, name="Kopi Lae Mbilulu"))
    business = db.session.scalar(select(Business))
    client.post(f"/en/my/businesses/{business.id}/products/new", data=product_form())
    client.post(f"/en/my/businesses/{business.id}/submit")
    return reload(business), db.session.scalar(select(Product))


def test_editor_approves_and_then_visitors_see_the_business_and_product(app, client, make, office):
    business, product = _submitted_by_owner(client, make)
    visitor = app.test_client()
    assert visitor.get(f"/en/businesses/{business.slug}").status_code == 404

    queue = office.get(f"{Q}/").get_data(as_text=True)
    assert "Kopi Lae Mbilulu" in queue and "Ground coffee" in queue and "New listing" in queue
    office.post(f"{Q}/businesses/{business.id}/approve")
    office.post(f"{Q}/products/{product.id}/approve")

    business, product = reload(business), reload(product)
    assert business.status == product.status == APPROVED
    assert (
        business.approved_at is not None
        and business.approved_snapshot["name"] == "Kopi Lae Mbilulu"
    )
    assert product.approved_snapshot["price_min"] == 35000
    html = visitor.get(f"/en/businesses/{business.slug}").get_data(as_text=True)
    assert "Kopi Lae Mbilulu" in html and "Ground coffee" in html
    assert "Kopi Lae Mbilulu" in visitor.get("/en/businesses/").get_data(as_text=True)
    assert "No business is waiting for review." in office.get(f"{Q}/").get_data(as_text=True)


def test_a_product_shows_only_when_its_business_is_approved_too(app, make, editor):
    business = make.business(status=PENDING)
    product = make.product(business, name={"en": "Andaliman sauce"}, status=PENDING)
    moderation.approve(editor, product)
    visitor = app.test_client()
    assert visitor.get(f"/en/businesses/{business.slug}").status_code == 404
    assert "Andaliman sauce" not in visitor.get("/en/").get_data(as_text=True)


def test_rejecting_needs_a_reason_which_the_owner_sees(client, make, office):
    business, product = _submitted_by_owner(client, make)
    response = office.post(f"{Q}/businesses/{business.id}/reject", data={"reject-reason": "  "})
    assert response.status_code == 400
    assert 'id="reject-reason-err"' in response.get_data(as_text=True)
    assert reload(business).status == PENDING

    reason = "Please add the opening hours for Sunday."
    office.post(f"{Q}/businesses/{business.id}/reject", data={"reject-reason": reason})
    office.post(f"{Q}/products/{product.id}/reject", data={"reject-reason": "Price unclear."})
    assert (reload(business).status, reload(business).rejection_reason) == (REJECTED, reason)
    dashboard = client.get("/en/my/").get_data(as_text=True)
    assert reason in dashboard and "1 rejected" in dashboard
    products = client.get(f"/en/my/businesses/{business.id}/products").get_data(as_text=True)
    assert "Price unclear." in products


def test_resubmitting_and_approving_clears_the_reason(client, make, office):
    business, _ = _submitted_by_owner(client, make)
    office.post(f"{Q}/businesses/{business.id}/reject", data={"reject-reason": "Too short."})
    client.post(f"/en/my/businesses/{business.id}/submit")
    page = office.get(f"{Q}/businesses/{business.id}").get_data(as_text=True)
    assert "Too short." in page  # the editor sees what was asked last time
    office.post(f"{Q}/businesses/{business.id}/approve")
    assert (reload(business).status, reload(business).rejection_reason) == (APPROVED, "")


def test_suspending_hides_a_business_and_reinstating_shows_it_again(app, client, make, office):
    owner = make.user()
    business = make.business(owner=owner)
    make.product(business, name={"en": "Pakpak drum"})
    visitor = app.test_client()
    assert visitor.get(f"/en/businesses/{business.slug}").status_code == 200

    empty = office.post(f"{Q}/businesses/{business.id}/suspend", data={"suspend-reason": ""})
    assert empty.status_code == 400 and reload(business).status == APPROVED
    office.post(f"{Q}/businesses/{business.id}/suspend", data={"suspend-reason": "Complaints."})
    assert reload(business).status == SUSPENDED
    assert visitor.get(f"/en/businesses/{business.slug}").status_code == 404
    log_in(client, owner)
    assert "Complaints." in client.get("/en/my/").get_data(as_text=True)

    office.post(f"{Q}/businesses/{business.id}/reinstate")
    assert reload(business).status == APPROVED and reload(business).rejection_reason == ""
    assert "Pakpak drum" in visitor.get(f"/en/businesses/{business.slug}").get_data(as_text=True)


def test_a_decision_on_a_listing_in_another_status_changes_nothing(make, office):
    business = make.business(status=DRAFT)
    response = office.post(f"{Q}/businesses/{business.id}/approve", follow_redirects=True)
    assert "nothing was done" in response.get_data(as_text=True)
    assert reload(business).status == DRAFT
    office.post(f"{Q}/businesses/{business.id}/reinstate")
    office.post(f"{Q}/businesses/{business.id}/reject", data={"reject-reason": "x"})
    assert reload(business).status == DRAFT


def test_verified_badge_is_set_by_editors(app, make, office):
    business = make.business()
    office.post(f"{Q}/businesses/{business.id}/verify")
    assert reload(business).verified is True
    html = app.test_client().get(f"/en/businesses/{business.slug}").get_data(as_text=True)
    assert "Verified by the tourism office" in html
    office.post(f"{Q}/businesses/{business.id}/unverify")
    assert reload(business).verified is False
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["verify", "unverify"]


def test_review_shows_what_changed_since_the_last_approval(client, make, editor, office):
    business, product = _submitted_by_owner(client, make)
    approved(editor, business)
    approved(editor, product)
    changed = business_form(
        business.area,
        name="Kopi Lae Mbilulu",
        summary_en="Roasted every Friday.",
        phone="0627 99999",
        hours_sun="09:00-12:00",
    )
    client.post(f"/en/my/businesses/{business.id}/edit", data=changed)
    assert reload(business).status == APPROVED  # online as approved while the change waits

    queue = office.get(f"{Q}/").get_data(as_text=True)
    assert "Changed:" in queue and "New listing" not in queue
    page = office.get(f"{Q}/businesses/{business.id}").get_data(as_text=True)
    assert "Changes since the last approval" in page
    assert "Arabica coffee from our own farm." in page and "Roasted every Friday." in page
    assert "+6262721234" in page and "+6262799999" in page
    assert "09:00-12:00" in page and "Sunday" in page
    assert "Kopi arabika dari kebun sendiri." not in page  # unchanged fields are not listed
    review = waiting.review_of(reload(business))
    assert {(c.field, c.part) for c in review.changes} == {
        ("summary", "en"),
        ("phone", ""),
        ("opening_hours", "sun"),
    }


def test_the_diff_shows_owner_text_as_text(client, make, office):
    business = make.business(status=PENDING, description={"en": "<script>alert(1)</script>"})
    page = office.get(f"{Q}/businesses/{business.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_queue_is_oldest_first(make, office):
    now = utcnow()
    newer = make.business(status=PENDING, name="Baru", submitted_at=now)
    older = make.business(status=PENDING, name="Lama", submitted_at=now - timedelta(days=2))
    make.business(status=APPROVED, name="Sudah Disetujui")
    oldest_first = waiting.review_queue()
    assert [r.item.id for r in oldest_first.businesses] == [older.id, newer.id]
    html = office.get(f"{Q}/").get_data(as_text=True)
    assert html.index("Lama") < html.index("Baru") and "Sudah Disetujui" not in html


def test_a_photo_whose_business_was_deleted_meanwhile_is_not_found(make):
    """A photo read just before another request deleted its business: no item, so a 404."""
    photo = make.photo(make.business(status=APPROVED), approved=False)
    photo_id, business_id = photo.id, photo.business_id
    db.session.expunge_all()
    read = db.session.get(Photo, photo_id)  # the page has read the photo...
    businesses = Business.__table__
    db.session.execute(delete(businesses).where(businesses.c.id == business_id))  # ...then it went
    assert read is not None and get_owner_photo(photo_id) is None


def test_moderation_is_for_staff_only(app, make):
    business = make.business(status=PENDING)
    client = app.test_client()
    assert client.get(f"{Q}/").status_code == 302
    log_in(client, business.owner)
    assert client.get(f"{Q}/").status_code == 403
    assert client.post(f"{Q}/businesses/{business.id}/approve").status_code == 403
    assert reload(business).status == PENDING


def test_every_business_is_listed_for_editors_by_status(make, office):
    make.business(name="Disetujui")
    make.business(name="Ditangguhkan", status=SUSPENDED)
    html = office.get(f"{Q}/businesses?status=suspended").get_data(as_text=True)
    assert "Ditangguhkan" in html and "Disetujui" not in html
    assert "Disetujui" in office.get(f"{Q}/businesses").get_data(as_text=True)


def test_queue_queries_do_not_grow_with_items(make, office, count_queries):
    def fill(n: int) -> None:
        for _ in range(n):
            business = make.business(status=PENDING, owner=make.user())
            make.product(business, status=PENDING)

    fill(2)
    with count_queries() as few:
        assert office.get(f"{Q}/").status_code == 200
    fill(8)
    with count_queries() as many:
        assert office.get(f"{Q}/").status_code == 200
    assert many[0] == few[0] <= 13  # change sets: revisions, photos and areas too


def test_a_listing_approved_before_snapshots_shows_its_changes(client, make, office):
    owner = make.user()
    business = make.business(owner=owner, name="Homestay Lae Une")  # approved, no snapshot
    product = make.product(business, name={"id": "Kamar"}, price_min=150000)
    slug = business.slug
    log_in(client, owner)
    client.post(f"/en/my/businesses/{business.id}/edit", data=business_form(business.area))
    url = f"/en/my/businesses/{business.id}/products/{product.id}/edit"
    client.post(
        url, data=product_form(name_id="Kamar", name_en="", unit_id="", price_min="175.000")
    )
    business, product = reload(business), reload(product)
    assert business.status == product.status == APPROVED  # the changes wait for review
    assert business.slug == slug  # renamed, but its public address stays
    assert business.approved_snapshot["name"] == "Homestay Lae Une"
    assert not waiting.review_of(business).is_new
    page = office.get(f"{Q}/products/{product.id}").get_data(as_text=True)
    assert "Rp 150,000" in page and "Rp 175,000" in page and "New listing" not in page


@pytest.mark.parametrize("lang", ["id", "btd"])
def test_moderation_pages_render_in_every_language(app, make, editor, lang):
    business = make.business(status=PENDING)
    product = make.product(business, status=PENDING)
    client = app.test_client()
    log_in(client, editor, lang)
    for page in ("/", "/businesses", f"/businesses/{business.id}", f"/products/{product.id}"):
        response = client.get(f"/{lang}/office/moderation{page}")
        assert response.status_code == 200, page
