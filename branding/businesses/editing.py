"""Staging businesses and products, and what approving one derives (the one rule for both).

Owners change their listings through ``branding.owners``; the tourism office approves them
through ``branding.moderation``, which calls ``mark_approved`` as ``add_business`` does.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from branding.businesses.models import Business, ModerationStatus, Product
from branding.businesses.review import snapshot
from branding.core.content.publishing import utcnow
from branding.editorial import revisions
from branding.editorial.models import RevisionKind, RevisionStatus
from branding.extensions import db

APPROVED = ModerationStatus.APPROVED
# What an owner edits, as revisions keep it (the owners' forms set exactly these).
BUSINESS_VALUES = (
    "name", "category", "area_id", "summary", "description", "address", "latitude",
    "longitude", "opening_hours", "whatsapp", "phone", "email", "social_links",
)  # fmt: skip
PRODUCT_VALUES = ("name", "description", "price_min", "price_max", "unit", "available")
# A product's availability is not reviewed: approving a change never overrides it.
PRODUCT_REVIEWED = ("name", "description", "price_min", "price_max", "unit")
revisions.register(Business, BUSINESS_VALUES)
revisions.register(Product, PRODUCT_VALUES, reviewed=PRODUCT_REVIEWED)


def mark_approved(item: Business | Product, at: datetime | None = None) -> None:
    """Approve a listing as it is now: shown to visitors, reason cleared, snapshot kept."""
    item.status, item.rejection_reason = APPROVED, ""
    item.approved_snapshot = snapshot(item)
    if isinstance(item, Business):
        item.approved_at = at or utcnow()


def add_business(**fields) -> Business:
    """Stage a new business in the current unit of work (the sample, the tests)."""
    business = Business(**fields)
    if business.status == APPROVED:
        mark_approved(business, business.approved_at)
    db.session.add(business)
    db.session.flush()
    _baseline(business)
    return business


def next_position(business: Business) -> int:
    """Return the position a new product takes: after the business's last one."""
    last = db.session.scalar(
        select(func.max(Product.position)).where(Product.business_id == business.id)
    )
    return 0 if last is None else last + 1


def _baseline(item: Business | Product) -> None:
    """Keep a staged listing as its first revision (waiting, if it is under review)."""
    status = (
        RevisionStatus.PENDING if item.status == ModerationStatus.PENDING else RevisionStatus.LIVE
    )
    revisions.record(item, None, RevisionKind.BASELINE, status)


def add_product(business: Business, **fields) -> Product:
    """Stage a new product of a business at the end of its list."""
    fields.setdefault("position", next_position(business))
    product = Product(business=business, **fields)
    if product.status == APPROVED:
        mark_approved(product)
    db.session.add(product)
    db.session.flush()
    _baseline(product)
    return product
