"""Where cached pages are kept: Redis when ``REDIS_URL`` is set, else this process's memory.

Both keep an entry for the seconds it was given and never longer. The memory store is a
least-recently-used dictionary bounded in bytes (``max_bytes``); the Redis store lets Redis
expire each key (``PX``), and a Redis that does not answer is a miss, never an error page.
Entries are bytes (``entry.Entry`` packs them): nothing is unpickled.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from typing import Protocol

log = logging.getLogger(__name__)
_last_warning = [0.0]


class Store(Protocol):
    def get(self, key: str) -> bytes | None: ...
    def put(self, key: str, value: bytes, seconds: float) -> None: ...


class MemoryStore:
    """A per-process store: least recently used first out, at most ``max_bytes`` in all."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """Return a live entry, or None (dropping it if it has expired)."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] <= time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: str, value: bytes, seconds: float) -> None:
        """Keep an entry for ``seconds``, making room by dropping the least recently used."""
        if len(value) > self.max_bytes or seconds <= 0:
            return
        with self._lock:
            self._drop(key)
            self._entries[key] = (time.monotonic() + seconds, value)
            self.size += len(value)
            while self.size > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def _drop(self, key: str) -> None:
        found = self._entries.pop(key, None)
        if found is not None:
            self.size -= len(found[1])


class RedisStore:
    """A store every server shares; each key expires in Redis at its entry's moment.

    A Redis that fails is left alone for ``PAUSE`` seconds (every page a miss), so that an
    outage costs one timeout now and then, not one per request.
    """

    PAUSE = 5.0

    def __init__(self, client, prefix: str = "pagecache:") -> None:
        self.client = client
        self.prefix = prefix
        self._paused_until = 0.0

    def get(self, key: str) -> bytes | None:
        if time.monotonic() < self._paused_until:
            return None
        try:
            return self.client.get(self.prefix + key)
        except Exception:
            self._failed("reading the page cache from Redis failed")
            return None

    def put(self, key: str, value: bytes, seconds: float) -> None:
        milliseconds = int(seconds * 1000)
        if milliseconds <= 0 or time.monotonic() < self._paused_until:
            return
        try:
            self.client.set(self.prefix + key, value, px=milliseconds)
        except Exception:
            self._failed("writing the page cache to Redis failed")

    def _failed(self, message: str) -> None:
        self._paused_until = time.monotonic() + self.PAUSE
        _warn(message)


def _warn(message: str) -> None:
    if time.monotonic() - _last_warning[0] > 60:
        _last_warning[0] = time.monotonic()
        log.warning(message, exc_info=True)
