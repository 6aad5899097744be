"""The glossary: terms translated one agreed way, shown beside every string that has them."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import func, select

from branding.accounts.models import User
from branding.extensions import db
from branding.workbench.models import GlossaryTerm
from branding.workbench.strings import InterfaceString


class Refused(ValueError):
    """A term that cannot be added, with the reason in the user's language."""


def terms(lang: str) -> list[GlossaryTerm]:
    """Return a language's glossary, alphabetically."""
    query = select(GlossaryTerm).where(GlossaryTerm.lang == lang)
    return list(db.session.scalars(query.order_by(func.lower(GlossaryTerm.term))))


def add_term(author: User, lang: str, term: str, rendering: str, note: str = "") -> GlossaryTerm:
    """Add a term to a language's glossary (raise Refused when blank, too long or there)."""
    term, rendering, note = term.strip(), rendering.strip(), note.strip()
    if not term or not rendering:
        raise Refused(_("Write the term and how it is translated."))
    if len(term) > 120 or len(rendering) > 200 or len(note) > 2000:
        raise Refused(_("The term, its translation or the note is too long."))
    taken = select(GlossaryTerm.id).where(
        GlossaryTerm.lang == lang, func.lower(GlossaryTerm.term) == term.lower()
    )
    if db.session.scalar(taken) is not None:
        raise Refused(_("The glossary has this term already."))
    row = GlossaryTerm(lang=lang, term=term, rendering=rendering, note=note, author_id=author.id)
    db.session.add(row)
    db.session.commit()
    return row


def delete_term(row: GlossaryTerm) -> None:
    """Remove a term from the glossary."""
    db.session.delete(row)
    db.session.commit()


def get(term_id: int) -> GlossaryTerm | None:
    """Return one glossary term, or None."""
    return db.session.get(GlossaryTerm, term_id)


def terms_in(string: InterfaceString, lang: str) -> list[GlossaryTerm]:
    """Return the glossary terms that a string's texts contain, as whole words."""
    texts = " ".join((string.msgid, string.plural, *string.indonesian, *string.english))
    return [
        row for row in terms(lang)
        if re.search(rf"(?<!\w){re.escape(row.term)}(?!\w)", texts, re.IGNORECASE)
    ]  # fmt: skip
