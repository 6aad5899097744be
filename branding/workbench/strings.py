"""The interface strings a translator works on: the template, with Indonesian and English."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app

from branding.core.i18n import catalogs

TARGET_LANGUAGES = ("btd",)  # the languages the workbench translates into


@dataclass(frozen=True)
class InterfaceString:
    """One message of messages.pot, with its source texts."""

    key: str
    msgid: str
    plural: str  # "" unless a plural message
    context: str
    locations: tuple[tuple[str, int], ...]
    python_format: bool
    indonesian: tuple[str, ...]
    english: tuple[str, ...]

    @property
    def is_plural(self) -> bool:
        return bool(self.plural)


def string_key(msgid: str, context: str = "") -> str:
    """Return the short stable key of a message, for URLs and rows."""
    return hashlib.sha1(f"{context}\x04{msgid}".encode()).hexdigest()[:16]


def directory() -> Path:
    """Return the folder of the catalogs and messages.pot."""
    return Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])


def singular(message) -> str:
    """Return a catalog message's msgid (the singular of a plural message)."""
    return message.id if isinstance(message.id, str) else str(message.id[0])


def _texts(message) -> tuple[str, ...]:
    if message is None:
        return ()
    return tuple(message.string) if isinstance(message.string, tuple) else (message.string,)


_read = catalogs.read_catalog  # never hands ``btd`` to Babel as a locale


@lru_cache(maxsize=4)
def _load(folder: str, stamp: tuple[float, ...]) -> tuple[InterfaceString, ...]:
    base = Path(folder)
    template = _read(base / f"{catalogs.DOMAIN}.pot")
    indonesian = _read(catalogs.po_path(base, "id"))
    english = _read(catalogs.po_path(base, "en"))
    found = []
    for message in template:
        if not message.id:
            continue
        msgid = singular(message)
        plural = "" if isinstance(message.id, str) else str(message.id[1])
        context = message.context or ""
        found.append(
            InterfaceString(
                key=string_key(msgid, context),
                msgid=msgid,
                plural=plural,
                context=context,
                locations=tuple(message.locations),
                python_format=message.python_format,
                indonesian=_texts(indonesian.get(message.id, message.context)),
                english=_texts(english.get(message.id, message.context)),
            )
        )
    return tuple(found)


def all_strings() -> tuple[InterfaceString, ...]:
    """Return every interface string, read once per process (again when the files change)."""
    folder = directory()
    files = [folder / f"{catalogs.DOMAIN}.pot"] + [
        catalogs.po_path(folder, code) for code in ("id", "en")
    ]
    return _load(str(folder), tuple(path.stat().st_mtime for path in files))


def by_key(key: str) -> InterfaceString | None:
    """Return the interface string with this key, or None."""
    return next((s for s in all_strings() if s.key == key), None)


@lru_cache(maxsize=4)
def _compiled(folder: str, stamp: float) -> dict[tuple[str, str], tuple[str, ...]]:
    """The translations a language's committed catalog already has, by (context, msgid)."""
    found = {}
    for message in _read(Path(folder)):
        if not message.id or message.fuzzy:
            continue
        texts = _texts(message)
        if texts and all(texts):
            found[(message.context or "", singular(message))] = texts
    return found


def committed(lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """Return the translations of a language's .po file, by (context, msgid)."""
    path = catalogs.po_path(directory(), lang)
    return _compiled(str(path), path.stat().st_mtime)


@lru_cache(maxsize=8)
def _plural_count(path: str, stamp: float) -> int:
    return _read(Path(path)).num_plurals


def plural_count(lang: str) -> int:
    """Return how many plural forms a language's catalog declares (its header, not Babel)."""
    path = catalogs.po_path(directory(), lang)
    return _plural_count(str(path), path.stat().st_mtime)
