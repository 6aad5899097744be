"""What the counts say: for the tourism office over a period, for an owner per week."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import case, func, select

from branding.accounts.models import User
from branding.businesses.models import Business, Product
from branding.core.i18n.formatting import WIB
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.insight.models import CONTACT_ACTIONS, SCAN, VIEW, DailyCount, Poster, SearchCount
from branding.insight.visitors import end_of_day
from branding.search.models import MissedSearch

DEFAULT_DAYS = 30
MAX_DAYS = 366
ITEM_MODELS = {"destination": Destination, "event": Event, "business": Business,
               "product": Product}  # fmt: skip


@dataclass(frozen=True)
class Period:
    """A range of WIB days, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def where(self, column) -> tuple:
        return (column >= self.start, column <= self.end)


def period_from(first: str | None, last: str | None, today: date) -> Period:
    """Read a period from ``from``/``to`` (YYYY-MM-DD); the last 30 days by default."""
    end = _date(last) or today
    start = _date(first) or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        start, end = end, start
    if (end - start).days >= MAX_DAYS:
        start = end - timedelta(days=MAX_DAYS - 1)
    return Period(start, end)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def totals(period: Period) -> dict[str, int]:
    """Return the period's number of each action (views, scans, each kind of contact)."""
    query = (
        select(DailyCount.action, func.sum(DailyCount.count))
        .where(*period.where(DailyCount.day), DailyCount.subject_type != "product")
        .group_by(DailyCount.action)
    )
    found = {action: int(n) for action, n in db.session.execute(query)}
    return {action: found.get(action, 0) for action in (VIEW, SCAN, *CONTACT_ACTIONS)}


def daily(period: Period, actions: tuple[str, ...]) -> list[tuple[date, int]]:
    """Return each day of the period with its number of these actions (zero included)."""
    query = (
        select(DailyCount.day, func.sum(DailyCount.count))
        .where(*period.where(DailyCount.day), DailyCount.action.in_(actions),
               DailyCount.subject_type != "product")
        .group_by(DailyCount.day)
    )  # fmt: skip
    found = {day: int(n) for day, n in db.session.execute(query)}
    return [(day, found.get(day, 0)) for day in period.days]


def languages(period: Period) -> list[tuple[str, int]]:
    """Return the languages pages were read in, most read first."""
    query = (
        select(DailyCount.lang, func.sum(DailyCount.count).label("n"))
        .where(*period.where(DailyCount.day), DailyCount.action == VIEW,
               DailyCount.subject_type != "product")
        .group_by(DailyCount.lang)
        .order_by(func.sum(DailyCount.count).desc(), DailyCount.lang)
    )  # fmt: skip
    return [(lang, int(n)) for lang, n in db.session.execute(query)]


@dataclass(frozen=True)
class ItemCounts:
    """An item's views and contacts over a period."""

    kind: str
    item: object | None  # None once the item has been deleted
    views: int
    contacts: int


def _views_and_contacts():
    views = func.sum(case((DailyCount.action == VIEW, DailyCount.count), else_=0))
    contacts = func.sum(case((DailyCount.action.in_(CONTACT_ACTIONS), DailyCount.count), else_=0))
    return views, contacts


def top_items(period: Period, kind: str, limit: int = 10) -> list[ItemCounts]:
    """Return the most visited destinations, events or businesses of the period."""
    views, contacts = _views_and_contacts()
    query = (
        select(DailyCount.subject_id, views, contacts)
        .where(*period.where(DailyCount.day), DailyCount.subject_type == kind)
        .group_by(DailyCount.subject_id)
        .order_by(views.desc(), contacts.desc(), DailyCount.subject_id)
        .limit(limit)
    )
    rows = db.session.execute(query).all()
    items = _load(kind, [row[0] for row in rows])
    return [ItemCounts(kind, items.get(i), int(v), int(c)) for i, v, c in rows]


