"""Counting events per key over a sliding window, shared by every worker process.

Redis keeps the events when ``REDIS_URL`` is set (a sorted set per key, scored by time);
otherwise the ``rate_events`` table does. When Redis does not answer, the counts go to the
database instead of failing the request, and Redis is tried again after
``REDIS_RETRY_SECONDS``: an outage slows nothing down and refuses nobody.

Used by the login throttle (``accounts.throttle``) and by the limits on registration,
password-reset mail and uploads (:func:`limit`).
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from flask import Flask, current_app
from sqlalchemy import delete, func, select
from werkzeug.exceptions import TooManyRequests

from branding.accounts.models import RateEvent
from branding.core.content.publishing import utcnow
from branding.extensions import db

log = logging.getLogger(__name__)
REDIS_RETRY_SECONDS = 30
KEEP_SECONDS = 24 * 3600  # the longest window any limit uses


def now() -> float:
    """The clock every limit reads (seconds since the epoch; tests move it)."""
    return time.time()


def key_of(value: str) -> str:
    """Return a fixed-length key for an e-mail address, a client address or a user id."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:40]


@dataclass(frozen=True)
class Window:
    """What a key has done within a window: how many events, the latest one's time (epoch)."""

    count: int
    latest: float | None


class Store(Protocol):
    def add(self, bucket: str, key: str, now: float) -> None: ...
    def window(self, bucket: str, key: str, since: float) -> Window: ...
    def clear(self, bucket: str, key: str) -> None: ...


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


class DatabaseStore:
    """Events as rows; each ``add`` commits at once (a refused request must still count)."""

    def add(self, bucket: str, key: str, now: float) -> None:
        db.session.add(RateEvent(bucket=bucket, key=key, created_at=_utc(now)))
        old = utcnow() - timedelta(seconds=KEEP_SECONDS)
        db.session.execute(delete(RateEvent).where(RateEvent.created_at < old))
        db.session.commit()

    def window(self, bucket: str, key: str, since: float) -> Window:
        query = select(func.count(), func.max(RateEvent.created_at)).where(
            RateEvent.bucket == bucket,
            RateEvent.key == key,
            RateEvent.created_at >= _utc(since),
        )
        count, latest = db.session.execute(query).one()
        if latest is not None and latest.tzinfo is None:
            latest = latest.replace(tzinfo=UTC)
        return Window(count or 0, latest.timestamp() if latest else None)

    def clear(self, bucket: str, key: str) -> None:
        db.session.execute(
            delete(RateEvent).where(RateEvent.bucket == bucket, RateEvent.key == key)
        )
        db.session.commit()


class RedisStore:
    """Events in a sorted set per key, expiring a day after the latest."""

    def __init__(self, client) -> None:
        self.redis = client

    @staticmethod
    def _name(bucket: str, key: str) -> str:
        return f"rate:{bucket}:{key}"

    def add(self, bucket: str, key: str, now: float) -> None:
        name = self._name(bucket, key)
        pipe = self.redis.pipeline()
        pipe.zadd(name, {f"{now:.6f}:{uuid.uuid4().hex[:8]}": now})
        pipe.zremrangebyscore(name, 0, now - KEEP_SECONDS)
        pipe.expire(name, KEEP_SECONDS)
        pipe.execute()

    def window(self, bucket: str, key: str, since: float) -> Window:
        name = self._name(bucket, key)
        pipe = self.redis.pipeline()
        pipe.zcount(name, since, "+inf")
        pipe.zrange(name, -1, -1, withscores=True)
        count, latest = pipe.execute()
        newest = latest[0][1] if latest and latest[0][1] >= since else None
        return Window(int(count), newest)

    def clear(self, bucket: str, key: str) -> None:
        self.redis.delete(self._name(bucket, key))


class FallbackStore:
    """Redis first; the database whenever Redis fails, until it has had time to come back."""

    def __init__(self, primary: RedisStore, fallback: DatabaseStore) -> None:
        self.primary, self.fallback = primary, fallback
        self.down_until = 0.0

    def _call(self, method: str, *args):
        import redis

        if time.monotonic() >= self.down_until:
            try:
                return getattr(self.primary, method)(*args)
            except (redis.RedisError, OSError) as error:
                self.down_until = time.monotonic() + REDIS_RETRY_SECONDS
                log.warning("Redis is not answering (%s); counting in the database", error)
        return getattr(self.fallback, method)(*args)

    def add(self, bucket: str, key: str, now: float) -> None:
        self._call("add", bucket, key, now)

    def window(self, bucket: str, key: str, since: float) -> Window:
        return self._call("window", bucket, key, since)

    def clear(self, bucket: str, key: str) -> None:
        self._call("clear", bucket, key)


def store() -> Store:
    """Return the store this application counts in."""
    return current_app.extensions["rate_store"]


def recent(bucket: str, key: str, seconds: int, since: float | None = None) -> Window:
    """Return what a key did in the last ``seconds`` (and after ``since``, if given)."""
    start = now() - seconds
    return store().window(bucket, key, max(start, since or 0))


def record(bucket: str, key: str) -> None:
    """Count one event for a key."""
    store().add(bucket, key, now())


def limit(bucket: str, key: str, most: int, seconds: int) -> None:
    """Count an event, or refuse it with a 429 (and Retry-After) past ``most`` per window."""
    seen = recent(bucket, key, seconds)
    if seen.count >= most:
        raise TooManyRequests(retry_after=retry_after(seen, seconds))
    record(bucket, key)


def allowed(bucket: str, key: str, most: int, seconds: int) -> bool:
    """Count an event and tell whether it is within ``most`` per window (a quiet limit)."""
    if recent(bucket, key, seconds).count >= most:
        return False
    record(bucket, key)
    return True


def retry_after(seen: Window, seconds: int) -> int:
    """Seconds until the latest counted event leaves the window: then a try surely passes."""
    if seen.latest is None:
        return 1
    return max(1, min(seconds, math.ceil(seconds - (now() - seen.latest))))


def init_app(app: Flask) -> None:
    """Count in Redis when REDIS_URL is set (with the database as a fallback), else in the DB."""
    database = DatabaseStore()
    if app.config.get("REDIS_URL"):
        import redis

        client = redis.Redis.from_url(
            app.config["REDIS_URL"], socket_timeout=1, socket_connect_timeout=1
        )
        app.extensions["rate_store"] = FallbackStore(RedisStore(client), database)
    else:
        app.extensions["rate_store"] = database
