"""``flask search …``: keep this server's index in step with the database."""

from __future__ import annotations

from collections import Counter

import click
from flask.cli import AppGroup

from branding.extensions import db
from branding.search import health, indexer, positions, storage
from branding.search.check import CheckReport, ProbeReport, check, probe
from branding.search.missed import missed_searches, prune_missed
from branding.search.rebuild import ensure_index, rebuild

search_cli = AppGroup("search", help="Keep the search index in step with the database.")


@search_cli.command("index")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds to wait for the lock.")
def index_command(timeout: float) -> None:
    """Apply waiting changes to this server's index (build it first if there is none)."""
    if ensure_index():
        click.echo("Built the search index.")
    report = indexer.drain(timeout=timeout)
    pruned = prune_missed()
    db.session.commit()
    if report.rebuilt:
        click.echo(f"Rebuilt the search index: {report.rebuilt}.")
    click.echo(f"Applied {report.rows} changes ({report.documents} documents).")
    if report.pruned:
        click.echo(f"Pruned {report.pruned} changes every index has applied.")
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
@click.option("--sample", default=12, show_default=True, help="Items to search for by name.")
def check_command(repair: bool, sample: int) -> None:
    """Compare the index with the database, then search for items as visitors do."""
    report = check(repair=repair)
    click.echo(describe(report))
    before = Counter(health.counts)
    found = probe(sample) if report.repaired or not report.unreadable else ProbeReport()
    new = health.counts - before
    click.echo(describe_probe(found))
    name = positions.index_name(storage.index_root())
    click.echo(f"This index ({name}): {indexer.backlog(name)} changes waiting.")
    notices = health.notices()
    for notice in notices:
        since = f" since {notice.since:%Y-%m-%d %H:%M} UTC" if notice.since else ""
        times = f" ({notice.count} times)" if notice.count else ""
        click.echo(f"Degraded: {notice.index}: {notice.problem}{since}{times}.")
    for cause, count in sorted(new.items()):
        click.echo(f"Degraded in this run: {cause} ({count} times).")
    mine = [n for n in notices if n.index == name]
    if (not report.clean and not report.repaired) or not found.clean or mine or new:
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


def describe_probe(report: ProbeReport) -> str:
    """Summarise the visitor-path searches."""
    lines = [
        f"Searched as visitors do: {report.names_found} of {report.names} names found, "
        f"{report.misspelled_found} of {report.misspelled} misspelled names found."
    ]
    lines += [f"Not found: {failure}" for failure in report.failures[:10]]
    lines += [f"Degraded: {trouble}" for trouble in report.trouble[:10]]
    return "\n".join(lines)


@search_cli.command("missed")
@click.option("--days", default=30, show_default=True)
def missed_command(days: int) -> None:
    """List the searches that found nothing recently, most frequent first."""
    for row in missed_searches(days=days):
        click.echo(f"{row.count:5d}  {row.lang:3s}  {row.query}")
