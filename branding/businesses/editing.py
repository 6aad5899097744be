"""Staging businesses and products, and what approving one derives (the one rule for both).

Owners change their listings through ``branding.owners``; the tourism office approves them
through ``branding.moderation``, which calls ``mark_approved`` as ``add_business`` does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from branding.accounts import audit
from branding.accounts.models import User
from branding.businesses.models import Business, ModerationStatus, Product
from branding.businesses.review import changes, record, snapshot
from branding.core.content.columns import clean_translations
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


def propose(actor: User, item: Business | Product, values: dict[str, Any], editable) -> dict:
    """Stage a change to an approved listing as a revision waiting for review (caller commits).

    The row (what visitors see) keeps its reviewed fields; fields that are not reviewed
    (a product's availability) change at once. Returns the audit's changes.
    """
    live = revisions.snapshot(item)
    waiting = revisions.latest(item, revisions.PENDING)
    proposed = {**(waiting.data if waiting else live), **revisions.plain_values(values)}
    reviewed = revisions.spec_of(item).reviewed or editable
    unreviewed = [name for name in editable if name not in reviewed]
    for name in unreviewed:
        setattr(item, name, values[name])
    proposed.update({name: revisions.plain_values(values)[name] for name in unreviewed})
    differs = changes({k: live.get(k) for k in reviewed}, {k: proposed.get(k) for k in reviewed})
    changed = audit.diff({k: live.get(k) for k in editable}, {k: proposed[k] for k in editable})
    if differs:
        revision = revisions.record(item, actor, RevisionKind.EDIT, revisions.PENDING, proposed)
        item.submitted_at = utcnow()
        changed["revision"] = [None, revision.id]
    elif waiting is not None:  # everything is back as approved: nothing to review
        revisions.supersede_waiting(item)
        changed["revision"] = [waiting.id, None]
    return changed


def waiting_texts(item: Business | Product) -> dict[str, Any]:
    """Return the listing's values as the office would approve them next (a waiting change's)."""
    waiting = revisions.latest(item, revisions.PENDING)
    return dict(waiting.data) if waiting is not None else revisions.snapshot(item)


def save_translation(actor: User, item: Business | Product, texts: dict[str, dict]) -> None:
    """Propose new per-language texts of an approved listing for the office's review.

    A translator's change goes where an owner's does: visitors keep the approved version, the
    office approves or rejects it with the business's change set. The listing is never
    unpublished, and its owner's waiting change is kept (the texts are added on top of it).
    """
    editable = BUSINESS_VALUES if isinstance(item, Business) else PRODUCT_VALUES
    values = {name: waiting_texts(item).get(name) for name in editable}
    values.update({name: clean_translations(text) for name, text in texts.items()})
    if isinstance(item, Product):
        values["available"] = item.available  # not reviewed: as it is now
    changed = propose(actor, item, values, editable)
    record(actor, "update", item, changed)
    db.session.commit()
