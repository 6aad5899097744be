"""What waits for the office's review: a change set per business, against its approved version.

The business and its products that were submitted or changed since the last approval, each as the
revision the owner saved (``editorial.revisions``), and the photos added since. Reviews of many
items take a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from branding.areas.models import Area
from branding.businesses.models import Business, ModerationStatus, Product
from branding.businesses.review import Change, changes, snapshot
from branding.editorial import revisions
from branding.editorial.models import Revision, RevisionKind, RevisionStatus
from branding.extensions import db
from branding.media.models import Photo

PENDING, APPROVED = ModerationStatus.PENDING, ModerationStatus.APPROVED
NOT_REVIEWED = {revisions.PHOTO_ORDER, "available"}


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


def _readable(data: dict | None, area_names: dict[int, str]) -> dict[str, Any]:
    """A revision's reviewed fields as editors read them (the area by its name)."""
    if data is None:
        return {}
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
    found: dict[tuple[str, int], Review] = {}
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
    listing: list[Business | Product] = [business, *business.products]
    for item in listing:
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
    product_ids: set[int] = set()
    business_ids: set[int] = set()
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


def review_of_revision(item: Business | Product, revision: Revision) -> list[Change]:
    return _compare(_approved_data(item), revision.data)
