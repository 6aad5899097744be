"""UMKM self-service: what a business owner does with their own business and products.

The rules:

- A new business or product starts as a draft that only its owner sees.
- Submitting moves a draft or rejected listing to "waiting for review"; submitting a
  business also submits its draft products.
- Saving a change to a reviewed field (``review.BUSINESS_FIELDS``/``PRODUCT_FIELDS``) of an
  approved listing sends it back to review, submitted now: visitors do not see it until an
  editor approves it again (the form warns the owner before saving). A save that changes no
  reviewed field, such as marking a product sold out, keeps the listing approved.
- A rejected listing stays rejected, with its reason, until the owner submits it again; a
  suspended business stays suspended whatever the owner saves (only an editor reinstates it).
- Owner, status, verification and approval are never taken from the owner's values.
- Other owners' rows do not exist for an owner: every lookup raises ``NotFound``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from branding.accounts import audit
from branding.accounts.models import User
from branding.areas.models import Area
from branding.businesses.editing import next_position
from branding.businesses.models import Business, BusinessCategory, ModerationStatus, Product
from branding.businesses.review import (
    WrongStatus,
    business_snapshot,
    changes,
    product_snapshot,
    record,
)
from branding.core.content.columns import clean_translations
from branding.core.content.publishing import utcnow
from branding.core.content.slugs import unique_slug
from branding.extensions import db

DRAFT, PENDING = ModerationStatus.DRAFT, ModerationStatus.PENDING
APPROVED, REJECTED = ModerationStatus.APPROVED, ModerationStatus.REJECTED
SUBMITTABLE = (DRAFT, REJECTED)
# What an owner's values may set; anything else in them is ignored.
BUSINESS_VALUES = (
    "name", "category", "area_id", "summary", "description", "address", "latitude",
    "longitude", "opening_hours", "whatsapp", "phone", "email", "social_links",
)  # fmt: skip
PRODUCT_VALUES = ("name", "description", "price_min", "price_max", "unit", "available")
TEXTS = {Business: {"summary", "description"}, Product: {"name", "description", "unit"}}


class NotFound(LookupError):
    """No such business or product among the acting owner's own."""


@dataclass(frozen=True)
class OwnedBusiness:
    business: Business
    products: int
    pending: int  # products waiting for review
    rejected: int  # products rejected


def _check_owner(owner: User, business: Business) -> None:
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
    return [_owned(b, by_business.get(b.id, {})) for b in businesses]


def _owned(business: Business, counts: dict[ModerationStatus, int]) -> OwnedBusiness:
    total = sum(counts.values())
    return OwnedBusiness(business, total, counts.get(PENDING, 0), counts.get(REJECTED, 0))


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
    _check_owner(owner, business)
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


def _back_to_review(item: Business | Product, before: dict, after: dict) -> None:
    """Send an approved listing whose reviewed fields changed back to the review queue."""
    if item.status == APPROVED and item.approved_snapshot is None:
        item.approved_snapshot = before  # approved before snapshots were kept (sample data)
    if item.status == APPROVED and changes(before, after):
        item.status = PENDING
        item.submitted_at = utcnow()


def create_business(owner: User, values: dict[str, Any]) -> Business:
    """Create a draft business owned by the acting owner."""
    with db.session.no_autoflush:
        business = Business(owner=owner, status=DRAFT, verified=False)
        _apply_business(business, values)
        business.slug = unique_slug(Business, business.name)
    db.session.add(business)
    db.session.flush()
    record(owner, "create", business, audit.diff({}, business_snapshot(business)))
    db.session.commit()
    return business


def update_business(owner: User, business: Business, values: dict[str, Any]) -> Business:
    """Save the owner's changes; an approved business goes back to review."""
    _check_owner(owner, business)
    before, status = business_snapshot(business), business.status
    with db.session.no_autoflush:
        _apply_business(business, values)
        if business.approved_at is None:  # never public: its address may follow its name
            business.slug = unique_slug(Business, business.name, business.id)
    after = business_snapshot(business)
    _back_to_review(business, before, after)
    changed = audit.diff(before, after)
    if business.status != status:
        changed["status"] = [status.value, business.status.value]
    record(owner, "update", business, changed)
    db.session.commit()
    return business


def submit_business(owner: User, business: Business) -> Business:
    """Ask the tourism office to review a draft or rejected business and its draft products."""
    _check_owner(owner, business)
    if business.status not in SUBMITTABLE:
        raise WrongStatus(business.status)
    now = utcnow()
    business.status, business.submitted_at = PENDING, now
    drafts = [p for p in business.products if p.status == DRAFT]
    for product in drafts:
        product.status, product.submitted_at = PENDING, now
    record(owner, "submit", business, {"products": [p.id for p in drafts]})
    db.session.commit()
    return business


def create_product(owner: User, business: Business, values: dict[str, Any]) -> Product:
    """Add a draft product at the end of one of the owner's businesses."""
    _check_owner(owner, business)
    product = Product(business=business, status=DRAFT, position=next_position(business))
    for name in PRODUCT_VALUES:
        _set(product, name, values[name])
    db.session.add(product)
    db.session.flush()
    record(owner, "create", product, audit.diff({}, product_snapshot(product)))
    db.session.commit()
    return product


def update_product(owner: User, product: Product, values: dict[str, Any]) -> Product:
    """Save the owner's changes; an approved product goes back to review."""
    _check_owner(owner, product.business)
    before, status = product_snapshot(product), product.status
    available = product.available
    for name in PRODUCT_VALUES:
        _set(product, name, values[name])
    after = product_snapshot(product)
    _back_to_review(product, before, after)
    changed = audit.diff(
        {**before, "available": available}, {**after, "available": product.available}
    )
    if product.status != status:
        changed["status"] = [status.value, product.status.value]
    record(owner, "update", product, changed)
    db.session.commit()
    return product


def submit_product(owner: User, product: Product) -> Product:
    """Ask the tourism office to review a draft or rejected product."""
    _check_owner(owner, product.business)
    if product.status not in SUBMITTABLE:
        raise WrongStatus(product.status)
    product.status, product.submitted_at = PENDING, utcnow()
    record(owner, "submit", product)
    db.session.commit()
    return product


def delete_product(owner: User, product: Product) -> None:
    """Delete one of the owner's products for good."""
    _check_owner(owner, product.business)
    record(owner, "delete", product, {"name": [dict(product.name), None]})
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
