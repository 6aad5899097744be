"""Coverage over time: one row per language and day (WIB), by a daily job and each approval."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from branding.core import jobs
from branding.core.content.publishing import utcnow
from branding.core.i18n import LANGUAGES
from branding.core.i18n.formatting import WIB
from branding.extensions import db
from branding.workbench.coverage import content_coverage, interface_coverage
from branding.workbench.models import CoverageRecord

SHOWN_DAYS = 30


def today() -> date:
    """Return today's date in the regency (WIB)."""
    return datetime.now(WIB).date()


def stage_record(day: date | None = None, languages: tuple[str, ...] = tuple(LANGUAGES)) -> None:
    """Write (or rewrite) the day's coverage of these languages; the caller commits."""
    day, now = day or today(), utcnow()
    rows = []
    for lang in languages:
        interface, content = interface_coverage(lang), content_coverage(lang)
        rows.append(
            {"day": day, "lang": lang, "interface_done": interface.translated,
             "interface_total": interface.total, "content_done": content.complete,
             "content_total": content.total, "recorded_at": now}
        )  # fmt: skip
    dialect = db.session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(CoverageRecord.__table__)
    statement = statement.on_conflict_do_update(
        index_elements=["day", "lang"],
        set_={name: statement.excluded[name] for name in rows[0] if name not in ("day", "lang")},
    )
    db.session.execute(statement, rows)


@jobs.every("translation coverage recorded", minutes="41", at_start=True)
def record_today() -> None:
    """Record today's coverage of every language (hourly: the day keeps its latest figures)."""
    stage_record()
    db.session.commit()


@dataclass(frozen=True)
class Point:
    """One day's figures of one language."""

    day: date
    interface_done: int
    interface_total: int
    content_done: int
    content_total: int

    @property
    def interface_percent(self) -> float:
        return 100.0 * self.interface_done / self.interface_total if self.interface_total else 0.0

    @property
    def content_percent(self) -> float:
        return 100.0 * self.content_done / self.content_total if self.content_total else 0.0


def over_time(days: int = SHOWN_DAYS) -> dict[str, list[Point]]:
    """Return each language's recorded days of the last ``days``, oldest first."""
    since = today() - timedelta(days=days - 1)
    query = (
        select(CoverageRecord)
        .where(CoverageRecord.day >= since)
        .order_by(CoverageRecord.day, CoverageRecord.lang)
    )
    found: dict[str, list[Point]] = defaultdict(list)
    for row in db.session.scalars(query):
        found[row.lang].append(
            Point(row.day, row.interface_done, row.interface_total, row.content_done,
                  row.content_total)
        )  # fmt: skip
    return {code: found[code] for code in LANGUAGES if found.get(code)}
