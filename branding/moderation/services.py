"""The tourism office's review of businesses and products: change sets and their decisions.

- What waits for review is a change set per business: the business and its products that
  were submitted or changed since the last approval, each as the revision the owner saved
  (``editorial.revisions``), and the photos added since. The editor sees each against the
  live version and decides per item, or approves everything shown at once.
- A decision names the revisions (and photos) the page showed: exactly those are approved
  or rejected. Anything the owner saved after the page was made waits for the next review.
- Approving applies the revision to the row (visitors see it from then on), records when,
  clears any reason and keeps a snapshot of the reviewed fields. Rejecting needs a reason,
  which the owner sees and is sent; an approved listing stays online as it was.
- Suspending hides an approved business (and so its products) or product, with a reason the
  owner sees; reinstating approves it again as it is now (the owner cannot resubmit a
  suspended listing).
- Verified is a badge only editors set, whatever the status.
- Every decision writes the owner a mail, in their language (``moderation.notifications``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.accounts import audit
from branding.accounts.models import User
from branding.areas.models import Area
from branding.businesses.editing import mark_approved
from branding.businesses.models import Business, ModerationStatus, Product
from branding.businesses.review import WrongStatus, changes, record, snapshot
from branding.core.content.publishing import utcnow
from branding.editorial import revisions
from branding.editorial.models import Revision, RevisionKind, RevisionStatus
from branding.extensions import db
from branding.moderation import notifications
from branding.moderation.photos import approve_listing_photos
from branding.moderation.queue import pending_revision, review_of_revision

PENDING, APPROVED = ModerationStatus.PENDING, ModerationStatus.APPROVED
REJECTED, SUSPENDED = ModerationStatus.REJECTED, ModerationStatus.SUSPENDED


class Stale(ValueError):
    """A revision shown to the editor has been decided or replaced since."""


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


def _owner_of(item: Business | Product) -> User:
    return item.owner if isinstance(item, Business) else item.business.owner


def _approve(actor: User, item: Business | Product, revision: Revision | None) -> None:
    """Apply a reviewed revision (or the row as it is) and approve the item; no commit."""
    before = item.status
    if revision is not None:
        if revision.status != RevisionStatus.PENDING:
            raise Stale(revision.id)
        found = review_of_revision(item, revision)
        revisions.apply_data(item, revision.data)
        if isinstance(item, Business):
            item.area = db.session.get_one(Area, item.area_id)
        revisions.supersede_waiting(item, up_to=revision.id - 1)
        revisions.mark_live(revision, actor)
    else:
        _require(item, PENDING, REJECTED)
        found = changes(item.approved_snapshot, snapshot(item))
        revisions.record(item, actor, RevisionKind.EDIT, RevisionStatus.LIVE)
    mark_approved(item)
    changed: dict[str, Any] = {
        "status": [before.value, "approved"],
        "fields": sorted({c.field for c in found}),
    }
    if revision is not None:
        changed["revision"] = [None, revision.id]
    record(actor, "approve", item, changed)


def _reject(actor: User, item: Business | Product, revision: Revision | None, reason: str) -> None:
    if revision is not None:
        if revision.status != RevisionStatus.PENDING:
            raise Stale(revision.id)
        revision.status, revision.reason = RevisionStatus.REJECTED, reason
        revision.decided_by, revision.decided_at = actor, utcnow()
    before = item.status
    if item.status == PENDING:
        item.status, item.rejection_reason = REJECTED, reason
    elif revision is None:
        raise WrongStatus(item.status)
    changed: dict[str, Any] = {"status": [before.value, item.status.value], "reason": reason}
    if revision is not None:
        changed["revision"] = [revision.id, None]
    record(actor, "reject", item, changed)


def approve(
    actor: User, item: Business | Product, revision_id: int | None = None
) -> Business | Product:
    """Approve a pending (or rejected) business or product, as the revision shown.

    Without a revision id, the version waiting now (or the row as it is) is approved.
    """
    if revision_id is not None:
        revision = revisions.get(item, revision_id)
        if revision is None:
            raise Stale(revision_id)
    else:
        revision = pending_revision(item)
    if revision is None:
        _require(item, PENDING, REJECTED)
    _approve(actor, item, revision)
    approve_listing_photos(item)  # reviewed with it; reinstating leaves new photos waiting
    notifications.decided(_owner_of(item), approved=[item], rejected=[])
    db.session.commit()
    return item


def reject(
    actor: User, item: Business | Product, reason: str, revision_id: int | None = None
) -> Business | Product:
    """Reject a pending business or product (or an approved one's change) with a reason."""
    reason = _reason(reason)
    revision = revisions.get(item, revision_id) if revision_id else pending_revision(item)
    if revision is None and revision_id is not None:
        raise Stale(revision_id)
    if revision is None or item.status not in (PENDING, APPROVED):
        _require(item, PENDING)
    _reject(actor, item, revision, reason)
    notifications.decided(_owner_of(item), approved=[], rejected=[(item, reason)])
    db.session.commit()
    return item


@dataclass
class Decisions:
    approved: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (item, reason)
    photos: list = field(default_factory=list)
    stale: list = field(default_factory=list)  # revision ids decided or replaced since


def decide(
    actor: User,
    business: Business,
    choices: dict[int, tuple[str, str]],
    photo_ids: list[int],
) -> Decisions:
    """Decide a change set as shown: ``choices`` maps revision ids to (decision, reason).

    A decision is "approve", "reject" (with a reason) or "wait". Only the photos named are
    approved. A revision decided or replaced since the page was shown is left alone.
    """
    items: dict[tuple[str, int], Business | Product] = {("businesses", business.id): business}
    items.update({("products", p.id): p for p in business.products})
    done = Decisions()
    for revision_id, (decision, reason) in sorted(choices.items()):
        if decision not in ("approve", "reject"):
            continue
        revision = db.session.get(Revision, revision_id)
        item = items.get((revision.item_type, revision.item_id)) if revision else None
        if revision is None or item is None:
            continue
        if revision.status != RevisionStatus.PENDING:
            done.stale.append(revision_id)
            continue
        if decision == "approve":
            _approve(actor, item, revision)
            done.approved.append(item)
        else:
            _reject(actor, item, revision, _reason(reason))
            done.rejected.append((item, reason.strip()))
    photos = {p.id: p for item in items.values() for p in item.photos}
    for photo_id in photo_ids:
        photo = photos.get(photo_id)
        if photo is not None and not photo.approved:
            photo.approved = True
            audit.record(actor, "approve photo", photo)
            done.photos.append(photo)
    if done.approved or done.rejected or done.photos:
        notifications.decided(business.owner, done.approved, done.rejected, len(done.photos))
    db.session.commit()
    return done


def suspend(actor: User, item: Business | Product, reason: str) -> Business | Product:
    """Hide an approved business or product from visitors, with a reason its owner sees."""
    reason = _reason(reason)
    _require(item, APPROVED)
    item.status, item.rejection_reason = SUSPENDED, reason
    record(actor, "suspend", item, {"status": ["approved", "suspended"], "reason": reason})
    notifications.suspended(_owner_of(item), item, reason)
    db.session.commit()
    return item


def reinstate(actor: User, item: Business | Product) -> Business | Product:
    """Show a suspended business or product again, approving it as it is now."""
    _require(item, SUSPENDED)
    mark_approved(item)
    revisions.record(item, actor, RevisionKind.EDIT, RevisionStatus.LIVE)
    record(actor, "reinstate", item, {"status": ["suspended", "approved"]})
    notifications.reinstated(_owner_of(item), item)
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
