"""The content queue's businesses, products and areas: a translator's change is reviewed."""

from __future__ import annotations

from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.editorial import revisions
from branding.editorial.models import RevisionKind, RevisionStatus
from branding.extensions import db
from branding.moderation import queue as waiting
from branding.moderation import services as moderation
from tests.accounts_helpers import login


def _client(app, make, role: Role):
    client = app.test_client()
    login(client, make.user(role))
    return client


def test_the_queue_offers_the_businesses_and_products_visitors_see(app, make):
    business = make.business()
    product = make.product(business)
    draft = make.business(status=ModerationStatus.DRAFT)
    hidden = make.product(draft)
    area = make.area()
    translator = _client(app, make, Role.TRANSLATOR)
    text = translator.get("/en/office/workbench/content/").get_data(as_text=True)
    assert f"/content/business/{business.id}" in text
    assert f"/content/product/{product.id}" in text
    assert f"/content/area/{area.id}" in text
    assert f"/content/business/{draft.id}" not in text
    assert f"/content/product/{hidden.id}" not in text
    assert translator.get(f"/en/office/workbench/content/business/{draft.id}").status_code == 404
    page = translator.get(f"/en/office/workbench/content/product/{product.id}")
    html = page.get_data(as_text=True)
    assert f'<p lang="id" class="workbench-text">{product.name["id"]}</p>' in html
    assert f'<p lang="en" class="workbench-text">{product.name["en"]}</p>' in html


def test_a_translators_change_to_an_approved_business_waits_for_review_and_stays_online(app, make):
    business = make.business()
    product = make.product(business)
    translator = _client(app, make, Role.TRANSLATOR)
    response = translator.post(
        f"/en/office/workbench/content/business/{business.id}", data={"summary": "BTD-TEST-1"}
    )
    assert response.status_code == 302
    translator.post(f"/en/office/workbench/content/product/{product.id}",
                    data={"name": "BTD-TEST-2"})  # fmt: skip
    db.session.refresh(business)
    db.session.refresh(product)
    assert business.status == ModerationStatus.APPROVED and "btd" not in business.summary
    assert product.status == ModerationStatus.APPROVED and "btd" not in product.name
    visitor = app.test_client().get(f"/btd/businesses/{business.slug}").get_data(as_text=True)
    assert "BTD-TEST-1" not in visitor and business.name in visitor  # still online, as approved
    change = revisions.latest(business)
    assert change is not None and change.status == RevisionStatus.PENDING
    assert change.data["summary"]["btd"] == "BTD-TEST-1"
    assert change.data["summary"]["id"] == business.summary["id"]  # the other languages kept
    queued = waiting.changeset_of(business)
    assert {(r.item.__tablename__, r.item.id) for r in queued.reviews} == {
        ("businesses", business.id), ("products", product.id),
    }  # fmt: skip
    again = translator.get(f"/en/office/workbench/content/business/{business.id}")
    assert "BTD-TEST-1</textarea>" in again.get_data(as_text=True)  # the waiting change shows
    editor = make.user(Role.EDITOR)
    moderation.approve(editor, business, change.id)
    moderation.approve(editor, product)
    db.session.refresh(business)
    db.session.refresh(product)
    assert business.summary["btd"] == "BTD-TEST-1" and product.name["btd"] == "BTD-TEST-2"
    visitor = app.test_client().get(f"/btd/businesses/{business.slug}").get_data(as_text=True)
    assert "BTD-TEST-1" in visitor and "BTD-TEST-2" in visitor


def test_a_translator_adds_to_an_owners_waiting_change_without_losing_it(app, make):
    business = make.business()
    owner_change = {**revisions.snapshot(business), "phone": "0812 3456 7890"}
    revisions.record(business, business.owner, RevisionKind.EDIT,
                     RevisionStatus.PENDING, owner_change)  # fmt: skip
    db.session.commit()
    _client(app, make, Role.TRANSLATOR).post(
        f"/en/office/workbench/content/business/{business.id}", data={"summary": "BTD-TEST-1"}
    )
    change = revisions.latest(business)
    assert (
        change.data["phone"] == "0812 3456 7890" and change.data["summary"]["btd"] == "BTD-TEST-1"
    )


def test_an_areas_texts_are_a_draft_from_a_translator_and_live_from_an_editor(app, make):
    area = make.area()
    _client(app, make, Role.TRANSLATOR).post(
        f"/en/office/workbench/content/area/{area.id}", data={"name": "BTD-TEST-1"}
    )
    db.session.refresh(area)
    assert "btd" not in area.name
    draft = revisions.waiting(area)
    assert draft is not None and draft.data["name"]["btd"] == "BTD-TEST-1"
    other = make.area()
    _client(app, make, Role.EDITOR).post(
        f"/en/office/workbench/content/area/{other.id}", data={"name": "BTD-TEST-2"}
    )
    db.session.refresh(other)
    assert other.name["btd"] == "BTD-TEST-2"
