"""Interface translations made on the workbench, and the version that tells servers to reload."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branding.accounts.models import User
from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import enum_column, utcnow
from branding.extensions import Model


class TranslationStatus(StrEnum):
    SUGGESTED = "suggested"  # waits for a second person
    APPROVED = "approved"  # live (the newest approved one of a string)
    REJECTED = "rejected"
    REPLACED = "replaced"  # a later suggestion or approval took its place


class InterfaceTranslation(Model):
    """One translation of one interface string into one language: a suggestion or a decision.

    The rows of a string are its history; the newest approved one overrides the compiled catalog.
    """

    __tablename__ = "interface_translations"
    __table_args__ = (Index("ix_interface_translations_lookup", "lang", "string_key", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String(5))
    string_key: Mapped[str] = mapped_column(String(16))  # strings.string_key(msgid, context)
    msgid: Mapped[str] = mapped_column(Text)  # the singular of a plural message
    context: Mapped[str] = mapped_column(String(200), default="")
    forms: Mapped[list] = mapped_column(JSON)  # one text, or one per plural form
    status: Mapped[TranslationStatus] = mapped_column(enum_column(TranslationStatus))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(200), default="")  # "" or the imported file
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])


class CatalogVersion(Model):
    """A counter per language, raised in the transaction that changes what is live."""

    __tablename__ = "catalog_versions"

    lang: Mapped[str] = mapped_column(String(5), primary_key=True)
    version: Mapped[int] = mapped_column(default=0)


class GlossaryTerm(Model):
    """A term the regency wants translated one way (a place name that keeps its form)."""

    __tablename__ = "glossary_terms"
    __table_args__ = (UniqueConstraint("lang", "term", name="uq_glossary_terms_lang_term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String(5))  # the language the rendering is in
    term: Mapped[str] = mapped_column(String(120))  # as Indonesian or English texts write it
    rendering: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CoverageRecord(Model):
    """How far one language's interface and content were translated on one day (WIB).

    Written by the daily job and by each approval; one row per day and language.
    """

    __tablename__ = "translation_coverage"
    __table_args__ = (UniqueConstraint("day", "lang", name="uq_translation_coverage_day_lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(5))
    interface_done: Mapped[int] = mapped_column(default=0)  # committed or approved strings
    interface_total: Mapped[int] = mapped_column(default=0)
    content_done: Mapped[int] = mapped_column(default=0)  # items with every text
    content_total: Mapped[int] = mapped_column(default=0)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
