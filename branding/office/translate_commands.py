"""``flask translate …``: the translation workflow for id, en and btd."""

from __future__ import annotations

from pathlib import Path

import click
from babel.messages.pofile import PoFileError
from flask import current_app
from flask.cli import AppGroup

from branding.core.i18n import LANGUAGES, catalogs
from branding.office.content_status import translation_gaps
from branding.workbench import pofiles
from branding.workbench.coverage import content_coverage, interface_coverage
from branding.workbench.history import over_time
from branding.workbench.strings import TARGET_LANGUAGES

translate_cli = AppGroup("translate", help="Interface catalogs and content translations.")


def _directory() -> Path:
    return Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])


@translate_cli.command("extract")
def extract_command() -> None:
    """Collect interface strings from the code and templates into messages.pot."""
    pot = catalogs.extract(Path(current_app.root_path).parent, _directory())
    click.echo(f"Wrote {pot}")


@translate_cli.command("update")
def update_command() -> None:
    """Extract, then merge new strings into the id, en and btd catalogs."""
    catalogs.extract(Path(current_app.root_path).parent, _directory())
    catalogs.update(_directory())
    click.echo("Updated the catalogs; translate the new strings, then run `translate compile`.")


@translate_cli.command("compile")
def compile_command() -> None:
    """Compile the id, en and btd catalogs into .mo files."""
    for status in catalogs.compile_all(_directory()):
        click.echo(f"{status.code}: {status.translated} of {status.total} strings translated")


@translate_cli.command("status")
@click.option("--verbose", is_flag=True, help="List the untranslated strings.")
def status_command(verbose: bool) -> None:
    """Report interface coverage per language (with approved rows); fail when id or en lacks any."""
    incomplete, history = [], over_time()
    for code in LANGUAGES:
        status = catalogs.catalog_status(_directory(), code)
        line = (
            f"{code}: {status.percent:.1f}% translated ({status.translated} of {status.total}; "
            f"{len(status.missing)} missing, {len(status.fuzzy)} fuzzy)"
        )
        if code in TARGET_LANGUAGES:
            cover = interface_coverage(code)
            line += (
                f"; with the workbench's approved translations {cover.percent:.1f}% "
                f"({cover.translated} of {cover.total}; {cover.waiting} waiting for review)"
            )
        click.echo(line)
        if code in TARGET_LANGUAGES:
            content = content_coverage(code)
            click.echo(
                f"{code} content: {content.complete} of {content.total} items (destinations, "
                "events, areas, businesses, products) have every text"
            )
        points = history.get(code, [])[-7:]
        if points:
            days = ", ".join(
                f"{p.day.isoformat()} {p.interface_percent:.1f}%/{p.content_percent:.1f}%"
                for p in points
            )
            click.echo(f"{code} over time (interface/content): {days}")
        if verbose:
            for msgid in status.missing + status.fuzzy:
                click.echo(f"    {msgid}")
        if code not in TARGET_LANGUAGES and status.translated < status.total:
            incomplete.append(code)
    if incomplete:
        raise click.ClickException(f"incomplete catalogs: {', '.join(incomplete)}")


@translate_cli.command("export")
@click.option("--lang", type=click.Choice(TARGET_LANGUAGES), default=TARGET_LANGUAGES[0])
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="The .po file to write (default: standard output).")  # fmt: skip
def export_command(lang: str, output: Path | None) -> None:
    """Write a .po of the language's catalog with the workbench's approved translations."""
    data = pofiles.export_bytes(lang)
    if output is None:
        click.echo(data.decode(), nl=False)
    else:
        output.write_bytes(data)
        click.echo(f"Wrote {output}", err=True)


@translate_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(TARGET_LANGUAGES), help="Default: the file's header.")
def import_command(file: Path, lang: str | None) -> None:
    """Approve a .po file's new translations; report conflicts, unknown and refused strings."""
    try:
        report = pofiles.import_file(file, lang)
    except (ValueError, PoFileError) as error:  # a broken file, or one of another language
        raise click.ClickException(f"cannot read {file}: {error}") from error
    for msgid in report.conflicts:
        click.echo(f"conflict (another translation is approved; kept): {msgid}")
    for msgid in report.unknown:
        click.echo(f"unknown (not an interface string): {msgid}")
    for msgid, problems in report.refused:
        click.echo(f"refused: {msgid}: {'; '.join(problems)}")
    click.echo(
        f"{report.lang}: {len(report.approved)} approved, {len(report.unchanged)} unchanged, "
        f"{len(report.conflicts)} conflicts, {len(report.unknown)} unknown, "
        f"{len(report.refused)} refused"
    )


@translate_cli.command("content")
@click.option("--lang", type=click.Choice(list(LANGUAGES)), help="Only this language.")
def content_command(lang: str | None) -> None:
    """List, per item and language, the content fields that are not translated."""
    gaps = translation_gaps(lang)
    for gap in gaps:
        click.echo(f"{gap.lang}\t{gap.kind}\t{gap.label}\t{', '.join(gap.fields)}")
    click.echo(f"{len(gaps)} item-language pairs with missing fields", err=True)
