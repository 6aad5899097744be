"""The workbench's approved translations as overrides of the compiled catalogs.

``core.i18n.CatalogDomain`` asks for the version once per request and rebuilds its
per-process catalog when it changed, so an approval shows on every server at once.
"""

from __future__ import annotations

from branding.workbench import services
from branding.workbench.strings import TARGET_LANGUAGES, all_strings


class WorkbenchOverrides:
    """Give ``core.i18n`` the approved translations of the languages the workbench serves."""

    def version(self, code: str) -> int | None:
        """Return the version of a language's approved translations (None: not translated here)."""
        return services.current_version(code) if code in TARGET_LANGUAGES else None

    def messages(self, code: str) -> dict:
        """Return the approved translations keyed as gettext keys a compiled catalog."""
        approved = services.live(code)
        found: dict = {}
        for string in all_strings():
            row = approved.get(string.key)
            if row is None:
                continue
            msgid = f"{string.context}\x04{string.msgid}" if string.context else string.msgid
            if string.is_plural:
                found.update({(msgid, n): text for n, text in enumerate(row.forms)})
            else:
                found[msgid] = row.forms[0]
        return found
