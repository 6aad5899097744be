"""Failed-login throttling that slows guessing down without locking the owner out.

Failures are counted per *account and client* pair (the address the request came from): past
``LOGIN_FREE_FAILURES`` of them, each further try from that client for that account has to wait
longer since the last failure: 1 s, 2 s, 4 s … up to ``LOGIN_MAX_DELAY_SECONDS``. Nothing
locks: the owner on another device or network is not slowed at all, and on the attacker's own
device only waits. Failures from one client across *all* accounts (password spraying) are
counted too, with a higher threshold and a short cap (``LOGIN_MAX_CLIENT_DELAY_SECONDS``), so
the office behind one shared address is slowed for seconds, never locked out.

A password reset always works while a login waits: the reset pages are not throttled (the
reset mail has its own quiet limit), and failures from before the password was changed no
longer count. A successful login forgets the pair's failures.

The counts are kept in Redis when ``REDIS_URL`` is set, in the database otherwise, and in the
database while Redis is down (``accounts.limits``).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from flask import current_app

from branding.accounts import limits

PAIR, CLIENT = "login-pair", "login-client"


def _pair(email: str, client: str) -> str:
    return limits.key_of(f"{email.strip().lower()}|{client}")


def _delay(failures: int, free: int, cap: int) -> int:
    """Return how long a try must wait after the latest failure, given how many there were."""
    if failures <= free:
        return 0
    return min(cap, 2 ** min(failures - free - 1, 20))


def wait_seconds(email: str, client: str, since: datetime | None = None) -> int:
    """Return how many seconds this client must still wait before trying this account (0: go).

    ``since`` (the account's last password change) forgets the failures from before it.
    """
    config = current_app.config
    window = config["LOGIN_FAILURE_WINDOW_SECONDS"]
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    after = since.timestamp() if since is not None else None
    pair = limits.recent(PAIR, _pair(email, client), window, after)
    spray = limits.recent(CLIENT, limits.key_of(client), window)
    waits = [0]
    if pair.latest is not None:
        delay = _delay(pair.count, config["LOGIN_FREE_FAILURES"], config["LOGIN_MAX_DELAY_SECONDS"])
        waits.append(math.ceil(pair.latest + delay - limits.now()) if delay else 0)
    if spray.latest is not None:
        delay = _delay(
            spray.count,
            config["LOGIN_FREE_FAILURES_PER_CLIENT"],
            config["LOGIN_MAX_CLIENT_DELAY_SECONDS"],
        )
        waits.append(math.ceil(spray.latest + delay - limits.now()) if delay else 0)
    return max(0, *waits)


def record_failure(email: str, client: str) -> None:
    """Count a failed login against the account and client pair, and against the client."""
    limits.record(PAIR, _pair(email, client))
    limits.record(CLIENT, limits.key_of(client))


def clear_failures(email: str, client: str) -> None:
    """Forget a pair's failures after a successful login."""
    limits.store().clear(PAIR, _pair(email, client))


def init_app(app) -> None:
    """Pick where the counts live (``accounts.limits``)."""
    limits.init_app(app)
