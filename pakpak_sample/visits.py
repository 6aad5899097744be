"""Made-up visit counts for the sample content, so the dashboards show something at once.

Deterministic for a given day of loading: each item's numbers come from a generator seeded
with its slug and the day. Every row is marked ``is_sample`` (the dashboards say so), and they
are kept apart from real counts, which have rows of their own.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select

from branding.businesses.models import Business, Product
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.insight.models import DailyCount, SearchCount
from branding.insight.posters import add_poster

DAYS = 90
# How a day's readers split over the languages (varies a little per item).
LANGUAGE_SHARE = {"id": 0.68, "en": 0.22, "btd": 0.10}
# Contacts per page view, by kind of item.
CONTACT_RATES = {
    "destination": {"whatsapp": 0.04, "phone": 0.01, "website": 0.01, "directions": 0.12,
                    "share": 0.03},
    "event": {"whatsapp": 0.03, "phone": 0.01, "website": 0.02, "directions": 0.06,
              "share": 0.05, "calendar": 0.07},
    "business": {"whatsapp": 0.09, "phone": 0.03, "website": 0.02, "directions": 0.07,
                 "share": 0.02},
}  # fmt: skip
SEARCHES = {
    "id": ["air terjun", "kopi", "penginapan", "festival", "danau", "oleh-oleh", "kuliner",
           "pemandu wisata", "homestay", "jeruk", "tenun", "air terjun lae une"],
    "en": ["waterfall", "coffee", "homestay", "festival", "hiking", "lake", "souvenirs"],
    "btd": ["lae", "kopi", "oang-oang"],
}  # fmt: skip
POSTERS = [  # (kind, slug, label, languages, scans a day on average)
    ("destination", "air-terjun-lae-une", "Gerbang Air Terjun Lae Une", ["id", "en"], 4.0),
    ("destination", "telaga-tinada", "Pos loket Telaga Tinada", ["id", "en", "btd"], 1.5),
    ("event", "festival-budaya-pakpak-bharat", "Panggung festival", ["id", "en", "btd"], 2.5),
    ("business", "kopi-bukit-salak", "Meja kasir", ["id", "en"], 1.2),
]


def _noisy(rng: random.Random, mean: float) -> int:
    """A whole number around ``mean`` (never negative)."""
    if mean <= 0:
        return 0
    return max(0, round(rng.gauss(mean, mean**0.5)))


def _popularity(rng: random.Random, kind: str, featured: bool) -> float:
    base = {"destination": 18.0, "event": 9.0, "business": 7.0}[kind]
    return base * rng.uniform(0.3, 1.6) * (2.2 if featured else 1.0)


def add_sample_visits(today: date) -> int:
    """Stage made-up counts for the last 90 days before ``today``; return how many rows."""
    items = _public_items()
    rows: list[dict] = []
    days = [today - timedelta(days=n) for n in range(DAYS, 0, -1)]
    for kind, item, shown in items:
        rng = random.Random(f"{kind}:{item.slug}:{today.isoformat()}")
        level = _popularity(rng, kind, getattr(item, "featured", False))
        shares = {code: share * rng.uniform(0.7, 1.3) for code, share in LANGUAGE_SHARE.items()}
        total_share = sum(shares.values())
        for n, day in enumerate(days):
            weekend = 1.7 if day.weekday() >= 5 else 1.0
            growth = 0.75 + 0.5 * n / DAYS  # the site is getting known
            views = {code: _noisy(rng, level * weekend * growth * s / total_share)
                     for code, s in shares.items()}  # fmt: skip
            for code, number in views.items():
                if number:
                    rows.append(_row(day, kind, item.id, "view", code, number))
                    rows += [_row(day, "product", p, "view", code, number) for p in shown]
            seen = sum(views.values())
            for action, rate in CONTACT_RATES[kind].items():
                number = _noisy(rng, seen * rate)
                if number:
                    rows.append(_row(day, kind, item.id, action, _main_language(rng), number))
    rows += _poster_rows(today, days)
    if rows:
        db.session.execute(insert(DailyCount), rows)
    searches = _search_rows(today, days)
    if searches:
        db.session.execute(insert(SearchCount), searches)
    return len(rows) + len(searches)


def _row(day: date, kind: str, item_id: int, action: str, lang: str, count: int) -> dict:
    return {"day": day, "subject_type": kind, "subject_id": item_id, "action": action,
            "lang": lang, "is_sample": True, "count": count}  # fmt: skip


def _main_language(rng: random.Random) -> str:
    return rng.choices(list(LANGUAGE_SHARE), weights=list(LANGUAGE_SHARE.values()))[0]


def _public_items() -> list[tuple[str, Any, list[int]]]:
    """The sample items visitors see, with the products each business page shows."""
    found: list[tuple[str, Any, list[int]]] = []
    models: tuple[tuple[str, Any], ...] = (("destination", Destination), ("event", Event))
    for kind, model in models:
        query = select(model).where(model.is_public, model.is_sample).order_by(model.slug)
        found += [(kind, item, []) for item in db.session.scalars(query)]
    businesses = select(Business).where(Business.is_public, Business.is_sample)
    for business in db.session.scalars(businesses.order_by(Business.slug)):
        products = select(Product.id).where(Product.business_id == business.id, Product.is_public)
        found.append(("business", business, list(db.session.scalars(products))))
    return found


def _poster_rows(today: date, days: list[date]) -> list[dict]:
    """Stage the sample posters and their scans."""
    models: dict[str, Any] = {"destination": Destination, "event": Event, "business": Business}
    rows: list[dict] = []
    for kind, slug, label, languages, per_day in POSTERS:
        model = models[kind]
        item = db.session.scalar(select(model).where(model.slug == slug))
        if item is None:
            continue
        poster = add_poster(item, languages, label, is_sample=True)
        db.session.flush()
        rng = random.Random(f"poster:{slug}:{today.isoformat()}")
        for day in days[-60:]:  # hung two months ago
            for code in languages:
                number = _noisy(rng, per_day * LANGUAGE_SHARE[code] * 1.5)
                if number:
                    rows.append(_row(day, "poster", poster.id, "scan", code, number))
    return rows


def _search_rows(today: date, days: list[date]) -> list[dict]:
    rng = random.Random(f"searches:{today.isoformat()}")
    rows = []
    for lang, queries in SEARCHES.items():
        for rank, query in enumerate(queries):
            mean = 6.0 / (rank + 1) * {"id": 1.0, "en": 0.5, "btd": 0.2}[lang]
            for day in days:
                number = _noisy(rng, mean)
                if number:
                    rows.append({"day": day, "lang": lang, "query": query, "is_sample": True,
                                 "count": number})  # fmt: skip
    return rows
