"""Placeholders a translation must keep: ``%(name)s`` and ``%s`` as in the source text."""

from __future__ import annotations

import re
from collections import Counter

from flask_babel import gettext as _

from branding.workbench.strings import InterfaceString

PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa%])")


def placeholders(text: str) -> Counter[str]:
    """Count the placeholders of a text: ``%(name)s`` by name, ``%s`` and ``%d`` as themselves."""
    found: Counter[str] = Counter()
    for match in PLACEHOLDER.finditer(text):
        name, kind = match.groups()
        if kind != "%":
            found[f"%({name})" + kind if name else "%" + kind] += 1
    return found


def _names(counter: Counter[str]) -> str:
    return ", ".join(sorted(counter))


def _formats(text: str, wanted: Counter[str]) -> bool:
    """Whether Python's ``%`` accepts the text with values for the source's placeholders."""
    named = {p[2:].split(")")[0] for p in wanted if p.startswith("%(")}
    try:
        if named:
            text % dict.fromkeys(named, 1)
        else:
            text % ((1,) * sum(wanted.values()))
    except (KeyError, ValueError, TypeError):
        return False
    return True


def _check_form(text: str, wanted: Counter[str], allowed: Counter[str], python: bool) -> str:
    got = placeholders(text)
    missing, extra = wanted - got, got - allowed
    if missing:
        return _("The translation must keep %(names)s.", names=_names(missing))
    if extra:
        return _(
            "The translation adds %(names)s, which the text does not have.", names=_names(extra)
        )
    if python and not _formats(text, wanted):
        return _("A per cent sign that is not a placeholder must be written twice.")
    return ""


def problems(string: InterfaceString, forms: list[str]) -> list[str]:
    """Return what is wrong with the forms of a translation, in the user's language (or [])."""
    if not any(form.strip() for form in forms):
        return [_("Write a translation.")]
    if not all(form.strip() for form in forms):
        return [_("Write every plural form.")]
    source = string.msgid + string.plural
    if any(c in form and c not in source for form in forms for c in "<>"):
        # templates mark translated text as safe HTML: no tags the source does not have
        return [_("The translation cannot contain the signs < and >.")]
    if not string.python_format:
        if any("%" in form for form in forms):
            return [
                _("This text has no placeholders: the translation cannot contain a per cent sign.")
            ]
        return []
    found = []
    singular, plural = placeholders(string.msgid), placeholders(string.plural)
    for number, form in enumerate(forms, start=1):
        if string.is_plural:
            last = number == len(forms)
            wanted = plural if last else (singular & plural)
            problem = _check_form(form, wanted, singular | plural, True)
        else:
            problem = _check_form(form, singular, singular, True)
        if problem:
            found.append(problem if len(forms) == 1 else f"{number}: {problem}")
    return found
