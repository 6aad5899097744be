"""What the platform tells owners and editors, by mail, each in their own language.

Every message is queued in the mail outbox in the same transaction as the decision it
tells of (``core.mail.queue_mail``), so it exists exactly when the decision does and no
request waits for a mail server.
"""

from __future__ import annotations

from datetime import datetime

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from branding.accounts.models import Role, User
from branding.businesses.models import Business, Product
from branding.core.mail import in_language, queue_mail
from branding.extensions import db


def _name(item: Business | Product, lang: str) -> str:
    return item.name if isinstance(item, Business) else item.name.resolve(lang)


def _line(item: Business | Product, lang: str) -> str:
    if isinstance(item, Business):
        return _("the business %(name)s", name=item.name)
    return _("the product %(name)s", name=_name(item, lang))


def decided(
    owner: User,
    approved: list[Business | Product],
    rejected: list[tuple[Business | Product, str]],
    photos: int = 0,
) -> None:
    """Tell an owner what the tourism office approved and declined, with the reasons."""
    if not (approved or rejected or photos):
        return
    lang = owner.language
    with in_language(lang):
        first = (approved or [r[0] for r in rejected])[0] if (approved or rejected) else None
        name = _name(first, lang) if first is not None else ""
        parts = [_("Hello %(name)s,", name=owner.display_name), ""]
        if approved:
            parts.append(_("The tourism office has approved:"))
            parts += [f"- {_line(item, lang)}" for item in approved]
            parts += [_("Visitors see it now."), ""]
        if photos:
            parts += [
                ngettext(
                    "%(num)d new photo was approved.", "%(num)d new photos were approved.", photos
                ),
                "",
            ]
        if rejected:
            parts.append(_("The tourism office did not approve:"))
            for item, reason in rejected:
                parts.append(f"- {_line(item, lang)}: {reason}")
            parts += [
                _(
                    "Visitors still see the version approved before, if there is one. "
                    "Change what they ask, then save or submit it again."
                ),
                "",
            ]
        parts.append(
            _("Your businesses: %(link)s", link=url_for("owner.dashboard", _external=True))
        )
        if rejected and not approved:
            subject = _("Not approved: %(name)s", name=name)
        elif rejected:
            subject = _("Partly approved: %(name)s", name=name)
        else:
            subject = _("Approved: %(name)s", name=name or _("your photos"))
        queue_mail(owner.email, subject, "\n".join(parts), lang)


def suspended(owner: User, item: Business | Product, reason: str) -> None:
    """Tell an owner that a listing has been hidden from visitors, and why."""
    lang = owner.language
    with in_language(lang):
        body = _(
            "Hello %(owner)s,\n\nThe tourism office has hidden %(what)s from visitors.\n"
            "Reason: %(reason)s\n\nContact the tourism office to have it shown again.\n%(link)s",
            owner=owner.display_name,
            what=_line(item, lang),
            reason=reason,
            link=url_for("owner.dashboard", _external=True),
        )
        queue_mail(
            owner.email, _("Hidden from visitors: %(name)s", name=_name(item, lang)), body, lang
        )


def reinstated(owner: User, item: Business | Product) -> None:
    """Tell an owner that a suspended listing is shown again."""
    lang = owner.language
    with in_language(lang):
        body = _(
            "Hello %(owner)s,\n\nThe tourism office shows %(what)s to visitors again.\n%(link)s",
            owner=owner.display_name,
            what=_line(item, lang),
            link=url_for("owner.dashboard", _external=True),
        )
        queue_mail(owner.email, _("Shown again: %(name)s", name=_name(item, lang)), body, lang)


def send_digest(now: datetime | None = None) -> int:
    """Mail every active editor and administrator a list of the change sets waiting.

    Nothing is sent when nothing waits. Returns the number of messages queued.
    """
    from branding.moderation.queue import review_queue

    queue = review_queue()
    if not queue.changesets:
        return 0
    staff = db.session.scalars(
        select(User).where(User.active.is_(True), User.role.in_([Role.EDITOR, Role.ADMIN]))
    )
    count = 0
    for user in staff:
        with in_language(user.language):
            lines = [
                _("Hello %(name)s,", name=user.display_name),
                "",
                ngettext(
                    "%(num)d business waits for review:",
                    "%(num)d businesses wait for review:",
                    len(queue.changesets),
                ),
            ]
            for changeset in queue.changesets:
                waiting = len(changeset.reviews)
                lines.append(
                    "- "
                    + changeset.business.name
                    + " ("
                    + ngettext("%(num)d item", "%(num)d items", waiting)
                    + ")"
                )
            lines += ["", url_for("moderation.queue", _external=True)]
            subject = ngettext(
                "%(num)d submission waits for review",
                "%(num)d submissions wait for review",
                len(queue.changesets),
            )
            queue_mail(user.email, subject, "\n".join(lines), user.language)
        count += 1
    db.session.commit()
    return count
