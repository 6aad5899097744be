"""The tourism office's review of businesses and products: the queue and its decisions.

- Approving (a pending listing, or a rejected one on second thought) shows it to visitors,
  records when, clears any reason and keeps a snapshot of its reviewed fields, against which
  the next review shows what changed.
- Rejecting a pending listing needs a reason, which the owner sees on their dashboard.
- Suspending hides an approved business (and so its products) or product, with a reason the
  owner sees; reinstating approves it again as it is now (the review page shows any changes
  first, and the owner cannot resubmit a suspended listing).
- Verified is a badge only editors set, whatever the status.
- Visitors see a product only when both it and its business are approved.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.accounts.models import User
from branding.businesses.editing import mark_approved
from branding.businesses.models import Business, ModerationStatus, Product
from branding.businesses.review import Change, WrongStatus, changes, record, snapshot
from branding.extensions import db
from branding.moderation.photos import approve_listing_photos

PENDING, APPROVED = ModerationStatus.PENDING, ModerationStatus.APPROVED
REJECTED, SUSPENDED = ModerationStatus.REJECTED, ModerationStatus.SUSPENDED


@dataclass(frozen=True)
class Review:
    item: Business | Product
    changes: list[Change]  # since the last approval; every filled field for a new listing
    is_new: bool  # never approved


@dataclass(frozen=True)
class Queue:
    businesses: list[Review]
    products: list[Review]

    def __len__(self) -> int:
        return len(self.businesses) + len(self.products)


def review_of(item: Business | Product) -> Review:
    """Compare an item with its last approved version."""
    return Review(item, changes(item.approved_snapshot, snapshot(item)), not item.approved_snapshot)


def _oldest_first(model: type[Business] | type[Product]) -> tuple:
    return model.submitted_at.is_(None), model.submitted_at, model.id


def review_queue() -> Queue:
    """Return the businesses and products waiting for review, oldest submission first."""
    businesses = select(Business).where(Business.status == PENDING)
    businesses = businesses.options(selectinload(Business.area), selectinload(Business.owner))
    products = select(Product).where(Product.status == PENDING)
    products = products.options(selectinload(Product.business).selectinload(Business.owner))
    return Queue(
        [review_of(b) for b in db.session.scalars(businesses.order_by(*_oldest_first(Business)))],
        [review_of(p) for p in db.session.scalars(products.order_by(*_oldest_first(Product)))],
    )


def list_businesses(status: ModerationStatus | None, page: int, per_page: int) -> Pagination:
    """Return a page of all businesses, or those with one status, by name."""
    query = select(Business).options(selectinload(Business.area), selectinload(Business.owner))
    if status:
        query = query.where(Business.status == status)
    query = query.order_by(Business.name, Business.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def get_business(business_id: int) -> Business | None:
    """Return any business with its owner, area and products, whatever its status."""
    options = (
        selectinload(Business.area),
        selectinload(Business.owner),
        selectinload(Business.products),
    )
    return db.session.scalar(select(Business).where(Business.id == business_id).options(*options))


def get_product(product_id: int) -> Product | None:
    """Return any product with its business, whatever its status."""
    query = select(Product).where(Product.id == product_id)
    return db.session.scalar(query.options(selectinload(Product.business)))


def _require(item: Business | Product, *statuses: ModerationStatus) -> ModerationStatus:
    if item.status not in statuses:
        raise WrongStatus(item.status)
    return item.status


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a reason is required")
    return reason


def approve(actor: User, item: Business | Product) -> Business | Product:
    """Approve a pending (or rejected) business or product for visitors."""
    before = _require(item, PENDING, REJECTED)
    found = review_of(item)
    mark_approved(item)
    approve_listing_photos(item)  # reviewed with it; reinstating leaves new photos waiting
    changed = {c.field for c in found.changes}
    record(
        actor, "approve", item, {"status": [before.value, "approved"], "fields": sorted(changed)}
    )
    db.session.commit()
    return item


def reject(actor: User, item: Business | Product, reason: str) -> Business | Product:
    """Reject a pending business or product with a reason its owner sees."""
    reason = _reason(reason)
    before = _require(item, PENDING)
    item.status, item.rejection_reason = REJECTED, reason
    record(actor, "reject", item, {"status": [before.value, "rejected"], "reason": reason})
    db.session.commit()
    return item


def suspend(actor: User, item: Business | Product, reason: str) -> Business | Product:
    """Hide an approved business or product from visitors, with a reason its owner sees."""
    reason = _reason(reason)
    _require(item, APPROVED)
    item.status, item.rejection_reason = SUSPENDED, reason
    record(actor, "suspend", item, {"status": ["approved", "suspended"], "reason": reason})
    db.session.commit()
    return item


def reinstate(actor: User, item: Business | Product) -> Business | Product:
    """Show a suspended business or product again, approving it as it is now."""
    _require(item, SUSPENDED)
    mark_approved(item)
    record(actor, "reinstate", item, {"status": ["suspended", "approved"]})
    db.session.commit()
    return item


def set_verified(actor: User, business: Business, verified: bool) -> Business:
    """Give a business the tourism office's verified badge, or take it away."""
    if business.verified != verified:
        business.verified = verified
        record(
            actor,
            "verify" if verified else "unverify",
            business,
            {"verified": [not verified, verified]},
        )
        db.session.commit()
    return business
