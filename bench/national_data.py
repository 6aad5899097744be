"""Fill a database with a national scale of content, through the platform's own services.

Run from the project folder, on an empty database (a migrated one is made if needed):

    DATABASE_URL=sqlite:////tmp/national.sqlite3 .venv/bin/python bench/national_data.py
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/national .venv/bin/python \\
        bench/national_data.py --scale 0.1       # a tenth, for a quick look

What it makes (at ``--scale 1``), deterministically from ``--seed``:

- 40 areas; 2,000 destinations; 20,000 events, of which 2,000 repeat weekly for a year with
  a few exception dates each; 10,000 businesses owned by 1,000 owners; 100,000 products;
- texts in Indonesian, most in English, some in Pakpak (synthetic words shaped like each
  language: this is about cost, not meaning), coordinates around Pakpak Bharat, opening
  hours, prices;
- photo rows (no files: pages only name them) for a third of the items.

Every row goes through the ``add_*`` functions the sample and the tests use, so derived fields
(publication dates, event areas, series ends, approval snapshots) and the search outbox are
what the platform itself writes; the search index is rebuilt at the end (``--no-index`` skips).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from branding import create_app  # noqa: E402
from branding.accounts.models import Role, User  # noqa: E402
from branding.accounts.services import add_user  # noqa: E402
from branding.areas.editing import add_area  # noqa: E402
from branding.areas.models import Area, AreaKind  # noqa: E402
from branding.businesses.editing import add_business, add_product  # noqa: E402
from branding.businesses.models import BusinessCategory, ModerationStatus  # noqa: E402
from branding.core.content.publishing import PublicationStatus  # noqa: E402
from branding.core.migrating import upgrade  # noqa: E402
from branding.core.planner import refresh_statistics  # noqa: E402
from branding.destinations.editing import add_destination  # noqa: E402
from branding.destinations.models import DestinationCategory, Facility  # noqa: E402
from branding.events.editing import add_event  # noqa: E402
from branding.events.models import EventCategory  # noqa: E402
from branding.extensions import db  # noqa: E402
from branding.media.models import Photo  # noqa: E402
from branding.search.rebuild import rebuild  # noqa: E402

FULL = {"area": 40, "destination": 2000, "event": 20000, "repeating": 2000,
        "owner": 1000, "business": 10000, "product": 100000}  # fmt: skip
BATCH = 500  # rows per commit
ONSETS = "b c d g h j k l m n p r s t ng ny".split()
VOWELS = "aeiou"
EN = "lake hill falls river forest coffee market house village road stone view".split()
START = datetime(2026, 12, 1, tzinfo=UTC)


class Words:
    """Synthetic words per language, skewed so that some are common (as in real text)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        roots = sorted({self._root() for _ in range(4000)})
        rng.shuffle(roots)
        self.id = roots[:2500]
        self.btd = roots[2500:]
        self.en = [w + s for w in EN for s in ("", "s", "side", "land", "er")] + roots[:400]
        self.weights = {n: [1 / (r + 10) for r in range(len(getattr(self, n)))]
                        for n in ("id", "en", "btd")}  # fmt: skip

    def _root(self) -> str:
        rng = self.rng
        return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.choice((2, 3))))

    def text(self, lang: str, count: int) -> str:
        words = self.rng.choices(getattr(self, lang), self.weights[lang], k=count)
        return " ".join(words).capitalize()

    def texts(self, count: int, en: float = 0.8, btd: float = 0.15) -> dict[str, str]:
        """Return a text in Indonesian, often in English, sometimes in Pakpak."""
        found = {"id": self.text("id", count)}
        if self.rng.random() < en:
            found["en"] = self.text("en", count)
        if self.rng.random() < btd:
            found["btd"] = self.text("btd", count)
        return found


