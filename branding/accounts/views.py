"""Logging in and out, registering, and passwords."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from branding.accounts import forms, limits, services
from branding.accounts.access import login_required
from branding.accounts.mails import send_reset_link
from branding.accounts.models import Role
from branding.core.forms.base import add_error
from branding.core.web.security import no_store
from branding.core.web.urls import safe_redirect

bp = Blueprint("accounts", __name__, url_prefix="/<lang:lang>/account")


def _home_for(user) -> str:
    if user.role == Role.TRANSLATOR:
        return url_for("workbench.index")
    return url_for("office.dashboard") if user.is_staff else url_for("owner.dashboard")


def _safe_next(default: str) -> str:
    return safe_redirect(request.args.get("next"), default)


def _client() -> str:
    """The client's address (after PROXY_COUNT proxies), for per-client limits."""
    return request.remote_addr or ""


def _start_session(user) -> None:
    session.clear()  # a new session at login: nothing from before survives
    login_user(user)
    services.remember_language(user, g.get("lang", ""))


@bp.route("/login", methods=["GET", "POST"])
@no_store
def login():
    """Log in with e-mail and password."""
    form = forms.LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data or "", form.password.data or "", _client())
        except services.LoginRefused as refused:
            if refused.reason != "blocked":
                add_error(
                    form.password,
                    _("That e-mail address and password do not match an active account."),
                )
                return render_template("accounts/login.html", form=form)
            add_error(
                form.password,
                _(
                    "Too many failed attempts. Please wait %(seconds)s seconds and try again, "
                    "or set a new password with the link below.",
                    seconds=refused.retry_after,
                ),
            )
            page = render_template("accounts/login.html", form=form)
            return page, 429, {"Retry-After": str(refused.retry_after)}
        _start_session(user)
        return redirect(_safe_next(_home_for(user)))
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """End the session everywhere this cookie was copied."""
    services.end_sessions(current_user._get_current_object())
    logout_user()
    session.clear()
    flash(_("You have logged out."), "info")
    return redirect(url_for("site.home"))


@bp.route("/register", methods=["GET", "POST"])
@no_store
def register():
    """Create a business-owner account."""
    form = forms.RegisterForm()
    if form.validate_on_submit():
        limits.limit(
            "register", limits.key_of(_client()), *current_app.config["REGISTRATIONS_PER_CLIENT"]
        )
        try:
            user = services.register_owner(
                form.email.data or "", form.password.data or "", form.display_name.data or ""
            )
        except services.AccountError:
            add_error(form.email, _("An account with this e-mail address exists already."))
        else:
            _start_session(user)
            flash(_("Welcome! Your account is ready. Now add your business."), "success")
            return redirect(url_for("owner.dashboard"))
    return render_template("accounts/register.html", form=form)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password."""
    form = forms.PasswordChangeForm()
    user = current_user._get_current_object()
    if form.validate_on_submit():
        if not services.check_password(user, form.current.data or ""):
            add_error(form.current, _("That is not your current password."))
        else:
            _start_session(services.change_password(user, form.password.data))
            flash(_("Your password has been changed."), "success")
            return redirect(_home_for(user))
    return render_template("accounts/password.html", form=form)


@bp.route("/reset", methods=["GET", "POST"])
@no_store
def reset_request():
    """Ask for a one-time password-reset link by e-mail."""
    form = forms.ResetRequestForm()
    if form.validate_on_submit():
        config = current_app.config
        limits.limit("reset-client", limits.key_of(_client()), *config["RESET_MAILS_PER_CLIENT"])
        user = services.find_user(form.email.data or "")
        # a quiet limit per address: the same answer either way, and no mail flood to anyone
        per_address = config["RESET_MAILS_PER_ADDRESS"]
        if (
            user is not None
            and user.active
            and limits.allowed("reset-address", limits.key_of(user.email), *per_address)
        ):
            send_reset_link(user)
        flash(_("If an account uses that address, we have sent it a link."), "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@no_store
def reset(token: str):
    """Set a new password with a one-time link."""
    user = services.user_for_reset_token(token)
    if user is None:
        flash(_("That link has expired or has been used. Ask for a new one."), "error")
        return redirect(url_for("accounts.reset_request"))
    form = forms.ResetForm()
    if form.validate_on_submit():
        services.change_password(user, form.password.data)
        flash(_("Your password has been set. Please log in."), "success")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset.html", form=form)


@bp.route("/invite/<token>", methods=["GET", "POST"])
@no_store
def accept_invite(token: str):
    """Choose a password for an account the tourism office made, with the invitation link."""
    user = services.user_for_invite_token(token)
    if user is None:
        flash(_("That invitation has expired or has been used. Ask for a new one."), "error")
        return redirect(url_for("accounts.reset_request"))
    form = forms.ResetForm()
    if form.validate_on_submit():
        services.change_password(user, form.password.data)
        flash(_("Your password has been set. Please log in."), "success")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset.html", form=form)
