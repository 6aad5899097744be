"""Work that must not hold up a web request, or that runs on a schedule: a Huey queue.

Features declare their jobs when imported (``job``) and their schedules (``every``); the
application binds them to one queue (``runner``). ``JOBS_BACKEND`` chooses it:

- ``sqlite`` (the embedded default): a SQLite file in the instance folder, no service;
- ``redis`` (the default when ``REDIS_URL`` is set): one queue shared by every server;
- ``immediate``: each job runs inline when it is enqueued (the tests; a one-off command).

``flask jobs worker`` runs the queue (``make run`` and ``make serve`` start it beside the web
server), and on its own server what each server does for itself (``on_each_server``: keeping
that server's search index current). Jobs are idempotent: each one reads what to do from the
database, so running one twice does no harm, and the database, not the queue, says what is left
to do. A job that raises is retried with a growing delay; one that has used up its retries is
recorded in ``job_failures``, which the office's dashboard shows. A worker killed in the middle
of a job loses only that attempt: the sweeps the features schedule find the work still undone
(a photo still processing) and enqueue it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[..., Any]
    retries: int
    delay: float  # seconds before the first retry
    backoff: float  # each retry waits this many times longer


@dataclass(frozen=True)
class Schedule:
    name: str
    run: Callable[[], Any]
    minutes: str  # crontab fields
    hours: str
    at_start: bool = False  # also when a worker starts (a sweep for work a dead worker left)


@dataclass(frozen=True)
class Local:
    name: str
    run: Callable[[], Any]
    seconds: float


JOBS: dict[str, Job] = {}
SCHEDULES: dict[str, Schedule] = {}
LOCAL: dict[str, Local] = {}  # work each server does for itself (its own search index)


def job(name: str, retries: int = 5, delay: float = 10, backoff: float = 2.0):
    """Declare a job a feature enqueues by name (each runs in an application context)."""

    def declare(run: Callable[..., Any]) -> Callable[..., Any]:
        JOBS[name] = Job(name, run, retries, delay, backoff)
        return run

    return declare


def every(name: str, minutes: str = "*", hours: str = "*", at_start: bool = False):
    """Declare work the worker runs on a schedule (crontab minutes and hours, in UTC)."""

    def declare(run: Callable[[], Any]) -> Callable[[], Any]:
        SCHEDULES[name] = Schedule(name, run, minutes, hours, at_start)
        return run

    return declare


def on_each_server(name: str, seconds: float):
    """Declare work every server's worker does for itself, every few seconds (not queued:
    a shared queue would hand it to any one server)."""

    def declare(run: Callable[[], Any]) -> Callable[[], Any]:
        LOCAL[name] = Local(name, run, seconds)
        return run

    return declare


def enqueue(name: str, *args: Any) -> None:
    """Queue a job; call it after the transaction it reads from has committed."""
    current_app.extensions["jobs"].enqueue(name, *args)


def runs_inline() -> bool:
    """Tell whether jobs run as they are enqueued (no worker needed)."""
    return bool(current_app.extensions["jobs"].immediate)


def recent_failures(limit: int = 10) -> list:
    """Return the jobs that failed for good in the last week, newest first (the dashboard)."""
    from datetime import timedelta

    from sqlalchemy import select

    from branding.core.content.publishing import utcnow
    from branding.core.jobs.models import JobFailure
    from branding.extensions import db

    since = utcnow() - timedelta(days=7)
    query = select(JobFailure).where(JobFailure.failed_at >= since)
    return list(db.session.scalars(query.order_by(JobFailure.failed_at.desc()).limit(limit)))
