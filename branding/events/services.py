"""Reading events as visitors see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import ColumnElement, Interval, Select, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from branding.areas.models import Area
from branding.core.pagecache.version import while_unchanged
from branding.destinations.models import Destination
from branding.events import recurrence, schedule
from branding.events.models import Event, EventCategory, EventStatus
from branding.extensions import db


@dataclass(frozen=True)
class Upcoming:
    """An event with its next start and end, for lists that mix one-off and repeating."""

    event: Event
    starts_at: datetime
    ends_at: datetime


def _published(category: EventCategory | None = None) -> Select:
    query = (
        select(Event)
        .where(Event.is_public)
        .options(
            joinedload(Event.area),
            joinedload(Event.destination),
            selectinload(Event.photos),
        )
    )
    return query.where(Event.category == category) if category else query


def longest_one_off() -> timedelta:
    """Return the longest time any one-off event lasts, worked out again after a change."""
    return while_unchanged("events.longest_one_off", _longest)


def _longest() -> timedelta:
    one_off = Event.recurrence_rule.is_(None)
    if db.session.get_bind().dialect.name == "sqlite":  # datetimes are text: julianday's days
        days = func.julianday(Event.ends_at) - func.julianday(Event.starts_at)
        found = db.session.scalar(select(func.max(days)).where(one_off))
        return timedelta(days=found or 0) + timedelta(seconds=1)  # a day's float is rounded
    longest = func.max(Event.ends_at - Event.starts_at, type_=Interval())
    return db.session.scalar(select(longest).where(one_off)) or timedelta(0)


def not_over_one_off(moment: datetime) -> ColumnElement[bool]:
    """Match one-off events ending at or after ``moment``, in a range of the start's index.

    An event not over at ``moment`` began at most the longest event's length before it, so
    the lists of what is on read the starts from there instead of from the first event ever.
    """
    return (
        Event.recurrence_rule.is_(None)
        & (Event.starts_at >= moment - longest_one_off())
        & (Event.ends_at >= moment)
    )


def _one_off_upcoming(now: datetime, category: EventCategory | None = None) -> Select:
    query = _published(category).where(not_over_one_off(now))
    return query.order_by(Event.starts_at, Event.id)


def list_upcoming(
    now: datetime, category: EventCategory | None = None, page: int = 1, per_page: int = 12
) -> Pagination:
    """Return a page of one-off events not yet over, soonest first."""
    query = _one_off_upcoming(now, category)
    found = db.paginate(query, page=page, per_page=per_page, error_out=False, count=False)
    count = select(func.count()).where(  # by the ends' index, without the cards' joins
        Event.is_public, Event.recurrence_rule.is_(None), Event.ends_at >= now
    )
    if category:
        count = count.where(Event.category == category)
    found.total = db.session.scalar(count) or 0
    return found


def list_past(
    now: datetime, category: EventCategory | None = None, page: int = 1, per_page: int = 12
) -> Pagination:
    """Return a page of events that are over, latest first."""
    over = or_(
        Event.recurrence_rule.is_(None) & (Event.ends_at < now),
        Event.recurrence_until < now,
    )
    latest_first = (Event.starts_at.desc(), Event.id.desc())  # one direction: the index's
    query = _published(category).where(over).order_by(*latest_first)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def published_by_id(ids: list[int]) -> dict[int, Event]:
    """Return published events by id, with what their cards show, in one query a relation."""
    if not ids:
        return {}
    return {e.id: e for e in db.session.scalars(_published().where(Event.id.in_(ids)))}


def _at_next(found: list[tuple[datetime, schedule.Series]]) -> list[Upcoming]:
    events = published_by_id([series.id for _, series in found])
    return [
        Upcoming(events[s.id], starts, starts + s.duration) for starts, s in found if s.id in events
    ]


def count_repeating(now: datetime, category: EventCategory | None = None) -> int:
    """Return how many repeating events are still running."""
    return schedule.count_running(now, category)


def list_repeating(
    now: datetime, category: EventCategory | None = None, limit: int | None = None
) -> list[Upcoming]:
    """Return repeating events still running, each at its next occurrence, soonest first."""
    return _at_next(schedule.next_series(now, category, limit=limit))


def next_occurrence(event: Event, now: datetime) -> Upcoming | None:
    """Return the event's current or next occurrence, or None when it is over."""
    duration = event.ends_at - event.starts_at
    if not event.recurrence_rule:
        return Upcoming(event, event.starts_at, event.ends_at) if event.ends_at >= now else None
    starts = recurrence.occurrences_after(
        event.recurrence_rule, event.recurrence_exdates, event.starts_at, now - duration, 1
    )
    return Upcoming(event, starts[0], starts[0] + duration) if starts else None


