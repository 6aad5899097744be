"""UMKM self-service: what a business owner does with their own business and products.

The rules:

- A new business or product starts as a draft that only its owner sees.
- Submitting moves a draft or rejected listing to "waiting for review"; submitting a
  business also submits its draft products.
- A change to an approved listing never takes it offline: it is kept as a revision waiting
  for review (``editorial.revisions``), and visitors see the approved version until an
  editor approves the new one. A product's availability is not reviewed: marking it sold
  out shows at once. A change that puts everything back as approved withdraws the waiting
  one.
- A listing visitors do not see (a draft, waiting, rejected or suspended one) is changed at
  once, and each save is kept as a revision too.
- A business the owner deletes is hidden at once and removed for good after a grace period
  (``owners.deletion``).
- A rejected listing stays rejected, with its reason, until the owner submits it again; a
  suspended business stays suspended whatever the owner saves (only an editor reinstates it).
- Owner, status, verification and approval are never taken from the owner's values.
- Other owners' rows do not exist for an owner: every lookup raises ``NotFound``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from branding.accounts import audit
from branding.accounts.models import User
from branding.areas.models import Area
from branding.businesses.editing import BUSINESS_VALUES, PRODUCT_VALUES, next_position, propose
from branding.businesses.models import Business, BusinessCategory, ModerationStatus, Product
from branding.businesses.review import (
    WrongStatus,
    business_snapshot,
    product_snapshot,
    record,
)
from branding.core.content.columns import clean_translations
from branding.core.content.publishing import utcnow
from branding.core.content.slugs import unique_slug
from branding.editorial import revisions
from branding.editorial.models import Revision, RevisionKind, RevisionStatus
from branding.extensions import db

DRAFT, PENDING = ModerationStatus.DRAFT, ModerationStatus.PENDING
APPROVED, REJECTED = ModerationStatus.APPROVED, ModerationStatus.REJECTED
SUBMITTABLE = (DRAFT, REJECTED)
WAITS = revisions.PENDING
TEXTS: dict[type[Any], set[str]] = {
    Business: {"summary", "description"},
    Product: {"name", "description", "unit"},
}


class NotFound(LookupError):
    """No such business or product among the acting owner's own."""


@dataclass(frozen=True)
class OwnedBusiness:
    business: Business
    products: int
    pending: int  # products waiting for review
    rejected: int  # products rejected
    proposal: Revision | None = None  # a change to the approved listing, waiting
    declined: Revision | None = None  # the last change the tourism office declined
    drafts: int = 0  # products not yet submitted


def check_owner(owner: User, business: Business) -> None:
    """Raise NotFound unless the business is the owner's own."""
    if business.owner_id != owner.id:
        raise NotFound(business.id)


def my_businesses(owner: User) -> list[OwnedBusiness]:
    """Return the owner's businesses, newest first, with counts of their products."""
    query = select(Business).where(Business.owner_id == owner.id)
    query = query.options(selectinload(Business.area)).order_by(Business.created_at.desc())
    businesses = list(db.session.scalars(query))
    counts = db.session.execute(
        select(Product.business_id, Product.status, func.count())
        .join(Product.business)
        .where(Business.owner_id == owner.id)
        .group_by(Product.business_id, Product.status)
    )
    by_business: dict[int, dict[ModerationStatus, int]] = {}
    for business_id, status, n in counts:
        by_business.setdefault(business_id, {})[ModerationStatus(status)] = n
    newest = _newest_revisions([b.id for b in businesses])
    return [_owned(b, by_business.get(b.id, {}), newest.get(b.id)) for b in businesses]


def _newest_revisions(ids: list[int]) -> dict[int, Revision]:
    """The newest revision of each of these businesses, in one query."""
    if not ids:
        return {}
    newest = (
        select(func.max(Revision.id))
        .where(Revision.item_type == "businesses", Revision.item_id.in_(ids))
        .group_by(Revision.item_id)
    )
    rows = db.session.scalars(select(Revision).where(Revision.id.in_(newest)))
    return {revision.item_id: revision for revision in rows}


