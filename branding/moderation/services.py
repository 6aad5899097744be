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

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from branding.accounts.models import User
from branding.areas.models import Area
from branding.businesses.editing import mark_approved
from branding.businesses.models import Business, ModerationStatus, Product
from branding.businesses.review import Change, WrongStatus, changes, record, snapshot
from branding.editorial import revisions
from branding.editorial.models import Revision, RevisionKind, RevisionStatus
from branding.extensions import db
from branding.media.models import Photo
from branding.moderation import notifications
from branding.moderation.photos import approve_listing_photos

PENDING, APPROVED = ModerationStatus.PENDING, ModerationStatus.APPROVED
REJECTED, SUSPENDED = ModerationStatus.REJECTED, ModerationStatus.SUSPENDED
NOT_REVIEWED = {revisions.PHOTO_ORDER, "available"}


class Stale(ValueError):
    """A revision shown to the editor has been decided or replaced since."""


@dataclass(frozen=True)
class Review:
    item: Business | Product
    changes: list[Change]  # since the last approval; every filled field for a new listing
    is_new: bool  # never approved
    revision: Revision | None = None  # the version under review, when one waits


@dataclass
class ChangeSet:
    business: Business
    reviews: list[Review] = field(default_factory=list)  # the business first, then products
    photos: list[Photo] = field(default_factory=list)  # waiting photos of all of them

    @property
    def products(self) -> list[Review]:
        return [r for r in self.reviews if isinstance(r.item, Product)]

    def __bool__(self) -> bool:
        return bool(self.reviews or self.photos)


@dataclass(frozen=True)
class Queue:
    changesets: list[ChangeSet]

    @property
    def businesses(self) -> list[Review]:
        return [r for c in self.changesets for r in c.reviews if isinstance(r.item, Business)]

    @property
    def products(self) -> list[Review]:
        return [r for c in self.changesets for r in c.products]

    def __len__(self) -> int:
        return sum(len(c.reviews) for c in self.changesets)


def _readable(data: dict | None, area_names: dict[int, str]) -> dict | None:
    """A revision's reviewed fields as editors read them (the area by its name)."""
    if data is None:
        return None
    shown = {k: v for k, v in data.items() if k not in NOT_REVIEWED}
    if "area_id" in shown:
        shown["area"] = area_names.get(shown.pop("area_id"), "")
    return shown


def _area_names(datas: list[dict | None]) -> dict[int, str]:
    ids = {d.get("area_id") for d in datas if d and d.get("area_id")}
    if not ids:
        return {}
    areas = db.session.scalars(select(Area).where(Area.id.in_(ids)))
    return {area.id: area.name.resolve("id") for area in areas}


def _key(item) -> tuple[str, int]:
    return item.__tablename__, item.id


def _newest(items: list, status: RevisionStatus) -> dict[tuple[str, int], Revision]:
    """The newest revision with a status of each item, in one query."""
    if not items:
        return {}
    conditions = [
        (Revision.item_type == kind) & Revision.item_id.in_(ids)
        for kind, ids in _ids_by_type(items).items()
    ]
    query = select(Revision).where(Revision.status == status, or_(*conditions))
    found: dict[tuple[str, int], Revision] = {}
    for revision in db.session.scalars(query.order_by(Revision.id)):
        found[(revision.item_type, revision.item_id)] = revision
    return found


def _ids_by_type(items: list) -> dict[str, list[int]]:
    ids: dict[str, list[int]] = {}
    for item in items:
        ids.setdefault(item.__tablename__, []).append(item.id)
    return ids


def reviews_of(items: list) -> dict[tuple[str, int], Review]:
    """Review many items in a fixed number of queries: what waits against what is approved.

    A listing submitted before it had revisions gets one recorded from its row.
    """
    waiting = _newest([i for i in items if i.status in (PENDING, APPROVED)], RevisionStatus.PENDING)
    for item in items:
        if item.status == PENDING and _key(item) not in waiting:
            waiting[_key(item)] = revisions.record(
                item, None, RevisionKind.BASELINE, RevisionStatus.PENDING
            )
    earlier = [i for i in items if i.status == PENDING and i.approved_snapshot is not None]
    approved_before = _newest(earlier, RevisionStatus.LIVE)
    befores, afters = {}, {}
    for item in items:
        key = _key(item)
        revision = waiting.get(key)
        if revision is None:
            continue
        if item.status == APPROVED:
            befores[key] = revisions.snapshot(item)
        elif key in approved_before:
            befores[key] = approved_before[key].data
        afters[key] = revision.data
    names = _area_names([*befores.values(), *afters.values()])
    found = {}
    for item in items:
        key = _key(item)
        if key in afters:
            before = befores.get(key)
            diff = changes(_readable(before, names), _readable(afters[key], names))
            found[key] = Review(item, diff, before is None, waiting[key])
        else:
            found[key] = Review(
                item, changes(item.approved_snapshot, snapshot(item)), not item.approved_snapshot
            )
    return found


