"""Exchange approved translations with standard .po files (Poedit, Weblate, a commit).

Export writes the language's catalog with every approved translation in place: committed
as the repository's .po it keeps the catalog the source of truth across releases. Import
reads one back: new translations are approved (the file was reviewed where it was made),
a string whose approved translation differs is a conflict and is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from branding.core.i18n import catalogs
from branding.extensions import db
from branding.workbench import history, services
from branding.workbench.strings import (
    TARGET_LANGUAGES,
    all_strings,
    committed,
    directory,
    singular,
)


def _msg_id(string) -> str | tuple[str, str]:
    return (string.msgid, string.plural) if string.is_plural else string.msgid


def export_catalog(lang: str) -> Catalog:
    """Return the language's catalog with the approved translations in it."""
    catalog = catalogs.read_catalog(catalogs.po_path(directory(), lang))
    approved = services.live(lang)
    for string in all_strings():
        row = approved.get(string.key)
        message = catalog.get(_msg_id(string), string.context or None)
        if row is None or message is None:
            continue
        message.string = tuple(row.forms) if string.is_plural else row.forms[0]
        message.flags.discard("fuzzy")
    return catalog


def write_export(lang: str, handle: BinaryIO) -> None:
    """Write the exported catalog as a .po file, in the repository's own layout."""
    write_po(handle, export_catalog(lang), width=100, no_location=True, ignore_obsolete=True)


def export_bytes(lang: str) -> bytes:
    """Return the exported .po file's bytes."""
    buffer = BytesIO()
    write_export(lang, buffer)
    return buffer.getvalue()


@dataclass
class ImportReport:
    """What importing a .po file did, string by string."""

    lang: str
    approved: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # another translation is approved
    unknown: list[str] = field(default_factory=list)  # not an interface string (any more)
    refused: list[tuple[str, list[str]]] = field(default_factory=list)


def _forms(message) -> list[str]:
    texts = message.string if isinstance(message.string, tuple) else (message.string,)
    return [str(text) for text in texts]


def import_file(path: Path, lang: str | None = None) -> ImportReport:
    """Approve the translations of a .po file that are new; report conflicts; commit once."""
    catalog = catalogs.read_catalog(path)
    lang = lang or catalog.locale_identifier or ""
    if lang not in TARGET_LANGUAGES:
        raise ValueError(
            f"the file's language is {lang or 'not given'}, not one the workbench translates"
        )
    report = ImportReport(lang)
    strings = {(s.context, s.msgid): s for s in all_strings()}
    approved, have = services.live(lang), committed(lang)
    for message in catalog:
        if not message.id or message.fuzzy or not all(_forms(message)):
            continue
        msgid = singular(message)
        string = strings.get((message.context or "", msgid))
        if string is None:
            report.unknown.append(msgid)
            continue
        forms, live = _forms(message), approved.get(string.key)
        current = list(live.forms) if live else list(have.get((string.context, msgid), ()))
        if forms == current:
            report.unchanged.append(msgid)
        elif live is not None:
            report.conflicts.append(msgid)
        else:
            _approve(report, lang, string, forms, path.name)
    if report.approved:
        history.stage_record(languages=(lang,))
    db.session.commit()
    return report


def _approve(report: ImportReport, lang: str, string, forms: list[str], source: str) -> None:
    try:
        row = services.stage_suggestion(None, lang, string, forms, source=source)
    except services.Refused as refused:
        report.refused.append((string.msgid, refused.problems))
    else:
        services.stage_approval(None, row)
        report.approved.append(string.msgid)
