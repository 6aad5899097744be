"""The messages the platform sends to account holders."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from branding.accounts.models import User
from branding.accounts.services import invite_token, reset_token
from branding.core.mail import in_language, queue_mail, send_mail


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


def queue_invitation(user: User, inviter: User) -> None:
    """Queue an invitation with a set-password link, in the new colleague's language."""
    with in_language(user.language):
        link = url_for("accounts.accept_invite", token=invite_token(user), _external=True)
        body = _(
            "Hello %(name)s,\n\n%(inviter)s has made you an account for the tourism office's "
            "back office. Choose your password with this link within a week:\n%(link)s\n\n"
            "Then log in with this e-mail address.",
            name=user.display_name,
            inviter=inviter.display_name,
            link=link,
        )
        queue_mail(user.email, _("Your account at the tourism office"), body, user.language)