def _owned(
    business: Business, counts: dict[ModerationStatus, int], newest: Revision | None
) -> OwnedBusiness:
    total = sum(counts.values())
    proposal = newest if newest is not None and newest.status == WAITS else None
    declined = newest if newest is not None and newest.status == RevisionStatus.REJECTED else None
    return OwnedBusiness(
        business,
        total,
        counts.get(PENDING, 0),
        counts.get(REJECTED, 0),
        proposal,
        declined,
        counts.get(DRAFT, 0),
    )


def get_own_business(owner: User, business_id: int) -> Business:
    """Return one of the owner's businesses, or raise NotFound."""
    query = select(Business).where(Business.id == business_id, Business.owner_id == owner.id)
    business = db.session.scalar(query.options(selectinload(Business.area)))
    if business is None:
        raise NotFound(business_id)
    return business


def get_own_product(owner: User, business_id: int, product_id: int) -> Product:
    """Return a product of one of the owner's businesses, or raise NotFound."""
    query = (
        select(Product)
        .join(Product.business)
        .where(Product.id == product_id, Product.business_id == business_id)
        .where(Business.owner_id == owner.id)
    )
    product = db.session.scalar(query)
    if product is None:
        raise NotFound(product_id)
    return product


def own_products(owner: User, business: Business) -> list[Product]:
    """Return all of a business's products, whatever their status, in the owner's order."""
    check_owner(owner, business)
    query = select(Product).where(Product.business_id == business.id)
    query = query.options(selectinload(Product.photos))
    return list(db.session.scalars(query.order_by(Product.position, Product.id)))


def _apply_business(business: Business, values: dict[str, Any]) -> None:
    area = db.session.get(Area, values["area_id"])
    if area is None:
        raise NotFound(values["area_id"])
    for name in BUSINESS_VALUES:
        if name != "area_id":
            _set(business, name, values[name])
    business.category = BusinessCategory(values["category"])
    business.area = area


def _set(item: Business | Product, name: str, value: Any) -> None:
    """Set a field, trimming texts kept per language as they will be stored."""
    setattr(item, name, clean_translations(value) if name in TEXTS[type(item)] else value)


def _kept(item: Business | Product, owner: User) -> None:
    """Keep the row as saved in a revision (waiting, if the listing is under review)."""
    status = WAITS if item.status == PENDING else RevisionStatus.DRAFT
    revisions.record(item, owner, RevisionKind.EDIT, status)


def create_business(owner: User, values: dict[str, Any]) -> Business:
    """Create a draft business owned by the acting owner."""
    with db.session.no_autoflush:
        business = Business(owner=owner, status=DRAFT, verified=False)
        _apply_business(business, values)
        business.slug = unique_slug(Business, business.name)
    db.session.add(business)
    db.session.flush()
    revisions.record(business, owner, RevisionKind.CREATE, RevisionStatus.DRAFT)
    record(owner, "create", business, audit.diff({}, business_snapshot(business)))
    db.session.commit()
    return business


def update_business(owner: User, business: Business, values: dict[str, Any]) -> Business:
    """Save the owner's changes; for an approved business, as a change waiting for review."""
    check_owner(owner, business)
    if business.status == APPROVED:
        if db.session.get(Area, values["area_id"]) is None:
            raise NotFound(values["area_id"])
        clean = {name: _clean(Business, name, values[name]) for name in BUSINESS_VALUES}
        clean["category"] = BusinessCategory(values["category"])
        changed = propose(owner, business, clean, BUSINESS_VALUES)
        record(owner, "update", business, changed)
        db.session.commit()
        return business
    before = business_snapshot(business)
    with db.session.no_autoflush:
        _apply_business(business, values)
        if business.approved_at is None:  # never public: its address may follow its name
            business.slug = unique_slug(Business, business.name, business.id)
    _kept(business, owner)
    record(owner, "update", business, audit.diff(before, business_snapshot(business)))
    db.session.commit()
    return business


def _clean(model: type[Any], name: str, value: Any) -> Any:
    return clean_translations(value) if name in TEXTS[model] else value


