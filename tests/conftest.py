"""Fixtures: an app on a migrated database (SQLite, or PostgreSQL via TEST_DATABASE_URL)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import MetaData, event, text

from branding import create_app
from branding.extensions import db
from tests import factories

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
