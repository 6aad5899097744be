"""Scheduled publishing: what is due at a moment, done exactly once.

``run_due(now)`` is a plain function for a job runner (or ``flask publish due`` from cron):
it publishes the items whose ``publish_at`` has come (with their newest draft), takes back
to draft those whose ``unpublish_at`` has come, then runs the other due tasks features
registered (such as removing businesses whose owners deleted them). Each item is claimed
by a conditional ``UPDATE … WHERE publish_at <= now`` that clears the time as the first
statement of its own transaction: of two runners at once, on SQLite (one writer at a time)
or PostgreSQL (the row lock, then the condition checked again), only one changes a row,
and the other finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from branding.accounts import audit
from branding.core import jobs
from branding.core.content.publishing import PublicationStatus, utcnow
from branding.editorial.editing import derive_published, publish_waiting
from branding.extensions import db

SCHEDULED: list[type[Any]] = []  # models with publish_at / unpublish_at
TASKS: dict[str, Callable[[datetime], int]] = {}  # other due work, by name


def schedule(model: type[Any]) -> None:
    """Let run_due publish and unpublish rows of this model at their times."""
    if model not in SCHEDULED:
        SCHEDULED.append(model)


def task(name: str, run: Callable[[datetime], int]) -> None:
    """Add due work that run_due does after publishing (it returns how much it did)."""
    TASKS[name] = run


@dataclass
class DueReport:
    published: list[str] = field(default_factory=list)  # "destinations:12"
    unpublished: list[str] = field(default_factory=list)
    tasks: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        done = ", ".join(f"{name} {count}" for name, count in self.tasks.items())
        text = f"published {len(self.published)}, unpublished {len(self.unpublished)}"
        return f"{text}; {done}" if done else text


def _claim(model: type[Any], column: str, item_id: int, now: datetime) -> bool:
    """Clear a due time if it is still due; True for the one runner that did."""
    when = getattr(model, column)
    claim = (
        update(model.__table__)
        .where(model.__table__.c.id == item_id, when <= now)
        .values({column: None})
    )
    return db.session.connection().execute(claim).rowcount == 1


def _due_ids(model: type[Any], column: str, now: datetime) -> list[int]:
    when = getattr(model, column)
    ids = list(db.session.scalars(select(model.id).where(when <= now).order_by(when, model.id)))
    db.session.commit()  # end the read before the first claim
    return ids


def _publish(model: type[Any], item_id: int, now: datetime) -> bool:
    if not _claim(model, "publish_at", item_id, now):
        db.session.rollback()
        return False
    item = db.session.get(model, item_id, populate_existing=True)
    if item is None:  # the claim matched it, so only a concurrent delete lands here
        db.session.commit()
        return False
    draft = publish_waiting(item, None)
    before = item.status.value
    item.status = PublicationStatus.PUBLISHED
    item.updated_at = now
    derive_published(item)
    changes: dict[str, list[Any]] = {"status": [before, "published"], "publish_at": ["due", None]}
    if draft is not None:
        changes["revision"] = [None, draft.id]
    audit.record(None, "scheduled publish", item, changes)
    db.session.commit()
    return True


def _unpublish(model: type[Any], item_id: int, now: datetime) -> bool:
    if not _claim(model, "unpublish_at", item_id, now):
        db.session.rollback()
        return False
    item = db.session.get(model, item_id, populate_existing=True)
    if item is None:  # the claim matched it, so only a concurrent delete lands here
        db.session.commit()
        return False
    before = item.status.value
    item.status = PublicationStatus.DRAFT
    item.updated_at = now
    audit.record(
        None,
        "scheduled unpublish",
        item,
        {"status": [before, "draft"], "unpublish_at": ["due", None]},
    )
    db.session.commit()
    return True


@jobs.every("scheduled publishing and tasks", minutes="*")
def run_due_now() -> str:
    """Do what is due now (the worker, every minute)."""
    return str(run_due())


def run_due(now: datetime | None = None) -> DueReport:
    """Do what is due at ``now``: scheduled publishing, then the registered tasks."""
    now = now or utcnow()
    report = DueReport()
    for model in SCHEDULED:
        for item_id in _due_ids(model, "publish_at", now):
            if _publish(model, item_id, now):
                report.published.append(f"{model.__tablename__}:{item_id}")
        for item_id in _due_ids(model, "unpublish_at", now):
            if _unpublish(model, item_id, now):
                report.unpublished.append(f"{model.__tablename__}:{item_id}")
    for name, run in TASKS.items():
        report.tasks[name] = run(now)
    return report