def _load(kind: str, ids: list[int]) -> dict[int, Any]:
    if not ids:
        return {}
    model: Any = ITEM_MODELS[kind]
    return {item.id: item for item in db.session.scalars(select(model).where(model.id.in_(ids)))}


def top_searches(period: Period, limit: int = 15) -> list[tuple[str, str, int]]:
    """Return the most frequent searches of the period (query, language, visitors)."""
    total = func.sum(SearchCount.count)
    query = (
        select(SearchCount.query, SearchCount.lang, total)
        .where(*period.where(SearchCount.day))
        .group_by(SearchCount.query, SearchCount.lang)
        .order_by(total.desc(), SearchCount.query)
        .limit(limit)
    )
    return [(q, lang, int(n)) for q, lang, n in db.session.execute(query)]


def searches_total(period: Period) -> int:
    query = select(func.coalesce(func.sum(SearchCount.count), 0)).where(
        *period.where(SearchCount.day)
    )
    return int(db.session.scalar(query) or 0)


def missed_searches(period: Period, limit: int = 15) -> list[tuple[str, str, int]]:
    """Return the searches that found nothing in the period (read from ``missed_searches``)."""
    since = datetime.combine(period.start, time(0), tzinfo=WIB)
    until = end_of_day(period.end)
    total = func.count(MissedSearch.id)
    query = (
        select(MissedSearch.query, MissedSearch.lang, total)
        .where(MissedSearch.created_at >= since, MissedSearch.created_at < until)
        .group_by(MissedSearch.query, MissedSearch.lang)
        .order_by(total.desc(), MissedSearch.query)
        .limit(limit)
    )
    return [(q, lang, int(n)) for q, lang, n in db.session.execute(query)]


@dataclass(frozen=True)
class PosterScans:
    poster: Poster
    scans: int  # in the period
    total: int  # since it was made


def poster_scans(period: Period | None, business_ids: list[int] | None = None) -> list[PosterScans]:
    """Return each poster with its scans in the period and in all, most scanned first."""
    in_period = (
        func.sum(case((DailyCount.day.between(period.start, period.end), DailyCount.count),
                      else_=0))
        if period else func.sum(DailyCount.count)
    )  # fmt: skip
    query = (
        select(Poster, func.coalesce(in_period, 0), func.coalesce(func.sum(DailyCount.count), 0))
        .outerjoin(DailyCount, (DailyCount.subject_type == "poster")
                   & (DailyCount.subject_id == Poster.id) & (DailyCount.action == SCAN))
        .group_by(Poster.id)
        .order_by(func.coalesce(in_period, 0).desc(), Poster.created_at.desc(), Poster.id)
    )  # fmt: skip
    if business_ids is not None:
        query = query.where(Poster.business_id.in_(business_ids or [-1]))
    return [PosterScans(p, int(s), int(t)) for p, s, t in db.session.execute(query)]


def includes_sample(period: Period) -> bool:
    """Tell whether the period's counts include made-up sample counts."""
    query = select(DailyCount.id).where(*period.where(DailyCount.day), DailyCount.is_sample)
    return db.session.scalar(query.limit(1)) is not None


def export_rows(period: Period, dataset: str):
    """Yield the rows of a CSV export: the header first."""
    if dataset == "searches":
        yield ("day", "language", "query", "visitors", "sample")
        query = (
            select(SearchCount.day, SearchCount.lang, SearchCount.query, SearchCount.count,
                   SearchCount.is_sample)
            .where(*period.where(SearchCount.day))
            .order_by(SearchCount.day, SearchCount.lang, SearchCount.query)
        )  # fmt: skip
        for day, lang, text, n, sample in db.session.execute(query):
            yield (day.isoformat(), lang, text, n, int(sample))
        return
    if dataset == "missed":
        yield ("query", "language", "searches")
        yield from missed_searches(period, limit=10_000)
        return
    yield ("day", "type", "id", "name", "action", "language", "visitors", "sample")
    counts = (
        select(DailyCount).where(*period.where(DailyCount.day))
        .order_by(DailyCount.day, DailyCount.subject_type, DailyCount.subject_id,
                  DailyCount.action, DailyCount.lang)
    )  # fmt: skip
    rows = list(db.session.scalars(counts))
    names = _names(rows)
    for row in rows:
        yield (row.day.isoformat(), row.subject_type, row.subject_id,
               names.get((row.subject_type, row.subject_id), ""), row.action, row.lang,
               row.count, int(row.is_sample))  # fmt: skip


