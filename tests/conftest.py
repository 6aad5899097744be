"""Fixtures: an app on a migrated database (SQLite, or PostgreSQL via TEST_DATABASE_URL)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData, create_engine, event, text

from branding import create_app
from branding.core.migrating import upgrade
from branding.extensions import db
from tests import factories
from tests.media.s3_server import s3_server  # noqa: F401  (an S3-compatible server, for any test)

IN_CI = os.environ.get("CI") == "true"


def _database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


def _drop_everything() -> None:
    """Remove every table, left over or not, so migrations start from nothing."""
    meta = MetaData()
    meta.reflect(bind=db.engine)
    meta.drop_all(bind=db.engine)


@pytest.fixture(scope="session")
def app_config(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Settings for every test app: a throwaway database, media and instance folder."""
    base = tmp_path_factory.mktemp("app")
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path_factory),
        "MEDIA_ROOT": str(base / "uploads"),
        "SEARCH_INDEX_DIR": str(base / "index"),
        "WTF_CSRF_ENABLED": False,
        "PAGE_CACHE": False,  # tests/test_page_cache.py turns it on
        "JOBS_BACKEND": "immediate",  # jobs run as they are enqueued; tests/test_jobs.py queues
        "SERVER_NAME": "localhost",
        # cheap hashing keeps the suite fast; test_accounts checks the real parameters
        "ARGON2_TIME_COST": 1,
        "ARGON2_MEMORY_KIB": 1024,
        "ARGON2_PARALLELISM": 1,
    }


@pytest.fixture(scope="session")
def migrated(app_config: dict) -> dict:
    """Build the schema once per run with the Alembic migrations."""
    app = create_app(app_config)
    with app.app_context():
        _drop_everything()
        upgrade()
        db.engine.dispose()
    return app_config


class RequestClient(FlaskClient):
    """A test client whose every request gets its own app context, as in production.

    Without it a request would reuse the test's app context, and with it ``g`` and
    the database session of earlier requests.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def app(migrated: dict) -> Iterator[Flask]:
    """An application whose tables are emptied after each test, pass or fail."""
    app = create_app(migrated)
    app.test_client_class = RequestClient
    with app.app_context():
        yield app
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def _empty_tables() -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def make_app(migrated: dict) -> Iterator[Callable[..., Flask]]:
    """Create extra apps (other workers, other settings); their connections close at the end."""
    made: list[Flask] = []

    def factory(**overrides) -> Flask:
        extra = create_app({**migrated, **overrides})
        extra.test_client_class = RequestClient
        made.append(extra)
        return extra

    yield factory
    for extra in made:
        with extra.app_context():
            db.engine.dispose()


@pytest.fixture
def client(app: Flask):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    """A CLI runner for the app's commands."""
    return app.test_cli_runner()


@pytest.fixture
def make(app: Flask) -> factories.Factories:
    """Factory functions that create committed rows with sensible defaults."""
    return factories.Factories()


@pytest.fixture
def count_queries(app: Flask) -> Callable:
    """Count the SQL statements a block runs: ``with count_queries() as n: …; n[0]``."""

    @contextmanager
    def counting() -> Iterator[list[int]]:
        seen = [0]

        def before(*_args) -> None:
            seen[0] += 1

        event.listen(db.engine, "before_cursor_execute", before)
        try:
            yield seen
        finally:
            event.remove(db.engine, "before_cursor_execute", before)

    return counting


SAMPLE_SCHEMA = "sample_site"  # on PostgreSQL the shared sample lives in a schema of its own


@dataclass(frozen=True)
class SampleSite:
    """The illustrated sample of Pakpak Bharat, set up once per run by ``flask setup``."""

    app: Flask
    setup_exit_code: int
    setup_output: str

    @property
    def summary(self) -> str:
        """What ``flask setup`` said it loaded (``8 areas, …, 86 photos``)."""
        found = re.search(r"sample data: (.*)\.\n", self.setup_output)
        return found.group(1) if found else ""


def _sample_database_url(url: str, folder: Path) -> str:
    """Return a database of its own for the sample: a SQLite file, or a PostgreSQL schema."""
    if url.startswith("sqlite"):
        return f"sqlite:///{folder / 'sample.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SAMPLE_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {SAMPLE_SCHEMA}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{SAMPLE_SCHEMA}"


@pytest.fixture(scope="session")
def sample_site(migrated: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleSite]:
    """The sample with its illustrations, built once for every test that only reads it.

    Drawing and rendering the illustrations takes most of a minute, so the run pays for it
    once: ``flask setup`` builds it (the database, its photos and its search index) in a
    database, media folder and index folder of its own, which per-test cleanup never touches.
    Tests that change content use ``app`` and the factories instead.
    """
    folder = tmp_path_factory.mktemp("sample-site")
    config = {
        **migrated,
        "SQLALCHEMY_DATABASE_URI": _sample_database_url(
            migrated["SQLALCHEMY_DATABASE_URI"], folder
        ),
        "MEDIA_ROOT": str(folder / "uploads"),
        "SEARCH_INDEX_DIR": str(folder / "index"),
    }
    app = create_app(config)
    app.test_client_class = RequestClient
    with app.app_context():  # as `flask` itself runs its commands
        result = app.test_cli_runner().invoke(args=["setup"])
    yield SampleSite(app, result.exit_code, result.output)
    with app.app_context():
        db.session.remove()
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {SAMPLE_SCHEMA} CASCADE"))
        db.engine.dispose()


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
