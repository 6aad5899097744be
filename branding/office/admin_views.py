"""Administration: accounts and roles (the branding settings are in ``brand_views``)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts import services as accounts
from branding.accounts.access import admin_required
from branding.accounts.mails import queue_invitation
from branding.accounts.models import Role, User
from branding.core.forms.base import add_error
from branding.extensions import db
from branding.office.staff_form import StaffInviteForm

bp = Blueprint("admin", __name__, url_prefix="/<lang:lang>/office/admin")


def _user(user_id: int) -> User:
    return db.session.get(User, user_id) or abort(404)


@bp.get("/users")
@admin_required
def users():
    """List the accounts with their roles."""
    return render_template("office/admin/users.html", users=accounts.list_users(), roles=list(Role))


@bp.route("/users/invite", methods=["GET", "POST"])
@admin_required
def invite():
    """Make a staff account and mail its owner a link to choose a password."""
    form = StaffInviteForm()
    if form.validate_on_submit():
        me = current_user._get_current_object()
        try:
            user = accounts.invite_staff(
                me, form.email.data or "", form.display_name.data or "", Role(form.role.data),
                form.language.data,
            )  # fmt: skip
        except accounts.AccountError:
            add_error(form.email, _("An account with this e-mail address exists already."))
        else:
            queue_invitation(user, me)
            accounts.commit()
            flash(_("Invited: %(email)s will get a link to choose a password.", email=user.email),
                  "success")  # fmt: skip
            return redirect(url_for(".users"))
    return render_template("office/admin/invite.html", form=form)


@bp.post("/users/<int:user_id>/invite")
@admin_required
def reinvite(user_id: int):
    """Send a new set-password link to a staff account (the old one stops working)."""
    user = _user(user_id)
    if not user.is_invitable or not user.active:
        flash(_("Only an active staff account can be invited."), "error")
    else:
        accounts.renew_invitation(current_user._get_current_object(), user)
        queue_invitation(user, current_user._get_current_object())
        accounts.commit()
        flash(_("Invited: %(email)s will get a link to choose a password.", email=user.email),
              "success")  # fmt: skip
    return redirect(url_for(".users"))


@bp.post("/users/<int:user_id>/role")
@admin_required
def set_role(user_id: int):
    """Give an account another role."""
    user = _user(user_id)
    try:
        role = Role(request.form.get("role", ""))
    except ValueError:
        abort(400)
    if user.id == current_user.id:
        flash(_("You cannot change your own role."), "error")
    else:
        accounts.set_role(current_user, user, role)
        flash(_("Role changed for %(email)s.", email=user.email), "success")
    return redirect(url_for(".users"))


@bp.post("/users/<int:user_id>/active")
@admin_required
def set_active(user_id: int):
    """Deactivate or reactivate an account."""
    user, active = _user(user_id), request.form.get("active") == "1"
    if user.id == current_user.id:
        flash(_("You cannot deactivate your own account."), "error")
    else:
        accounts.set_active(current_user, user, active)
        flash(_("Account updated: %(email)s.", email=user.email), "success")
    return redirect(url_for(".users"))
