"""The audit log: who changed what, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.accounts.models import AuditEntry, User
from branding.extensions import db


def _plain(value: Any) -> Any:
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def _same(old: Any, new: Any) -> bool:
    """Whether two values are equal, counting None, "", {} and [] as the same blank."""
    blank = (None, "", {}, [])
    return (old in blank and new in blank) or old == new


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list]:
    """Return {field: [old, new]} for the fields whose value changed (and only those)."""
    return {
        name: [_plain(before.get(name)), _plain(value)]
        for name, value in after.items()
        if not _same(_plain(before.get(name)), _plain(value))
    }


def record(actor: User | None, action: str, target: Any, changes: dict | None = None) -> AuditEntry:
    """Stage an audit entry for an action on a row (the caller's service commits)."""
    label = getattr(target, "slug", None) or getattr(target, "email", None) or ""
    entry = AuditEntry(
        actor=actor,
        action=action,
        target_type=target.__tablename__,
        target_id=target.id,
        target_label=str(label)[:200],
        changes=changes or {},
    )
    db.session.add(entry)
    return entry


def recent_entries(limit: int = 100, target: Any = None) -> list[AuditEntry]:
    """Return the latest audit entries, optionally for one row."""
    query = select(AuditEntry).options(selectinload(AuditEntry.actor))
    if target is not None:
        query = query.where(
            AuditEntry.target_type == target.__tablename__, AuditEntry.target_id == target.id
        )
    query = query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()).limit(limit)
    return list(db.session.scalars(query))


@dataclass(frozen=True)
class AuditFilter:
    """What the office looks for in the log: who, what kind of thing or action, and when."""

    actor_id: int | None = None
    target_type: str = ""
    action: str = ""
    since: datetime | None = None  # inclusive, UTC
    until: datetime | None = None  # exclusive, UTC


def search(found: AuditFilter, page: int, per_page: int = 50) -> Pagination:
    """Return a page of audit entries matching the filter, most recent first."""
    query = select(AuditEntry).options(selectinload(AuditEntry.actor))
    if found.actor_id is not None:
        query = query.where(AuditEntry.actor_id == found.actor_id)
    if found.target_type:
        query = query.where(AuditEntry.target_type == found.target_type)
    if found.action:
        query = query.where(AuditEntry.action == found.action)
    if found.since is not None:
        query = query.where(AuditEntry.created_at >= found.since)
    if found.until is not None:
        query = query.where(AuditEntry.created_at < found.until)
    query = query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def choices() -> tuple[list[User], list[str], list[str]]:
    """Return the people, kinds of thing and actions that appear in the log, for filters."""
    actors = select(AuditEntry.actor_id).where(AuditEntry.actor_id.is_not(None)).distinct()
    people = list(db.session.scalars(select(User).where(User.id.in_(actors)).order_by(User.email)))
    kinds = sorted(db.session.scalars(select(AuditEntry.target_type).distinct()))
    actions = sorted(db.session.scalars(select(AuditEntry.action).distinct()))
    return people, kinds, actions
