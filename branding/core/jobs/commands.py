"""``flask jobs worker`` (run the queue and this server's own work) and ``flask jobs status``."""

from __future__ import annotations

import logging
import threading

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from branding.core.jobs import LOCAL, Local

jobs_cli = AppGroup("jobs", help="The job queue: photo renditions, mail, schedules.")
log = logging.getLogger(__name__)


def _local_loop(app, local: Local, stop: threading.Event) -> None:
    """Run one piece of this server's own work every few seconds until stopped."""
    from branding.extensions import db

    while not stop.wait(local.seconds):
        with app.app_context():
            try:
                local.run()
            except Exception:  # noqa: BLE001 - logged; the next round tries again
                log.exception("%s failed", local.name)
            finally:
                db.session.remove()


@jobs_cli.command("worker")
@click.option("--workers", default=2, show_default=True, help="Jobs run at once (threads).")
def worker_command(workers: int) -> None:
    """Run queued and scheduled jobs, and this server's own work, until stopped."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    runner = app.extensions["jobs"]
    if runner.immediate:
        raise click.ClickException("JOBS_BACKEND is immediate: jobs run inline, no worker needed")
    logging.getLogger("huey").setLevel(current_app.config.get("LOG_LEVEL", "INFO"))
    stop = threading.Event()
    for local in LOCAL.values():
        threading.Thread(target=_local_loop, args=(app, local, stop), daemon=True).start()
    click.echo(f"Worker of the {runner.huey.__class__.__name__} queue, {workers} at once.")
    runner.run_start_sweeps()
    try:
        runner.consumer(workers).run()
    finally:
        stop.set()


@jobs_cli.command("run")
def run_command() -> None:
    """Run the jobs waiting now, then stop (for cron, or a machine without a worker)."""
    done = current_app.extensions["jobs"].run_pending(limit=10_000)
    click.echo(f"{done} jobs run.")


@jobs_cli.command("status")
def status_command() -> None:
    """Say how many jobs wait and which failed for good recently."""
    from branding.core.jobs.models import JobFailure
    from branding.extensions import db

    runner = current_app.extensions["jobs"]
    click.echo(f"{runner.pending()} jobs waiting.")
    query = select(JobFailure).order_by(JobFailure.failed_at.desc()).limit(20)
    for failure in db.session.scalars(query):
        last = failure.error.strip().splitlines()[-1:] or [""]
        click.echo(f"failed {failure.failed_at:%Y-%m-%d %H:%M} {failure.name}: {last[0]}")
