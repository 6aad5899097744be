"""Readiness checks: can this server serve visitors now? Each check is quick and never raises.

A failing database or photo storage makes the server not ready (a load balancer should send
visitors elsewhere). Redis down is reported but not fatal: the counters it keeps fall back
to the database. A search index that is missing or behind is reported as degraded: search
still answers, from the database, while the index catches up.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import text

from branding.extensions import db
from branding.media.storage import storage

REDIS_TIMEOUT = 1.0  # seconds


@dataclass
class Check:
    name: str
    ok: bool
    required: bool = True
    detail: str = ""
    ms: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def _timed(name: str, required: bool, probe) -> Check:
    started = time.perf_counter()
    try:
        detail, extra = probe()
        ok = True
    except Exception as error:  # noqa: BLE001 - a readiness check reports, never raises
        detail, extra, ok = f"{type(error).__name__}: {error}"[:300], {}, False
    return Check(
        name, ok, required, detail, round((time.perf_counter() - started) * 1000, 1), extra
    )


def _database() -> tuple[str, dict]:
    db.session.execute(text("SELECT 1"))
    db.session.rollback()
    return db.engine.dialect.name, {}


def _redis() -> tuple[str, dict]:
    import redis

    client = redis.Redis.from_url(
        current_app.config["REDIS_URL"],
        socket_timeout=REDIS_TIMEOUT,
        socket_connect_timeout=REDIS_TIMEOUT,
    )
    try:
        client.ping()
    finally:
        client.close()
    return "ping", {}


def _storage() -> tuple[str, dict]:
    storage().check()
    return current_app.config.get("MEDIA_STORAGE", "local"), {}


def _search() -> tuple[str, dict]:
    from branding.search import outbox, positions

    state = positions.load()
    if state is None:
        raise LookupError("this server's search index was never built")
    if state.rebuild_needed:
        raise LookupError(f"needs a rebuild: {state.rebuild_needed}")
    behind = outbox.backlog(positions.position().low)
    if behind:
        return f"{behind} changes to apply", {"behind": behind}
    return "current", {"behind": 0}


def checks() -> list[Check]:
    """Run every readiness check of this server."""
    found = [_timed("database", True, _database)]
    if current_app.config.get("REDIS_URL"):
        found.append(_timed("redis", False, _redis))
    found.append(_timed("storage", True, _storage))
    found.append(_timed("search", False, _search))
    return found


def ready(found: list[Check]) -> bool:
    """Tell whether every required check passed."""
    return all(check.ok for check in found if check.required)