class Generator:
    """Make the rows, in batches, through the services."""

    def __init__(self, scale: float, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = Words(self.rng)
        self.counts = {kind: max(1, round(n * scale)) for kind, n in FULL.items()}
        self.counts["area"] = FULL["area"]
        self.photo_serial = 0

    def point(self) -> tuple[float, float]:
        return self.rng.uniform(2.35, 2.95), self.rng.uniform(98.05, 98.55)

    def hours(self) -> dict:
        opens = self.rng.choice(("07:00", "08:00", "09:00"))
        closes = self.rng.choice(("16:00", "17:00", "21:00"))
        days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        return {"weekly": {d: [[opens, closes]] for d in days if self.rng.random() < 0.85},
                "exceptions": [{"date": "2026-12-25", "closed": True}]}  # fmt: skip

    def photos(self, item) -> None:
        if self.rng.random() >= 1 / 3:
            return
        for position in range(self.rng.randint(1, 3)):
            self.photo_serial += 1
            key = f"{self.photo_serial:024x}"
            item.photos.append(Photo(storage_key=key, width=1600, height=1200,
                                     widths=[320, 640, 1024, 1600], position=position,
                                     alt=self.words.texts(4, btd=0), approved=True))  # fmt: skip

    def area(self, n: int) -> Area:
        lat, lon = self.point()
        name = self.words.text("id", 2)
        kind = AreaKind.DISTRICT if n < 8 else AreaKind.TOURISM_AREA
        return add_area(slug=f"area-{n}", kind=kind, name={"id": name, "en": name},
                        latitude=lat, longitude=lon)  # fmt: skip

    def destination(self, n: int, areas: list[Area]) -> None:
        rng, w = self.rng, self.words
        lat, lon = self.point()
        destination = add_destination(
            slug=f"destinasi-{n}", status=PublicationStatus.PUBLISHED, featured=n < 12,
            category=rng.choice(list(DestinationCategory)), area=rng.choice(areas),
            name=w.texts(rng.randint(2, 4)), summary=w.texts(rng.randint(8, 15)),
            description=w.texts(rng.randint(40, 90)), tips=w.texts(rng.randint(5, 12)),
            how_to_get_there=w.texts(rng.randint(8, 15)), latitude=lat, longitude=lon,
            opening_hours=self.hours(), entry_free=rng.random() < 0.4,
            ticket_price_adult=rng.choice((5000, 10000, 15000, 25000)),
            facilities=rng.sample([f.value for f in Facility], rng.randint(0, 4)),
        )  # fmt: skip
        self.photos(destination)

    def event(self, n: int, areas: list[Area], repeating: bool) -> None:
        rng, w = self.rng, self.words
        starts = START + timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 12))
        if repeating:
            starts = START + timedelta(days=rng.randint(-30, 30), hours=1)
        fields = {}
        if repeating:
            day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[starts.weekday()]
            fields["recurrence_rule"] = f"FREQ=WEEKLY;BYDAY={day};COUNT=52"  # a year
            skipped = [starts + timedelta(weeks=rng.randint(1, 50)) for _ in range(3)]
            fields["recurrence_exdates"] = sorted({d.date().isoformat() for d in skipped})
        lat, lon = self.point()
        event = add_event(
            slug=f"acara-{n}", status=PublicationStatus.PUBLISHED,
            category=rng.choice(list(EventCategory)), area=rng.choice(areas),
            title=w.texts(rng.randint(3, 5)), summary=w.texts(rng.randint(8, 12)),
            description=w.texts(rng.randint(20, 50)), starts_at=starts,
            ends_at=starts + timedelta(hours=rng.choice((2, 3, 4, 8, 30))),
            venue_name=w.text("id", 2), latitude=lat, longitude=lon,
            entry_free=rng.random() < 0.6, price=rng.choice((None, 10000, 25000)), **fields,
        )  # fmt: skip
        self.photos(event)

    def owner(self, n: int) -> None:
        add_user(f"pemilik{n}@example.com", "bench password 2026", Role.OWNER)

    def business(self, n: int, areas: list[Area], owners: list[User]) -> None:
        rng, w = self.rng, self.words
        lat, lon = self.point()
        business = add_business(
            slug=f"usaha-{n}", owner=owners[n % len(owners)], status=ModerationStatus.APPROVED,
            name=w.text("id", rng.randint(2, 3)), category=rng.choice(list(BusinessCategory)),
            area=rng.choice(areas), summary=w.texts(rng.randint(8, 12)),
            description=w.texts(rng.randint(15, 40)), latitude=lat, longitude=lon,
            opening_hours=self.hours(), whatsapp=f"0812{n:08d}"[:13], verified=n % 7 == 0,
        )  # fmt: skip
        self.photos(business)
        for _ in range(self.products_for(n)):
            self.product(business)

    def products_for(self, n: int) -> int:
        per = self.counts["product"] // self.counts["business"]
        extra = self.counts["product"] - per * self.counts["business"]
        return per + (1 if n < extra else 0)

    def product(self, business) -> None:
        rng, w = self.rng, self.words
        low = rng.choice((5000, 15000, 25000, 50000, 150000))
        product = add_product(
            business, status=ModerationStatus.APPROVED, name=w.texts(rng.randint(2, 4)),
            description=w.texts(rng.randint(4, 15)), price_min=low,
            price_max=low * 2 if rng.random() < 0.2 else None,
            unit={"id": "per buah", "en": "each"}, available=rng.random() < 0.9,
        )  # fmt: skip
        self.photos(product)


def _batches(label: str, total: int, make, reload) -> None:
    """Call ``make(n)`` for n in range(total), committing every BATCH rows, with a progress bar.

    After each commit the session is emptied (so memory stays flat) and ``reload()`` fetches
    again the rows the next batch refers to.
    """
    reload()
    with click.progressbar(range(total), label=f"{label:>12}", show_pos=True) as numbers:
        for n in numbers:
            make(n)
            if (n + 1) % BATCH == 0:
                db.session.commit()
                db.session.expunge_all()
                reload()
    db.session.commit()
    db.session.expunge_all()


def generate(scale: float, seed: int, index: bool) -> dict[str, int]:
    """Make the whole data set in the current app; return the counts."""
    gen = Generator(scale, seed)
    counts, refs = gen.counts, {}

    def reload() -> None:
        refs["areas"] = list(db.session.scalars(select(Area).order_by(Area.id)))
        refs["owners"] = list(db.session.scalars(select(User).order_by(User.id)))

    _batches("areas", counts["area"], gen.area, reload)
    _batches("destinations", counts["destination"],
             lambda n: gen.destination(n, refs["areas"]), reload)  # fmt: skip
    repeating = counts["repeating"]
    _batches("events", counts["event"],
             lambda n: gen.event(n, refs["areas"], n < repeating), reload)  # fmt: skip
    _batches("owners", counts["owner"], gen.owner, reload)
    _batches("businesses", counts["business"],
             lambda n: gen.business(n, refs["areas"], refs["owners"]), reload)  # fmt: skip
    refresh_statistics()  # as the worker does at start and daily
    if index:
        started = time.perf_counter()
        documents = rebuild()
        print(f"search index: {documents} documents in {time.perf_counter() - started:.0f} s")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 is national scale")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--no-index", action="store_true", help="skip the search index")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL to an empty database (this fills it)")
    app = create_app({"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_KIB": 1024, "ARGON2_PARALLELISM": 1})
    started = time.perf_counter()
    with app.app_context():
        upgrade()
        if db.session.scalar(select(func.count()).select_from(Area)):
            parser.error("the database has content already: use an empty one")
        counts = generate(args.scale, args.seed, not args.no_index)
    print(f"made {counts} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