def _names(rows: list[DailyCount]) -> dict[tuple[str, int], str]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        wanted[row.subject_type].add(row.subject_id)
    names: dict[tuple[str, int], str] = {}
    for kind, ids in wanted.items():
        if kind == "poster":
            posters = db.session.scalars(select(Poster).where(Poster.id.in_(ids)))
            names.update({(kind, p.id): p.label or p.code for p in posters})
            continue
        for item_id, item in _load(kind, sorted(ids)).items():
            names[(kind, item_id)] = plain_name(item)
    return names


def plain_name(item) -> str:
    """An item's name in Indonesian (or its first text), for exports."""
    if isinstance(item, Business):
        return item.name
    value = item.title if isinstance(item, Event) else item.name
    return str(value.resolve("id"))


# ---- owners ----


@dataclass
class Week:
    """One week (Monday to Sunday, WIB) of an item's counts."""

    start: date
    views: int = 0
    contacts: Counter[str] = field(default_factory=Counter)

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def contact_total(self) -> int:
        return sum(self.contacts.values())


@dataclass
class ProductWeeks:
    product: Product
    weeks: list[Week]

    @property
    def total(self) -> int:
        return sum(w.views for w in self.weeks)


@dataclass
class BusinessWeeks:
    """A business's weeks, newest first, and its products' weeks."""

    business: Business
    weeks: list[Week]
    products: list[ProductWeeks]
    sample: bool = False


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def owner_weeks(owner: User, today: date, weeks: int = 12) -> list[BusinessWeeks]:
    """Return the counts of an owner's own businesses and products, per week; nobody else's."""
    businesses = list(
        db.session.scalars(
            select(Business).where(Business.owner_id == owner.id).order_by(Business.name)
        )
    )
    if not businesses:
        return []
    products = list(
        db.session.scalars(
            select(Product)
            .where(Product.business_id.in_([b.id for b in businesses]))
            .order_by(Product.business_id, Product.position, Product.id)
        )
    )
    first = week_start(today) - timedelta(weeks=weeks - 1)
    starts = [week_start(today) - timedelta(weeks=n) for n in range(weeks)]
    query = select(
        DailyCount.subject_type, DailyCount.subject_id, DailyCount.day, DailyCount.action,
        DailyCount.count, DailyCount.is_sample,
    ).where(
        DailyCount.day >= first,
        ((DailyCount.subject_type == "business")
         & DailyCount.subject_id.in_([b.id for b in businesses]))
        | ((DailyCount.subject_type == "product")
           & DailyCount.subject_id.in_([p.id for p in products] or [-1])),
    )  # fmt: skip
    table: dict[tuple[str, int], dict[date, Week]] = defaultdict(
        lambda: {start: Week(start) for start in starts}
    )
    sample: set[int] = set()
    for kind, item_id, day, action, number, is_sample in db.session.execute(query):
        week = table[(kind, item_id)][week_start(day)]
        if action == VIEW:
            week.views += number
        else:
            week.contacts[action] += number
        if is_sample:
            sample.add(item_id if kind == "business" else -1)
    by_business: dict[int, list[ProductWeeks]] = defaultdict(list)
    for product in products:
        weeks_of = table[("product", product.id)]
        product_weeks = ProductWeeks(product, [weeks_of[s] for s in starts])
        by_business[product.business_id].append(product_weeks)
    return [
        BusinessWeeks(b, [table[("business", b.id)][s] for s in starts], by_business[b.id],
                      b.id in sample)
        for b in businesses
    ]  # fmt: skip
