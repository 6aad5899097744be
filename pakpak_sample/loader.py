"""Load the sample content of Pakpak Bharat in one transaction, then illustrate it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from branding.accounts.models import User
from branding.accounts.services import add_user, find_user
from branding.areas.editing import add_area
from branding.areas.models import Area, AreaKind
from branding.businesses.editing import add_business, add_product
from branding.businesses.models import Business, ModerationStatus
from branding.core.content.publishing import PublicationStatus, utcnow
from branding.destinations.editing import add_destination
from branding.destinations.models import Destination
from branding.events.editing import add_event
from branding.events.models import Event
from branding.extensions import db
from branding.identity.models import BrandingSettings
from pakpak_sample.areas import AREAS
from pakpak_sample.businesses import BUSINESSES
from pakpak_sample.destinations_culture import CULTURE
from pakpak_sample.destinations_land import LAND
from pakpak_sample.destinations_water import WATER
from pakpak_sample.events_past import PAST
from pakpak_sample.events_upcoming import UPCOMING
from pakpak_sample.photos import add_sample_photos
from pakpak_sample.products_goods import GOODS
from pakpak_sample.products_services import SERVICES
from pakpak_sample.settings import SETTINGS
from pakpak_sample.users import SAMPLE_PASSWORD, USERS
from pakpak_sample.visits import add_sample_visits

WIB = ZoneInfo("Asia/Jakarta")
SAMPLE = {"is_sample": True}


def has_content() -> bool:
    """Tell whether any area, destination, event or business exists."""
    models = (Area, Destination, Event, Business)
    return any(db.session.scalar(select(m.id).limit(1)) is not None for m in models)


def load_sample_data(today: date | None = None, photos: bool = True, visits: bool = True) -> str:
    """Add the whole sample and its pictures; return a summary of what was added.

    The content is added in one transaction, with made-up visit counts of the last 90 days
    (``visits=False`` leaves them out). The pictures follow once it is committed: the
    photo service commits each photo by itself (and removes the files of one that fails);
    a failure there leaves the content in place with fewer pictures. Making the pictures'
    renditions takes most of the time (10–20 s); ``photos=False`` skips them.
    """
    today = today or datetime.now(WIB).date()
    try:
        counts = _add_everything(today)
        if visits:
            db.session.flush()
            counts["visit counts"] = add_sample_visits(today)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    counts["photos"] = add_sample_photos() if photos else 0
    return ", ".join(f"{count} {name}" for name, count in counts.items())


def _add_everything(today: date) -> dict[str, int]:
    """Stage settings, areas, destinations, events, users, businesses and products."""
    _add_settings()
    areas = _add_areas()
    destinations = _add_destinations(areas)
    events = _add_events(areas, destinations, today)
    users = _add_users()
    businesses, products = _add_businesses(areas, users)
    return {
        "areas": len(areas),
        "destinations": len(destinations),
        "events": events,
        "businesses": businesses,
        "products": products,
        "users": len(users),
    }


def _add_settings() -> None:
    """Stage the sample branding settings, unless the regency already has its own."""
    if db.session.scalar(select(BrandingSettings.id).limit(1)) is None:
        db.session.add(BrandingSettings(**SETTINGS, **SAMPLE))


def _add_areas() -> dict[str, Area]:
    """Stage the districts and return them by slug."""
    return {a["slug"]: add_area(kind=AreaKind.DISTRICT, **a, **SAMPLE) for a in AREAS}


def _add_destinations(areas: dict[str, Area]) -> dict[str, Destination]:
    """Stage the destinations, published unless marked otherwise, and return them by slug."""
    staged = {}
    for data in WATER + LAND + CULTURE:
        fields = {"status": PublicationStatus.PUBLISHED, **data, **SAMPLE}
        fields["area"] = areas[fields["area"]]
        staged[data["slug"]] = add_destination(**fields)
    return staged


def _add_events(areas: dict[str, Area], destinations: dict[str, Destination], today: date) -> int:
    """Stage the events, dated relative to ``today``, and return how many."""
    for data in PAST + UPCOMING:
        fields = {"status": PublicationStatus.PUBLISHED, **data, **SAMPLE}
        fields.update(event_times(fields.pop("when"), today, fields.get("recurrence_rule")))
        if "destination" in fields:
            fields["destination"] = destinations[fields["destination"]]
        if "area" in fields:
            fields["area"] = areas[fields["area"]]
        add_event(**fields)
    return len(PAST) + len(UPCOMING)


def event_times(when: dict, today: date, rule: str | None = None) -> dict:
    """Return starts_at, ends_at and all_day (aware, WIB) for a relative ``when``."""
    first = today + timedelta(days=when["day"])
    if "weekday" in when:
        first -= timedelta(days=(first.weekday() - when["weekday"]) % 7)
    if rule and "FREQ=YEARLY" in rule and (first.month, first.day) == (2, 29):
        first -= timedelta(days=1)  # a yearly series must not start on a leap day
    last = first + timedelta(days=when.get("end_day", when["day"]) - when["day"])
    all_day = when.get("all_day", False)
    opens = "00:00" if all_day else when["start"]
    closes = "23:59" if all_day else when["end"]
    return {
        "starts_at": _at(first, opens),
        "ends_at": _at(last, closes),
        "all_day": all_day,
    }


def _at(day: date, hhmm: str) -> datetime:
    """Return an aware WIB datetime for a day and an ``HH:MM`` wall-clock time."""
    return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=WIB)


def _add_users() -> dict[str, User]:
    """Stage the sample accounts (reusing any that exist) and return them by e-mail."""
    staged = {}
    for data in USERS:
        user = find_user(data["email"]) or add_user(
            data["email"], SAMPLE_PASSWORD, data["role"], data["display_name"]
        )
        user.is_sample = True
        staged[data["email"]] = user
    return staged


def _add_businesses(areas: dict[str, Area], users: dict[str, User]) -> tuple[int, int]:
    """Stage the businesses with their products; return how many of each."""
    products = 0
    for index, data in enumerate(BUSINESSES):
        fields = {"status": ModerationStatus.APPROVED, **data, **SAMPLE}
        fields["area"] = areas[fields["area"]]
        fields["owner"] = users[fields["owner"]]
        products += _add_products(add_business(**fields), index)
    return len(BUSINESSES), products


def _add_products(business: Business, index: int) -> int:
    """Stage a business's products and return how many.

    Creation times are staggered so that "newest products" lists show the first product
    of each business before the second of any.
    """
    items = GOODS.get(business.slug, []) + SERVICES.get(business.slug, [])
    for position, item in enumerate(items):
        created = utcnow() - timedelta(minutes=position * len(BUSINESSES) + index)
        fields = {"status": ModerationStatus.APPROVED, **item, **SAMPLE, "created_at": created}
        add_product(business, **fields)
    return len(items)
