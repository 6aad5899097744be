"""One rule for every address the platform sends a browser to: stored links and redirects.

A link someone typed (an event's registration link, a business's website, a destination's
website) reaches visitors' pages only if it is an absolute ``http``/``https`` address with a
host; a redirect target (``?next=``) only if it is a path on this site. Both are judged
*after* the clean-up browsers (the WHATWG URL parser) and Python's ``urlsplit`` apply, so the
tricks that turn a harmless-looking value into another origin are refused:

- tabs, carriage returns and line feeds anywhere (browsers and ``urlsplit`` delete them, so
  ``/\\t/evil.example`` becomes ``//evil.example``; in a header they are an injection);
- leading and trailing spaces and control characters (browsers strip them: `` javascript:``);
- backslashes (browsers read ``\\`` as ``/`` in http(s) URLs: ``/\\evil.example``);
- scheme-relative addresses (``//evil.example``) and any scheme but http and https
  (``javascript:``, ``data:``, ``vbscript:``, ``JaVaScRiPt:``, ``java\\nscript:``);
- other whitespace and control characters, which no honest address contains.

Nothing is "repaired": a value that needed any of this is refused, and the form says why.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import Length, Optional, ValidationError

SCHEMES = ("http", "https")
_HOST = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$|^\[[0-9a-f:.]+\]$"
)
LINK_MESSAGE = _l("Write a web address that starts with https:// (or http://).")


def _has_tricks(value: str) -> bool:
    """Tell whether a value holds anything a browser would clean up or read differently."""
    if "\\" in value:
        return True
    for char in value:
        category = unicodedata.category(char)
        if category[0] in ("C", "Z") and char != " ":  # controls, format chars, odd spaces
            return True
        if char == " ":
            return True
    return False


def is_safe_link(value: str | None) -> bool:
    """Tell whether a stored link may be put in a visitor's page: absolute http(s) with a host."""
    if not value or _has_tricks(value) or len(value) > 2000:
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    if parts.scheme.lower() not in SCHEMES:
        return False
    if parts.username is not None or parts.password is not None:  # https://good@evil
        return False
    host = (parts.hostname or "").lower()
    try:
        host = host.encode("idna").decode("ascii") if host and not host.startswith("[") else host
    except UnicodeError:
        return False
    return bool(_HOST.match(host))


def is_safe_redirect(target: str | None) -> bool:
    """Tell whether a redirect target is a path on this site (never another origin)."""
    if not target or _has_tricks(target) or len(target) > 2000:
        return False
    if not target.startswith("/") or target.startswith("//"):
        return False
    try:
        parts = urlsplit(target)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc


def safe_redirect(target: str | None, default: str) -> str:
    """Return the target if it is a local path, else the default."""
    return target if target and is_safe_redirect(target) else default


def safe_link(value: str | None) -> str:
    """Return a stored link if it may be shown, else "" (a template filter: old rows too)."""
    return value if value and is_safe_link(value) else ""


def check_link(form, field) -> None:
    """A WTForms validator: the field's text must be a safe http(s) link."""
    if field.data and not is_safe_link(field.data.strip()):
        raise ValidationError(str(LINK_MESSAGE))


class LinkField(StringField):
    """A web address typed into a form: http(s) only, stored trimmed, at most 300 characters."""

    def __init__(self, label=None, validators=None, max_length: int = 300, **kwargs) -> None:
        validators = validators or [Optional(), Length(max=max_length), check_link]
        kwargs.setdefault("render_kw", {"type": "url", "inputmode": "url"})
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist) -> None:
        super().process_formdata(valuelist)
        if isinstance(self.data, str):
            self.data = self.data.strip(" ")
