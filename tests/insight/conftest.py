"""Fixtures for the insight tests: a Redis database for counts shared by workers."""

from __future__ import annotations

import os

import pytest

from tests.conftest import IN_CI


@pytest.fixture
def redis_url():
    """An empty Redis database (TEST_REDIS_URL), emptied again afterwards."""
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_timeout=1).flushdb()
    except redis.ConnectionError:
        if IN_CI:
            pytest.fail(f"Redis is not reachable at {url}")
        pytest.skip("Redis is not running")
    yield url
    redis.Redis.from_url(url).flushdb()