def _approved_data(item: Business | Product) -> dict | None:
    """The data of the version last approved, or None for a listing never approved."""
    if item.approved_snapshot is None:
        return None
    if item.status == APPROVED:
        return revisions.snapshot(item)
    last = revisions.latest(item, RevisionStatus.LIVE)
    return last.data if last is not None else None


def _compare(before: dict | None, after: dict) -> list[Change]:
    names = _area_names([before, after])
    return changes(_readable(before, names), _readable(after, names))


def pending_revision(item: Business | Product) -> Revision | None:
    """The revision waiting for review: the one submitted, or an approved listing's change."""
    return review_of(item).revision


def review_of(item: Business | Product) -> Review:
    """Compare what waits for review (or the item as it is now) with its approved version."""
    return reviews_of([item])[_key(item)]


def _changeset(business: Business, reviews: dict) -> ChangeSet:
    found = ChangeSet(business)
    for item in [business, *business.products]:
        review = reviews[_key(item)]
        if review.revision is not None:
            found.reviews.append(review)
        found.photos.extend(photo for photo in item.photos if not photo.approved)
    return found


def changeset_of(business: Business) -> ChangeSet:
    """Everything of a business that waits for review: items and photos."""
    return _changeset(business, reviews_of([business, *business.products]))


def _waiting_business_ids() -> list[int]:
    waiting = select(Revision.item_type, Revision.item_id).where(
        Revision.status == RevisionStatus.PENDING
    )
    product_ids, business_ids = set(), set()
    for kind, item_id in db.session.execute(waiting):
        (business_ids if kind == "businesses" else product_ids).add(item_id)
    query = select(Business.id, Business.submitted_at).where(
        Business.deleted_at.is_(None),
        or_(
            Business.status == PENDING,
            Business.id.in_(business_ids),
            Business.id.in_(
                select(Product.business_id).where(
                    or_(Product.status == PENDING, Product.id.in_(product_ids))
                )
            ),
        ),
    )
    rows = db.session.execute(query).all()
    return [
        r.id
        for r in sorted(rows, key=lambda r: (r.submitted_at is None, r.submitted_at or 0, r.id))
    ]


def review_queue() -> Queue:
    """Return the change sets waiting for review, oldest submission first."""
    ids = _waiting_business_ids()
    if not ids:
        return Queue([])
    query = (
        select(Business)
        .where(Business.id.in_(ids))
        .options(
            selectinload(Business.area),
            selectinload(Business.owner),
            selectinload(Business.photos),
            selectinload(Business.products).selectinload(Product.photos),
        )
    )
    by_id = {b.id: b for b in db.session.scalars(query)}
    items = [i for b in by_id.values() for i in (b, *b.products)]
    reviews = reviews_of(items)
    sets = [_changeset(by_id[i], reviews) for i in ids if i in by_id]
    if db.session.new:  # baselines recorded for listings submitted before revisions
        db.session.commit()
    return Queue([c for c in sets if c.reviews])


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
            item.area = db.session.get(Area, item.area_id)
        revisions.supersede_waiting(item, up_to=revision.id - 1)
        revisions.mark_live(revision, actor)
    else:
        _require(item, PENDING, REJECTED)
        found = changes(item.approved_snapshot, snapshot(item))
        revisions.record(item, actor, RevisionKind.EDIT, RevisionStatus.LIVE)
    mark_approved(item)
    changed = {"status": [before.value, "approved"], "fields": sorted({c.field for c in found})}
    if revision is not None:
        changed["revision"] = [None, revision.id]
    record(actor, "approve", item, changed)


def review_of_revision(item: Business | Product, revision: Revision) -> list[Change]:
    return _compare(_approved_data(item), revision.data)


def _reject(actor: User, item: Business | Product, revision: Revision | None, reason: str) -> None:
    if revision is not None:
        if revision.status != RevisionStatus.PENDING:
            raise Stale(revision.id)
        revision.status, revision.reason = RevisionStatus.REJECTED, reason
        revision.decided_by, revision.decided_at = actor, revisions.utcnow()
    before = item.status
    if item.status == PENDING:
        item.status, item.rejection_reason = REJECTED, reason
    elif revision is None:
        raise WrongStatus(item.status)
    changed = {"status": [before.value, item.status.value], "reason": reason}
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
    items = {("businesses", business.id): business}
    items.update({("products", p.id): p for p in business.products})
    done = Decisions()
    for revision_id, (decision, reason) in sorted(choices.items()):
        if decision not in ("approve", "reject"):
            continue
        revision = db.session.get(Revision, revision_id)
        item = items.get((revision.item_type, revision.item_id)) if revision else None
        if item is None:
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
            record(actor, "approve photo", photo)
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
