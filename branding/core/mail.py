"""Outgoing mail: an outbox table written with the change, and a sender that delivers it.

``queue_mail`` stages a message as a row of ``mail_outbox`` in the caller's transaction, so
a notification exists exactly when the change it tells of was committed, and no request
waits for a mail server. ``send_due`` delivers what is due through the mailer (the log and
``instance/mail/*.eml`` by default, SMTP when ``MAIL_SERVER`` is set), claiming each row
with a conditional update so that two senders never deliver one message twice; a failure
is retried later, with a growing wait, until ``MAIL_MAX_ATTEMPTS``.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from flask import Flask, current_app, g, has_request_context, request
from flask_babel import refresh
from sqlalchemy import String, Text, or_, select, update
from sqlalchemy.orm import Mapped, mapped_column

from branding.core import jobs
from branding.core.content.columns import UTCDateTime
from branding.core.content.publishing import utcnow
from branding.core.content.statements import affected_rows
from branding.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from branding.extensions import Model, db

log = logging.getLogger(__name__)
# Wait before each retry: a minute, five, half an hour, two hours, then twelve.
BACKOFF = (60, 300, 1800, 7200, 43200)
CLAIM_SECONDS = 300  # a sender that dies while sending frees its rows after this


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...


class FolderMailer:
    """Write each message to the log and to a .eml file (works offline)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
        (self.folder / name).write_bytes(message.as_bytes())
        log.info("mail to %s: %s (saved as %s)", message["To"], message["Subject"], name)


class SMTPMailer:
    """Send through an SMTP server with STARTTLS when configured."""

    def __init__(self, config: dict) -> None:
        self.host, self.port = config["MAIL_SERVER"], int(config["MAIL_PORT"])
        self.user, self.password = config["MAIL_USERNAME"], config["MAIL_PASSWORD"]
        self.starttls = config["MAIL_STARTTLS"]

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=20) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password)
            smtp.send_message(message)


class OutgoingMail(Model):
    """A message waiting to be sent, sent, or given up on."""

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(5), default=DEFAULT_LANGUAGE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


def _message(to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    return message


def queue_mail(to: str, subject: str, body: str, language: str = DEFAULT_LANGUAGE) -> None:
    """Stage a message in the caller's transaction; it is sent once that commits."""
    db.session.add(
        OutgoingMail(recipient=to, subject=str(subject)[:300], body=str(body), language=language)
    )
    if has_request_context():
        g.mail_queued = True


def send_mail(to: str, subject: str, body: str) -> None:
    """Queue a message on its own and commit it (the request then tries to send it)."""
    queue_mail(to, subject, body)
    db.session.commit()


@dataclass(frozen=True)
class Delivery:
    sent: int
    failed: int  # failed this time (retried later, or given up on)


def _claim(row_id: int, now: datetime) -> bool:
    """Take a due row for this sender; False if another sender has it, or it was sent."""
    claim = (
        update(OutgoingMail)
        .where(
            OutgoingMail.id == row_id,
            OutgoingMail.sent_at.is_(None),
            OutgoingMail.failed_at.is_(None),
            or_(OutgoingMail.claimed_until.is_(None), OutgoingMail.claimed_until < now),
        )
        .values(claimed_until=now + timedelta(seconds=CLAIM_SECONDS))
        .execution_options(synchronize_session=False)
    )
    won = affected_rows(claim) == 1
    db.session.commit()
    return won


def send_due(now: datetime | None = None, limit: int = 100) -> Delivery:
    """Send the messages that are due; a failure is retried later, with a growing wait."""
    now = now or utcnow()
    due = select(OutgoingMail.id).where(
        OutgoingMail.sent_at.is_(None),
        OutgoingMail.failed_at.is_(None),
        OutgoingMail.next_attempt_at <= now,
        or_(OutgoingMail.claimed_until.is_(None), OutgoingMail.claimed_until < now),
    )
    ids = list(db.session.scalars(due.order_by(OutgoingMail.id).limit(limit)))
    db.session.commit()
    sent = failed = 0
    mailer = current_app.extensions["mailer"]
    max_attempts = current_app.config.get("MAIL_MAX_ATTEMPTS", len(BACKOFF) + 1)
    for row_id in ids:
        if not _claim(row_id, now):
            continue
        row = db.session.get(OutgoingMail, row_id)
        if row is None:  # deleted since it was claimed
            continue
        try:
            mailer.send(_message(row.recipient, row.subject, row.body))
        except Exception as error:  # any failure of the mail server: try again later
            log.warning("mail %s to %s failed: %s", row.id, row.recipient, error)
            failed += 1
            row.attempts += 1
            row.last_error = str(error)[:1000]
            row.claimed_until = None
            if row.attempts >= max_attempts:
                row.failed_at = now
            else:
                wait = BACKOFF[min(row.attempts - 1, len(BACKOFF) - 1)]
                row.next_attempt_at = now + timedelta(seconds=wait)
        else:
            sent += 1
            row.attempts += 1
            row.sent_at, row.claimed_until, row.last_error = now, None, ""
        db.session.commit()
    return Delivery(sent, failed)


def purge_sent(now: datetime | None = None, days: int = 90) -> int:
    """Forget messages sent (or given up on) more than ``days`` ago."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    old = select(OutgoingMail).where(
        or_(OutgoingMail.sent_at < cutoff, OutgoingMail.failed_at < cutoff)
    )
    rows = list(db.session.scalars(old))
    for row in rows:
        db.session.delete(row)
    db.session.commit()
    return len(rows)


@contextmanager
def in_language(lang: str | None) -> Iterator[None]:
    """Render interface strings (and links) in a recipient's language, in or out of a request."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    base = current_app.config.get("SITE_URL") or (
        request.host_url if has_request_context() else "http://localhost/"
    )
    outer = g.get("lang")
    with current_app.test_request_context(f"/{lang}/", base_url=base):
        g.lang = lang
        refresh()
        try:
            yield
        finally:
            if outer is None:
                g.pop("lang", None)
            else:
                g.lang = outer
            refresh()


@jobs.job("mail.send", retries=0)
@jobs.every("mail sent", minutes="*")
def send_waiting() -> int:
    """Send the mail that is due (a job: after a request queued some, and every minute)."""
    return send_due().sent


def _send_after_response(response):
    """Once a request has queued mail, have it sent: by the job queue, or after the response."""
    if not g.pop("mail_queued", False):
        return response
    if not jobs.runs_inline():
        jobs.enqueue("mail.send")  # the outbox row is committed; a worker sends it
    elif current_app.config.get("MAIL_SEND_AFTER_REQUEST", True):
        app = current_app._get_current_object()  # type: ignore[attr-defined]

        def deliver() -> None:
            with app.app_context():
                try:
                    send_due()
                except Exception:  # the outbox keeps it: `flask mail send` will retry
                    log.exception("sending queued mail failed")
                finally:
                    db.session.remove()

        response.call_on_close(deliver)
    return response


def init_app(app: Flask) -> None:
    """Choose the mailer: SMTP when MAIL_SERVER is set, else the instance folder."""
    if app.config.get("MAIL_SERVER"):
        app.extensions["mailer"] = SMTPMailer(app.config)
    else:
        app.extensions["mailer"] = FolderMailer(Path(app.instance_path) / "mail")
    app.after_request(_send_after_response)
