"""Bind the declared jobs and schedules to this application's Huey queue, and run them."""

from __future__ import annotations

import logging
import traceback
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask

from branding.core.content.publishing import utcnow
from branding.core.jobs import JOBS, SCHEDULES, Job
from branding.core.jobs.models import JobFailure

if TYPE_CHECKING:
    from huey import Huey

log = logging.getLogger(__name__)
QUEUE_NAME = "pakpak"


def backend_of(app: Flask) -> str:
    """Return the configured backend: immediate, sqlite or redis."""
    chosen = app.config.get("JOBS_BACKEND") or ("redis" if app.config.get("REDIS_URL") else "")
    return chosen or "sqlite"


def _make_huey(app: Flask) -> Huey:
    # Huey (and the Redis client it brings) is imported on first use: a web worker that never
    # queues a job does not pay ~17 MB for it.
    from huey import MemoryHuey, RedisHuey, SqliteHuey

    backend = backend_of(app)
    if backend == "immediate":
        return MemoryHuey(QUEUE_NAME, immediate=True, results=False)
    if backend == "redis":
        return RedisHuey(QUEUE_NAME, url=app.config["REDIS_URL"], results=False)
    if backend == "sqlite":
        default = Path(app.instance_path) / "jobs.sqlite3"
        filename = app.config.get("JOBS_SQLITE_PATH") or str(default)
        return SqliteHuey(QUEUE_NAME, filename=filename, results=False)
    raise RuntimeError(f"JOBS_BACKEND must be immediate, sqlite or redis, not {backend!r}")


class Runner:
    """This application's queue: the declared jobs as Huey tasks, run in its context."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.immediate = backend_of(app) == "immediate"
        if backend_of(app) not in ("immediate", "sqlite", "redis"):
            _make_huey(app)  # says what is wrong with the setting, at start
        self.tasks: dict[str, Any] = {}
        self._bound = False

    @cached_property
    def huey(self) -> Huey:
        """Return the queue, made when first used."""
        return _make_huey(self.app)

    def _bind(self) -> None:
        """Turn the jobs and schedules declared so far into tasks (once every feature is in)."""
        if self._bound:
            return
        from huey import crontab
        from huey import signals as S

        for declared in JOBS.values():
            self.tasks[declared.name] = self.huey.task(
                retries=declared.retries,
                retry_delay=declared.delay,
                retry_backoff=declared.backoff,
                name=declared.name,
            )(self._in_context(declared.run))
        for schedule in SCHEDULES.values():
            self.huey.periodic_task(
                crontab(minute=schedule.minutes, hour=schedule.hours), name=schedule.name
            )(self._in_context(schedule.run))
        self.huey.signal(S.SIGNAL_ERROR)(self._failed)
        self._bound = True

    def _in_context(self, run):
        app = self.app

        def in_app_context(*args: Any) -> Any:
            from branding.extensions import db

            with app.app_context():
                try:
                    return run(*args)
                finally:
                    db.session.remove()

        in_app_context.__name__ = getattr(run, "__name__", "job")
        return in_app_context

    def enqueue(self, name: str, *args: Any) -> None:
        """Queue one job (in immediate mode: run it now)."""
        self._bind()
        self.tasks[name](*args)

    def run_start_sweeps(self) -> None:
        """Run the schedules marked ``at_start`` now (a starting worker picks up lost work)."""
        for schedule in SCHEDULES.values():
            if schedule.at_start:
                try:
                    self._in_context(schedule.run)()
                except Exception:  # noqa: BLE001 - the schedule runs again; the worker goes on
                    log.exception("%s failed at the worker's start", schedule.name)

    def consumer(self, workers: int):
        """Return a Huey consumer of this queue with its schedules."""
        self._bind()
        return self.huey.create_consumer(
            workers=workers, worker_type="thread", periodic=True, initial_delay=0.2, max_delay=2.0
        )

    def run_pending(self, limit: int = 100) -> int:
        """Run the jobs waiting now in this process, as a worker would; return how many ran."""
        self._bind()
        done = 0
        for due in self.huey.read_schedule():  # retries whose delay has passed
            self.huey.enqueue(due)
        while done < limit:
            task = self.huey.dequeue()
            if task is None:
                break
            self.huey.execute(task)
            done += 1
        return done

    def pending(self) -> int:
        """Return how many jobs wait in the queue."""
        return int(self.huey.pending_count())

    def _failed(self, signal: str, task: Any, exc: BaseException | None = None) -> None:
        """Record a job that has used up its retries, so the office sees it."""
        if task.retries:
            return  # Huey retries it later
        declared: Job | None = JOBS.get(task.name)
        log.error("job %s failed for good: %r", task.name, exc)
        with self.app.app_context():
            from branding.extensions import db

            db.session.add(
                JobFailure(
                    name=task.name[:100],
                    arguments=repr(task.args)[:500],
                    error="".join(traceback.format_exception(exc))[-4000:] if exc else "",
                    attempts=(declared.retries + 1) if declared else 1,
                    failed_at=utcnow(),
                )
            )
            db.session.commit()
            db.session.remove()


def init_app(app: Flask) -> None:
    """Give the application its queue (bound to the jobs when first used)."""
    app.extensions["jobs"] = Runner(app)
