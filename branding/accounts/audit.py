"""The audit log: who changed what, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.accounts.models import AuditEntry, User
from branding.extensions import db


def _plain(value: Any) -> Any:
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list]:
    """Return {field: [old, new]} for the fields whose value changed."""
    return {
        name: [_plain(before.get(name)), _plain(value)]
        for name, value in after.items()
        if _plain(before.get(name)) != _plain(value)
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
