"""Suggest, approve and reject interface translations; read what is live and what waits."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from branding.accounts.models import Role, User
from branding.core.content.publishing import utcnow
from branding.extensions import db
from branding.workbench import placeholders
from branding.workbench.models import CatalogVersion, InterfaceTranslation, TranslationStatus
from branding.workbench.strings import InterfaceString, committed, plural_count

REVIEWERS = (Role.TRANSLATOR, Role.EDITOR, Role.ADMIN)


class Refused(Exception):
    """A translation that cannot be saved, with the reasons in the user's language."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class NotAllowed(Exception):
    """The user may not take this decision."""


def form_count(string: InterfaceString, lang: str) -> int:
    """Return how many texts a translation of a string has in a language."""
    return plural_count(lang) if string.is_plural else 1


def _rows(lang: str, key: str, status: TranslationStatus):
    return select(InterfaceTranslation).where(
        InterfaceTranslation.lang == lang,
        InterfaceTranslation.string_key == key,
        InterfaceTranslation.status == status,
    )


def stage_suggestion(
    author: User | None, lang: str, string: InterfaceString, forms: list[str], source: str = ""
) -> InterfaceTranslation:
    """Stage a suggestion after checking its forms (raise Refused); replace the author's last."""
    if len(forms) != form_count(string, lang):
        raise Refused(placeholders.problems(string, []))
    forms = [form.strip() for form in forms]
    problems = placeholders.problems(string, forms)
    if problems:
        raise Refused(problems)
    if author is not None:
        for older in db.session.scalars(_rows(lang, string.key, TranslationStatus.SUGGESTED)):
            if older.author_id == author.id:
                older.status = TranslationStatus.REPLACED
    row = InterfaceTranslation(
        lang=lang, string_key=string.key, msgid=string.msgid, context=string.context,
        forms=forms, status=TranslationStatus.SUGGESTED, author=author, source=source,
    )  # fmt: skip
    db.session.add(row)
    db.session.flush()
    return row


def suggest(
    author: User, lang: str, string: InterfaceString, forms: list[str]
) -> InterfaceTranslation:
    """Save a translation as a suggestion that waits for a second person."""
    row = stage_suggestion(author, lang, string, forms)
    db.session.commit()
    return row


def may_review(user: User, row: InterfaceTranslation) -> bool:
    """Anyone on the workbench but the author; an admin may approve their own (one speaker)."""
    if user.role not in REVIEWERS or row.status != TranslationStatus.SUGGESTED:
        return False
    return row.author_id != user.id or user.role == Role.ADMIN


def stage_approval(reviewer: User | None, row: InterfaceTranslation) -> None:
    """Make a suggestion the live translation and raise the language's version."""
    for older in db.session.scalars(_rows(row.lang, row.string_key, TranslationStatus.APPROVED)):
        older.status = TranslationStatus.REPLACED
    row.status, row.reviewer, row.reviewed_at = TranslationStatus.APPROVED, reviewer, utcnow()
    _raise_version(row.lang)


def approve(reviewer: User, row: InterfaceTranslation) -> InterfaceTranslation:
    """Approve a suggestion: it is live on every server from the next request."""
    if not may_review(reviewer, row):
        raise NotAllowed
    stage_approval(reviewer, row)
    from branding.workbench import history  # it counts with this module's queries

    history.stage_record(languages=(row.lang,))
    db.session.commit()
    return row


def reject(reviewer: User, row: InterfaceTranslation) -> InterfaceTranslation:
    """Turn a suggestion down; it stays in the string's history."""
    if not may_review(reviewer, row) and not (
        row.author_id == reviewer.id and row.status == TranslationStatus.SUGGESTED
    ):  # authors may withdraw their own
        raise NotAllowed
    row.status, row.reviewer, row.reviewed_at = TranslationStatus.REJECTED, reviewer, utcnow()
    db.session.commit()
    return row


def _raise_version(lang: str) -> None:
    bumped = db.session.execute(
        update(CatalogVersion)
        .where(CatalogVersion.lang == lang)
        .values(version=CatalogVersion.version + 1)
    )
    if not bumped.rowcount:  # type: ignore[attr-defined]  # a CursorResult
        db.session.add(CatalogVersion(lang=lang, version=1))


def current_version(lang: str) -> int:
    """Return the version of a language's approved translations (0: none yet)."""
    found = db.session.scalar(select(CatalogVersion.version).where(CatalogVersion.lang == lang))
    return found or 0


def live(lang: str) -> dict[str, InterfaceTranslation]:
    """Return the approved translation of each string that has one, by string key."""
    rows = db.session.scalars(
        select(InterfaceTranslation)
        .where(
            InterfaceTranslation.lang == lang,
            InterfaceTranslation.status == TranslationStatus.APPROVED,
        )
        .order_by(InterfaceTranslation.id)
    )
    return {row.string_key: row for row in rows}


def waiting(lang: str) -> dict[str, list[InterfaceTranslation]]:
    """Return the suggestions waiting for review, by string key."""
    found: dict[str, list[InterfaceTranslation]] = {}
    rows = db.session.scalars(
        select(InterfaceTranslation)
        .where(
            InterfaceTranslation.lang == lang,
            InterfaceTranslation.status == TranslationStatus.SUGGESTED,
        )
        .order_by(InterfaceTranslation.id)
    )
    for row in rows:
        found.setdefault(row.string_key, []).append(row)
    return found


def changed_since(lang: str, days: int = 14) -> dict[str, datetime]:
    """Return when each string was last suggested or decided in the last days, by key."""
    since = utcnow() - timedelta(days=days)
    found: dict[str, datetime] = {}
    rows = db.session.execute(
        select(InterfaceTranslation.string_key, InterfaceTranslation.created_at,
               InterfaceTranslation.reviewed_at)
        .where(InterfaceTranslation.lang == lang, InterfaceTranslation.created_at >= since)
    )  # fmt: skip
    for key, created, reviewed in rows:
        when = max(created, reviewed or created)
        found[key] = max(when, found.get(key, when))
    return found


def history(lang: str, key: str) -> list[InterfaceTranslation]:
    """Return every translation of one string into a language, newest first."""
    return list(
        db.session.scalars(
            select(InterfaceTranslation)
            .where(InterfaceTranslation.lang == lang, InterfaceTranslation.string_key == key)
            .order_by(InterfaceTranslation.id.desc())
        )
    )


def current_forms(lang: str, string: InterfaceString) -> list[str]:
    """Return the live translation of a string: the approved row's, else the catalog's, else []."""
    row = db.session.scalar(
        _rows(lang, string.key, TranslationStatus.APPROVED).order_by(InterfaceTranslation.id.desc())
    )
    if row is not None:
        return list(row.forms)
    return list(committed(lang).get((string.context, string.msgid), ()))


def get(row_id: int) -> InterfaceTranslation | None:
    """Return one translation row, or None."""
    return db.session.get(InterfaceTranslation, row_id)