def submit_business(owner: User, business: Business) -> Business:
    """Ask the tourism office to review a draft or rejected business and its draft products."""
    check_owner(owner, business)
    if business.status not in SUBMITTABLE:
        raise WrongStatus(business.status)
    now = utcnow()
    business.status, business.submitted_at = PENDING, now
    revisions.record(business, owner, RevisionKind.EDIT, WAITS)
    drafts = _submit_drafts(owner, business, now)
    record(owner, "submit", business, {"products": [p.id for p in drafts]})
    db.session.commit()
    return business


def _submit_drafts(owner: User, business: Business, now: datetime) -> list[Product]:
    drafts = [p for p in business.products if p.status == DRAFT]
    for product in drafts:
        product.status, product.submitted_at = PENDING, now
        revisions.record(product, owner, RevisionKind.EDIT, WAITS)
    return drafts


def submit_products(owner: User, business: Business) -> list[Product]:
    """Send an approved business's draft products for review, as one change set."""
    check_owner(owner, business)
    drafts = _submit_drafts(owner, business, utcnow())
    if drafts:
        record(owner, "submit", business, {"products": [p.id for p in drafts]})
    db.session.commit()
    return drafts


def create_product(owner: User, business: Business, values: dict[str, Any]) -> Product:
    """Add a draft product at the end of one of the owner's businesses."""
    check_owner(owner, business)
    product = Product(business=business, status=DRAFT, position=next_position(business))
    for name in PRODUCT_VALUES:
        _set(product, name, values[name])
    db.session.add(product)
    db.session.flush()
    revisions.record(product, owner, RevisionKind.CREATE, RevisionStatus.DRAFT)
    record(owner, "create", product, audit.diff({}, product_snapshot(product)))
    db.session.commit()
    return product


def update_product(owner: User, product: Product, values: dict[str, Any]) -> Product:
    """Save the owner's changes; for an approved product, as a change waiting for review."""
    check_owner(owner, product.business)
    if product.status == APPROVED:
        clean = {name: _clean(Product, name, values[name]) for name in PRODUCT_VALUES}
        changed = propose(owner, product, clean, PRODUCT_VALUES)
        record(owner, "update", product, changed)
        db.session.commit()
        return product
    before = {**product_snapshot(product), "available": product.available}
    for name in PRODUCT_VALUES:
        _set(product, name, values[name])
    _kept(product, owner)
    after = {**product_snapshot(product), "available": product.available}
    record(owner, "update", product, audit.diff(before, after))
    db.session.commit()
    return product


def submit_product(owner: User, product: Product) -> Product:
    """Ask the tourism office to review a draft or rejected product."""
    check_owner(owner, product.business)
    if product.status not in SUBMITTABLE:
        raise WrongStatus(product.status)
    product.status, product.submitted_at = PENDING, utcnow()
    revisions.record(product, owner, RevisionKind.EDIT, WAITS)
    record(owner, "submit", product)
    db.session.commit()
    return product


def delete_product(owner: User, product: Product) -> None:
    """Delete one of the owner's products for good."""
    check_owner(owner, product.business)
    record(owner, "delete", product, {"name": [dict(product.name), None]})
    revisions.forget(product)
    db.session.delete(product)
    db.session.commit()


def move_product(owner: User, product: Product, step: int) -> Product:
    """Move a product up (step -1) or down (+1) in its business's list."""
    siblings = own_products(owner, product.business)
    index = siblings.index(product)
    target = min(max(index + step, 0), len(siblings) - 1)
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings):
        sibling.position = position
    record(owner, "reorder", product, {"position": [index, target]})
    db.session.commit()
    return product


def showing_proposal(item: Business | Product):
    """The waiting change of an approved listing, for the owner's form (or None)."""
    if item.status != APPROVED:
        return None
    return revisions.latest(item, WAITS)


def area_of(area_id: int) -> Area | None:
    """Return an area by id (to show an owner's waiting change)."""
    return db.session.get(Area, area_id)
