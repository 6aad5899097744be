"""Interface catalogs: compile them, Pakpak included, without Babel locale data for btd."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from branding.i18n import LANGUAGES


def _untranslated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not any(strings)


def compile_catalog(po_path: Path) -> tuple[int, int]:
    """Write the .mo beside a .po, leaving out untranslated and fuzzy messages.

    Babel's own compiler keeps a plural message whose strings are empty, which
    would stop a Pakpak string from falling back to Indonesian.
    Returns (translated, total).
    """
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    total = sum(1 for m in catalog if m.id)
    for message in list(catalog):
        if message.id and (message.fuzzy or _untranslated(message)):
            catalog.delete(message.id, message.context)
    with po_path.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)
    return sum(1 for m in catalog if m.id), total


def compile_all(directory: Path, domain: str = "messages") -> dict[str, tuple[int, int]]:
    """Compile the catalog of every language; return (translated, total) per language."""
    return {
        code: compile_catalog(directory / code / "LC_MESSAGES" / f"{domain}.po")
        for code in LANGUAGES
    }
