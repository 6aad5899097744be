"""Failed-login limits per account and per client, shared by every worker process.

Redis keeps the counters when REDIS_URL is set; otherwise the database does.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Protocol

from flask import current_app
from sqlalchemy import delete, func, select

from branding.accounts.models import LoginFailure
from branding.core.content.publishing import utcnow
from branding.extensions import db


def _key(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:40]


class FailureCounter(Protocol):
    def count(self, kind: str, key: str) -> int: ...
    def add(self, account: str, client: str) -> None: ...
    def clear_account(self, account: str) -> None: ...


class DatabaseCounter:
    """Count failures as rows in login_failures (committed by the caller's service)."""

    def __init__(self, window: int) -> None:
        self.window = timedelta(seconds=window)

    def count(self, kind: str, key: str) -> int:
        column = LoginFailure.account_key if kind == "account" else LoginFailure.client_key
        since = utcnow() - self.window
        query = select(func.count()).where(column == key, LoginFailure.created_at >= since)
        return db.session.scalar(query) or 0

    def add(self, account: str, client: str) -> None:
        db.session.add(LoginFailure(account_key=account, client_key=client, created_at=utcnow()))
        db.session.execute(
            delete(LoginFailure).where(LoginFailure.created_at < utcnow() - 4 * self.window)
        )

    def clear_account(self, account: str) -> None:
        db.session.execute(delete(LoginFailure).where(LoginFailure.account_key == account))


class RedisCounter:
    """Count failures in Redis keys that expire with the window."""

    def __init__(self, client, window: int) -> None:
        self.redis, self.window = client, window

    def count(self, kind: str, key: str) -> int:
        return int(self.redis.get(f"login-failures:{kind}:{key}") or 0)

    def add(self, account: str, client: str) -> None:
        pipe = self.redis.pipeline()
        for kind, key in (("account", account), ("client", client)):
            pipe.incr(f"login-failures:{kind}:{key}")
            pipe.expire(f"login-failures:{kind}:{key}", self.window, nx=True)
        pipe.execute()

    def clear_account(self, account: str) -> None:
        self.redis.delete(f"login-failures:account:{account}")


def counter() -> FailureCounter:
    """Return the failure counter this app is configured for."""
    return current_app.extensions["login_failures"]


def is_blocked(email: str, client: str) -> bool:
    """Tell whether this account or this client has failed too often recently."""
    config = current_app.config
    failures = counter()
    return (
        failures.count("account", _key(email)) >= config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
        or failures.count("client", _key(client)) >= config["LOGIN_MAX_FAILURES_PER_CLIENT"]
    )


def record_failure(email: str, client: str) -> None:
    """Count a failed login against the account and the client."""
    counter().add(_key(email), _key(client))


def clear_failures(email: str) -> None:
    """Forget an account's failures after a successful login."""
    counter().clear_account(_key(email))


def init_app(app) -> None:
    """Pick Redis when REDIS_URL is set, else the database."""
    window = app.config["LOGIN_FAILURE_WINDOW_SECONDS"]
    if app.config.get("REDIS_URL"):
        import redis

        client = redis.Redis.from_url(app.config["REDIS_URL"], socket_timeout=2)
        app.extensions["login_failures"] = RedisCounter(client, window)
    else:
        app.extensions["login_failures"] = DatabaseCounter(window)
