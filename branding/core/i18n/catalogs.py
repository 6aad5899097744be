"""Interface catalogs: extract, update, compile and measure them, Pakpak included.

Babel has no locale data for ``btd``; nothing here asks Babel for that locale.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from branding.core.i18n import LANGUAGES

DOMAIN = "messages"
PROJECT = "Pesona Pakpak Bharat"


@dataclass
class CatalogStatus:
    """How complete one language's catalog is."""

    code: str
    total: int
    translated: int
    fuzzy: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def po_path(directory: Path, code: str) -> Path:
    """Return the .po file of a language."""
    return directory / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _untranslated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not all(strings)


def _msgid(message) -> str:
    return str(message.id[0] if isinstance(message.id, tuple) else message.id)


_LANGUAGE_HEADER = re.compile(rb'^"Language: ([^"\\]*)\\n"\n', re.MULTILINE)


def read_catalog(path: Path) -> Catalog:
    """Read a .po file without asking Babel for its language's locale (it knows no ``btd``).

    The header's language is kept as the catalog's identifier; the plural forms come from
    the header's ``Plural-Forms``, never from Babel's locale data.
    """
    data = path.read_bytes()
    found = _LANGUAGE_HEADER.search(data)
    catalog = read_po(io.BytesIO(_LANGUAGE_HEADER.sub(b"", data, count=1)))
    if found:
        catalog._locale_identifier = found.group(1).decode()  # what Babel's setter would keep
    return catalog


_read = read_catalog


def catalog_status(directory: Path, code: str) -> CatalogStatus:
    """Count translated, fuzzy and missing messages of a language's catalog."""
    messages = [m for m in _read(po_path(directory, code)) if m.id]
    fuzzy = [_msgid(m) for m in messages if m.fuzzy]
    missing = [_msgid(m) for m in messages if not m.fuzzy and _untranslated(m)]
    translated = len(messages) - len(fuzzy) - len(missing)
    return CatalogStatus(code, len(messages), translated, fuzzy, missing)


def compile_catalog(po: Path) -> CatalogStatus:
    """Write the .mo beside a .po, leaving out untranslated and fuzzy messages.

    Babel's own compiler keeps a plural message whose strings are empty, which
    would stop a Pakpak string from falling back to Indonesian.
    """
    catalog = _read(po)
    for message in list(catalog):
        if message.id and (message.fuzzy or _untranslated(message)):
            catalog.delete(message.id, message.context)
    _write_atomically(po.with_suffix(".mo"), catalog)
    return catalog_status(po.parents[2], po.parents[1].name)


def _write_atomically(target: Path, catalog: Catalog) -> None:
    """Write a .mo whole under a temporary name, then put it in place in one rename.

    A server (or a second test run in the same checkout) that loads the catalog while it is
    compiled reads the old file or the new one, never an empty or half-written one.
    """
    handle = tempfile.NamedTemporaryFile(
        "wb", dir=target.parent, prefix=f".{target.stem}-", suffix=".mo", delete=False
    )
    try:
        with handle:
            write_mo(handle, catalog)
        os.chmod(handle.name, 0o644)  # readable by the server's user, as open() would leave it
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def compile_all(directory: Path) -> list[CatalogStatus]:
    """Compile the catalog of every language."""
    return [compile_catalog(po_path(directory, code)) for code in LANGUAGES]


def extract(project_root: Path, directory: Path) -> Path:
    """Collect the interface strings of the code and templates into messages.pot."""
    pot = directory / f"{DOMAIN}.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(project_root / "babel.cfg"),
         "-k", "lazy_gettext", "-k", "_l", "-o", str(pot), "--sort-output",
         "--project", PROJECT, "--copyright-holder", "Kabupaten Pakpak Bharat",
         str(project_root)]
    )  # fmt: skip
    _relative_locations(pot, project_root)
    return pot


def _relative_locations(pot: Path, project_root: Path) -> None:
    """Name each string's source files from the project's top, as every checkout does."""
    template = _read(pot)
    root = str(project_root.resolve()) + "/"
    for message in template:
        message.locations = [(name.removeprefix(root), line) for name, line in message.locations]
    with pot.open("wb") as handle:
        write_po(handle, template, sort_output=True)


def update(directory: Path) -> None:
    """Merge messages.pot into every language's catalog (new strings start empty).

    The template keeps where each string appears (the workbench shows it); the catalogs leave
    the locations out, so that moving a line of code does not change three files.
    """
    template = _read(directory / f"{DOMAIN}.pot")
    for code in LANGUAGES:
        path = po_path(directory, code)
        catalog = _read(path)  # no locale: Babel knows no ``btd``; the header has the plurals
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, no_location=True, ignore_obsolete=True)
