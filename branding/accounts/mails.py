"""The messages the platform sends to account holders."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from branding.accounts.models import User
from branding.accounts.services import reset_token
from branding.core.mail import send_mail


def send_reset_link(user: User) -> None:
    """Mail a one-time password-reset link, valid for an hour."""
    link = url_for("accounts.reset", token=reset_token(user), _external=True)
    body = _(
        "Hello %(name)s,\n\nTo choose a new password, open this link within an hour:\n%(link)s\n\n"
        "If you did not ask for this, ignore this message; your password stays the same.",
        name=user.display_name,
        link=link,
    )
    send_mail(user.email, _("Reset your password"), body)
