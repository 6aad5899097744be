"""``flask search …``: keep the index in step with the database."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from branding.extensions import db
from branding.search import indexer, outbox
from branding.search.check import CheckReport, check
from branding.search.missed import missed_searches, prune_missed
from branding.search.rebuild import ensure_index, rebuild

search_cli = AppGroup("search", help="Keep the search index in step with the database.")


@search_cli.command("index")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds to wait for the lock.")
def index_command(timeout: float) -> None:
    """Apply waiting changes to the index (build it first if there is none)."""
    if ensure_index():
        click.echo("Built the search index.")
    report = indexer.drain(timeout=timeout)
    pruned = prune_missed()
    db.session.commit()
    click.echo(f"Applied {report.rows} changes ({report.documents} documents).")
    if pruned:
        click.echo(f"Forgot {pruned} missed searches older than a year.")
    if report.busy:
        raise click.ClickException("The index is locked by another indexer; try again later.")


@search_cli.command("rebuild")
def rebuild_command() -> None:
    """Build a fresh index from the database beside the old one and swap it in."""
    count = rebuild()
    click.echo(f"Rebuilt the search index: {count} documents.")


@search_cli.command("check")
@click.option("--repair", is_flag=True, help="Fix the differences found.")
def check_command(repair: bool) -> None:
    """Report differences between the database and the index."""
    report = check(repair=repair)
    click.echo(describe(report))
    click.echo(f"Changes waiting for the indexer: {outbox.backlog()}.")
    if not report.clean and not report.repaired:
        raise SystemExit(1)


def describe(report: CheckReport) -> str:
    """Summarise a check in a few lines."""
    if report.unreadable:
        lines = [f"Index unreadable: {report.unreadable}."]
    else:
        lines = [f"Documents expected: {report.expected}, in the index: {report.indexed}."]
        for label, keys in (
            ("missing", report.missing),
            ("stale", report.stale),
            ("extra", report.extra),
            ("duplicated", report.duplicates),
        ):
            if keys:
                shown = ", ".join(keys[:10]) + (" …" if len(keys) > 10 else "")
                lines.append(f"{len(keys)} {label}: {shown}")
        if report.clean:
            lines.append("The index matches the database.")
    if report.repaired:
        lines.append("Repaired.")
    return "\n".join(lines)


@search_cli.command("missed")
@click.option("--days", default=30, show_default=True)
def missed_command(days: int) -> None:
    """List the searches that found nothing recently, most frequent first."""
    for row in missed_searches(days=days):
        click.echo(f"{row.count:5d}  {row.lang:3s}  {row.query}")