def _upcoming(
    now: datetime, category: EventCategory | None, limit: int | None, cancelled: bool = True
) -> list[Upcoming]:
    """Return events not yet over at their current or next date, soonest first, loaded once."""
    times = upcoming_times(now, category, limit, cancelled)
    events = published_by_id([event_id for event_id, _, _ in times])
    return [Upcoming(events[i], starts, ends) for i, starts, ends in times if i in events]


def upcoming_times(
    now: datetime,
    category: EventCategory | None = None,
    limit: int | None = None,
    cancelled: bool = True,
) -> list[tuple[int, datetime, datetime]]:
    """Return (id, start, end) of events not yet over at their current or next date, soonest
    first, read as columns (a series' dates come from the schedule a process keeps)."""
    query = select(Event.id, Event.starts_at, Event.ends_at).where(
        Event.is_public, not_over_one_off(now)
    )
    if category:
        query = query.where(Event.category == category)
    if not cancelled:
        query = query.where(Event.event_status != EventStatus.CANCELLED)
    rows = db.session.execute(query.order_by(Event.starts_at, Event.id).limit(limit))
    times: list[tuple[int, datetime, datetime]] = [(i, starts, ends) for i, starts, ends in rows]
    times += [
        (s.id, starts, starts + s.duration)
        for starts, s in schedule.next_series(now, category, cancelled, limit)
    ]
    return sorted(times, key=lambda t: (t[1], t[0]))[:limit]


def upcoming_highlights(now: datetime, limit: int = 4) -> list[Upcoming]:
    """Return the next few events that will take place, one-off and repeating, soonest first."""
    return _upcoming(now, None, limit, cancelled=False)


def _not_over(moment: datetime) -> ColumnElement[bool]:
    """Match one-off events ending at or after ``moment`` and series still running then."""
    return or_(
        Event.recurrence_rule.is_(None) & (Event.ends_at >= moment),
        Event.recurrence_rule.is_not(None)
        & or_(Event.recurrence_until.is_(None), Event.recurrence_until >= moment),
    )


def located_not_over_query(
    now: datetime, category: EventCategory | None = None, area: Area | None = None
) -> Select:
    """Return a query for (id, latitude, longitude) of published events not over and not
    cancelled, placed at their own coordinates or else their destination's (columns labelled
    ``id``, ``latitude``, ``longitude``, for a subquery)."""
    latitude = func.coalesce(Event.latitude, Destination.latitude)
    longitude = func.coalesce(Event.longitude, Destination.longitude)
    query = (
        select(Event.id, latitude.label("latitude"), longitude.label("longitude"))
        .outerjoin(Destination, Event.destination_id == Destination.id)
        .where(Event.is_public, Event.event_status != EventStatus.CANCELLED, _not_over(now))
        .where(latitude.is_not(None), longitude.is_not(None))
    )
    if category:
        query = query.where(Event.category == category)
    if area:
        query = query.where(Event.area_id == area.id)
    return query


def events_not_over(since: datetime, category: EventCategory | None = None) -> list[Event]:
    """Return published events, one-off or repeating, not over before ``since``."""
    query = _published(category).where(_not_over(since)).order_by(Event.starts_at, Event.id)
    return list(db.session.scalars(query))


def upcoming_events(
    now: datetime, category: EventCategory | None = None, limit: int | None = None
) -> list[Upcoming]:
    """Return published events not yet over, at their current or next date, soonest first."""
    return _upcoming(now, category, limit)


def one_off_times_between(
    start: datetime, end: datetime, category: EventCategory | None = None
) -> list[tuple[int, datetime, datetime, bool]]:
    """Return (id, start, end, all day) of published one-off events overlapping a window."""
    query = select(Event.id, Event.starts_at, Event.ends_at, Event.all_day).where(
        Event.is_public,
        Event.recurrence_rule.is_(None),
        Event.starts_at < end,
        Event.starts_at >= start - longest_one_off(),
        Event.ends_at > start,
    )
    if category:
        query = query.where(Event.category == category)
    return [tuple(row) for row in db.session.execute(query)]  # type: ignore[misc]


def may_take_place_between(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Match events with an occurrence that may overlap ``[start, end)`` (series unexpanded)."""
    one_off = Event.recurrence_rule.is_(None) & (Event.ends_at > start)
    series = Event.recurrence_rule.is_not(None) & or_(
        Event.recurrence_until.is_(None), Event.recurrence_until > start
    )
    return (Event.starts_at < end) & or_(one_off, series)


def get_published_event(slug: str) -> Event | None:
    """Return a published event by slug, if any."""
    return db.session.scalar(_published().where(Event.slug == slug))
