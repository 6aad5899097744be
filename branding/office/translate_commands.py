"""``flask translate …``: the translation workflow for id, en and btd."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from branding.core.i18n import LANGUAGES, catalogs
from branding.office.content_status import translation_gaps

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
    """Report each catalog's coverage; fail when id or en is incomplete."""
    incomplete = []
    for code in LANGUAGES:
        status = catalogs.catalog_status(_directory(), code)
        click.echo(
            f"{code}: {status.percent:.1f}% translated ({status.translated} of {status.total}; "
            f"{len(status.missing)} missing, {len(status.fuzzy)} fuzzy)"
        )
        if verbose:
            for msgid in status.missing + status.fuzzy:
                click.echo(f"    {msgid}")
        if code != "btd" and status.translated < status.total:
            incomplete.append(code)
    if incomplete:
        raise click.ClickException(f"incomplete catalogs: {', '.join(incomplete)}")


@translate_cli.command("content")
@click.option("--lang", type=click.Choice(list(LANGUAGES)), help="Only this language.")
def content_command(lang: str | None) -> None:
    """List, per item and language, the content fields that are not translated."""
    gaps = translation_gaps(lang)
    for gap in gaps:
        click.echo(f"{gap.lang}\t{gap.kind}\t{gap.label}\t{', '.join(gap.fields)}")
    click.echo(f"{len(gaps)} item-language pairs with missing fields", err=True)
