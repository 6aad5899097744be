"""Where counts wait before they are written: in this process, or in Redis for every worker.

A count is a key (``c|day|type|id|action|lang`` or ``s|day|lang|query``) and a number. Each
one comes with a mark (a visitor's salted hash of what they did): a mark seen before today adds
nothing, so a visitor is counted once per item, action and day. Marks and the day's salt stay in
the buffer until the day is over, then they are dropped; they never reach the database.

``take`` hands out a batch of counts to write and ``done`` forgets it once written;
``give_back`` keeps it for the next flush when writing failed. In Redis a batch that was taken
by a process that then died is found again by the next flush (``count_batches`` tells whether
it had been written).
"""

from __future__ import annotations

import atexit
import logging
import os
import secrets
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from branding.insight import visitors
from branding.insight.visitors import end_of_day

log = logging.getLogger(__name__)

MAX_MARKS = 500_000  # in this process, per day: past it a visitor may be counted twice
MAX_KEYS = 50_000  # counts waiting in this process: past it new searches are dropped


@dataclass
class Batch:
    """Counts taken from the buffer to be written at once."""

    id: str
    counts: dict[str, int] = field(default_factory=dict)
    lock: str = ""  # the flush lock this batch holds (Redis)


class Buffer(Protocol):
    def add(self, day: date, who: tuple[str, str], entries: list[tuple]) -> None: ...
    def salt(self, day: date) -> bytes: ...
    def record(self, day: date, marks: list[tuple[str, str]]) -> int: ...
    def send(self) -> None: ...
    def take(self) -> Batch | None: ...
    def done(self, batch: Batch) -> None: ...
    def give_back(self, batch: Batch) -> None: ...
    def due(self) -> bool: ...


class ProcessBuffer:
    """Counts in this process's memory (the embedded default); threads share it."""

    def __init__(self, flush_seconds: float) -> None:
        self.flush_seconds = flush_seconds
        self.lock = threading.Lock()
        self.day: date | None = None
        self._salt = b""
        self.marks: set[str] = set()
        self.counts: Counter[str] = Counter()
        self.last_flush = time.monotonic()

    def _roll(self, day: date) -> None:
        """Start a new day: a new salt, and yesterday's salt and marks forgotten.

        Only forward: a request of the day before that is recorded just after midnight is
        counted with today's salt and marks.
        """
        if self.day is None or day > self.day:
            self.day, self._salt, self.marks = day, secrets.token_bytes(32), set()

    def add(self, day: date, who: tuple[str, str], entries: list[tuple]) -> None:
        """Count what a request did (in memory: at once)."""
        self.record(day, visitors.marks(self.salt(day), who, day, entries))

    def send(self) -> None:
        return None  # nothing waits outside the buffer

    def salt(self, day: date) -> bytes:
        with self.lock:
            self._roll(day)
            return self._salt

    def record(self, day: date, marks: list[tuple[str, str]]) -> int:
        added = 0
        with self.lock:
            self._roll(day)
            for mark, key in marks:
                if mark in self.marks:
                    continue
                if len(self.marks) < MAX_MARKS:
                    self.marks.add(mark)
                if key in self.counts or len(self.counts) < MAX_KEYS or key.startswith("c|"):
                    self.counts[key] += 1
                    added += 1
        return added

    def take(self) -> Batch | None:
        with self.lock:
            self.last_flush = time.monotonic()
            if not self.counts:
                return None
            counts, self.counts = dict(self.counts), Counter()
        return Batch(uuid.uuid4().hex, counts)

    def done(self, batch: Batch) -> None:
        return None

    def give_back(self, batch: Batch) -> None:
        with self.lock:
            self.counts.update(batch.counts)

    def due(self) -> bool:
        return bool(self.counts) and (
            time.monotonic() - self.last_flush >= self.flush_seconds
            or len(self.counts) >= MAX_KEYS // 2
        )


