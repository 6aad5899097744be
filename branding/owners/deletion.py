"""An owner deletes a business: hidden at once, removed for good after the grace period.

Until ``BUSINESS_DELETE_GRACE_DAYS`` (30) have passed the owner can restore it; then the
scheduled task removes it with its products, photos and search entries.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from branding.accounts import audit
from branding.accounts.models import User
from branding.businesses.models import Business
from branding.businesses.review import record
from branding.core.content.publishing import utcnow
from branding.editorial import revisions, scheduling
from branding.extensions import db
from branding.owners.services import check_owner


def grace_period() -> timedelta:
    """Return how long a deleted business can still be restored."""
    return timedelta(days=current_app.config.get("BUSINESS_DELETE_GRACE_DAYS", 30))


def delete_business(owner: User, business: Business) -> Business:
    """Hide one of the owner's businesses at once; it goes for good after the grace period."""
    check_owner(owner, business)
    if business.deleted_at is None:
        business.deleted_at = utcnow()
        record(owner, "delete", business, {"deleted_at": [None, business.deleted_at.isoformat()]})
        db.session.commit()
    return business


def restore_business(owner: User, business: Business) -> Business:
    """Bring back a business its owner deleted, before the grace period ends."""
    check_owner(owner, business)
    if business.deleted_at is not None:
        record(owner, "restore", business, {"deleted_at": [business.deleted_at.isoformat(), None]})
        business.deleted_at = None
        db.session.commit()
    return business


def purge_deleted(now: datetime) -> int:
    """Remove businesses deleted longer ago than the grace period, with all that was theirs.

    Their products and photos go by cascade (the photo files after the commit), and the
    search outbox sees the deleted rows, so their search entries go too.
    """
    cutoff = now - grace_period()
    ids = list(db.session.scalars(select(Business.id).where(Business.deleted_at < cutoff)))
    db.session.commit()
    removed = 0
    for business_id in ids:
        business = db.session.get(Business, business_id)
        if business is None or business.deleted_at is None or business.deleted_at >= cutoff:
            continue
        audit.record(None, "purge", business, {"name": [business.name, None]})
        for product in business.products:
            revisions.forget(product)
        revisions.forget(business)
        db.session.delete(business)
        db.session.commit()
        removed += 1
    return removed


scheduling.task("deleted businesses removed", purge_deleted)
