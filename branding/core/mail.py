"""Outgoing mail behind a small interface: the log and instance/mail/ by default, SMTP by config."""

from __future__ import annotations

import logging
import smtplib
import uuid
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from flask import Flask, current_app

from branding.core.content.publishing import utcnow

log = logging.getLogger(__name__)


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


def send_mail(to: str, subject: str, body: str) -> None:
    """Send a plain-text message from the platform's address."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    current_app.extensions["mailer"].send(message)


def init_app(app: Flask) -> None:
    """Choose the mailer: SMTP when MAIL_SERVER is set, else the instance folder."""
    if app.config.get("MAIL_SERVER"):
        app.extensions["mailer"] = SMTPMailer(app.config)
    else:
        app.extensions["mailer"] = FolderMailer(Path(app.instance_path) / "mail")