# Add the marks not seen today and count their keys, in one round trip and atomically.
RECORD = """
local added = 0
for i = 2, #ARGV, 2 do
  if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
    redis.call('HINCRBY', KEYS[2], ARGV[i + 1], 1)
    added = added + 1
  end
end
redis.call('EXPIREAT', KEYS[1], ARGV[1])
return added
"""
# Release the flush lock only if this flusher still holds it.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisBuffer:
    """Counts in Redis, shared by every worker process and machine (when REDIS_URL is set).

    A request only hands its counts to a sender thread of its process (``add``), which sends
    what came in every half second in one round trip: a slow or unreachable Redis never holds
    up a worker. What cannot be sent is dropped (and logged), never retried without end.
    """

    PREFIX = "counts:"
    LOCK_SECONDS = 120
    SEND_SECONDS = 0.5
    MAX_WAITING = 20_000  # requests waiting to be sent; past it new ones are not counted

    def __init__(self, client, flush_seconds: float) -> None:
        self.redis = client
        self.flush_seconds = flush_seconds
        self._salts: dict[date, bytes] = {}
        self._record = client.register_script(RECORD)
        self._release = client.register_script(RELEASE)
        self._waiting: list[tuple[date, tuple[str, str], list[tuple]]] = []
        self._lock = threading.Lock()
        self._sending = threading.Lock()  # one send at a time: the exit's waits for the thread's
        self._sender_pid = 0
        self._next_due_check = 0.0

    def add(self, day: date, who: tuple[str, str], entries: list[tuple]) -> None:
        """Leave a request's counts to this process's sender thread."""
        with self._lock:
            if len(self._waiting) < self.MAX_WAITING:
                self._waiting.append((day, who, entries))
            if self._sender_pid != os.getpid():  # first use in this process (or after a fork)
                self._sender_pid = os.getpid()
                threading.Thread(
                    target=self._send_forever, name="counts-sender", daemon=True
                ).start()
                atexit.register(self._send_quietly)

    def send(self) -> None:
        """Send the counts waiting in this process to Redis now.

        Sends never overlap: at exit, the last send waits for one the sender thread has begun
        (a daemon thread is stopped mid-way when the interpreter ends, losing what it held).
        """
        with self._sending:
            with self._lock:
                waiting, self._waiting = self._waiting, []
            by_day: dict[date, list[tuple[str, str]]] = {}
            for day, who, entries in waiting:
                marks = visitors.marks(self.salt(day), who, day, entries)
                by_day.setdefault(day, []).extend(marks)
            for day, marks in by_day.items():
                for start in range(0, len(marks), 1000):
                    self.record(day, marks[start : start + 1000])

    def _send_quietly(self) -> bool:
        """Send what waits; on failure log one line (no traceback) and say so."""
        import redis  # only here, with Redis: a worker without it does not load the client

        try:
            self.send()
        except redis.RedisError as error:  # Redis down: said in one line, not a traceback
            log.warning("sending visit counts to Redis failed (%s); they are lost", error)
            return False
        except Exception:
            log.warning("sending visit counts to Redis failed; they are lost", exc_info=True)
            return False
        return True

    def _send_forever(self) -> None:
        """Send every half second; while Redis fails, wait longer each time (up to a minute)."""
        pause = self.SEND_SECONDS
        while True:
            time.sleep(pause)
            if self._waiting:
                sent = self._send_quietly()
                pause = self.SEND_SECONDS if sent else min(max(pause * 2, 5.0), 60.0)

    def _key(self, name: str) -> str:
        return self.PREFIX + name

    def salt(self, day: date) -> bytes:
        """Return the day's salt, made once by whichever worker needs it first."""
        if day not in self._salts:
            key = self._key(f"salt:{day.isoformat()}")
            expires = int((end_of_day(day) + timedelta(hours=1)).timestamp())
            self.redis.set(key, secrets.token_bytes(32), nx=True, exat=expires)
            self._salts = {day: self.redis.get(key)}  # yesterday's is forgotten here too
        return self._salts[day]

    def record(self, day: date, marks: list[tuple[str, str]]) -> int:
        keys = [self._key(f"marks:{day.isoformat()}"), self._key("buffer")]
        expires = int((end_of_day(day) + timedelta(hours=1)).timestamp())
        args: list[str | int] = [expires]
        for mark, key in marks:
            args += [mark, key]
        return int(self._record(keys=keys, args=args))

    def take(self) -> Batch | None:
        token = uuid.uuid4().hex
        lock = self._key("flush-lock")
        if not self.redis.set(lock, token, nx=True, ex=self.LOCK_SECONDS):
            return None  # another worker is flushing
        leftover = next(iter(self.redis.scan_iter(self._key("flushing:*"), count=100)), None)
        if leftover is not None:  # taken by a flusher that died: written or not, the id says
            name = leftover.decode() if isinstance(leftover, bytes) else leftover
            batch_id = name.rsplit(":", 1)[1]
        else:
            batch_id = uuid.uuid4().hex
            name = self._key(f"flushing:{batch_id}")
            if not self.redis.exists(self._key("buffer")):
                self._unlock(token)
                return None
            self.redis.rename(self._key("buffer"), name)
        counts = {_text(k): int(v) for k, v in self.redis.hgetall(name).items()}
        return Batch(batch_id, counts, token)

    def done(self, batch: Batch) -> None:
        self.redis.delete(self._key(f"flushing:{batch.id}"))
        self._unlock(batch.lock)

    def give_back(self, batch: Batch) -> None:
        self._unlock(batch.lock)  # the batch stays under flushing:, for the next flush

    def _unlock(self, token: str) -> None:
        self._release(keys=[self._key("flush-lock")], args=[token])

    def due(self) -> bool:
        """Tell one worker per interval that it is its turn to flush after its response."""
        now = time.monotonic()
        if now < self._next_due_check:
            return False
        self._next_due_check = now + self.flush_seconds
        ttl = max(1, int(self.flush_seconds))
        return bool(self.redis.set(self._key("flush-due"), 1, nx=True, ex=ttl))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
