"""Accounts: creating users, logging in, passwords, roles and sessions."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import func, select

from branding.accounts import audit, throttle
from branding.accounts.models import Role, User
from branding.core.content.publishing import utcnow
from branding.extensions import db

MIN_PASSWORD_LENGTH = 10


def _hasher() -> PasswordHasher:
    """Return the app's Argon2id hasher (RFC 9106 low-memory parameters by default)."""
    return current_app.extensions["password_hasher"]


def init_app(app) -> None:
    """Build the password hasher from the configured Argon2id parameters."""
    app.extensions["password_hasher"] = PasswordHasher(
        time_cost=app.config["ARGON2_TIME_COST"],
        memory_cost=app.config["ARGON2_MEMORY_KIB"],
        parallelism=app.config["ARGON2_PARALLELISM"],
    )


class AccountError(ValueError):
    """A user cannot be created as asked."""


def hash_password(password: str) -> str:
    """Return an Argon2id hash of a password."""
    return _hasher().hash(password)


def check_password(user: User, password: str) -> bool:
    """Tell whether a password matches the user's hash."""
    try:
        return _hasher().verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def find_user(email: str) -> User | None:
    """Return the user with this e-mail address, compared case-insensitively."""
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


def add_user(email: str, password: str, role: Role, display_name: str = "") -> User:
    """Stage a new user with a hashed password in the current unit of work."""
    email = email.strip().lower()
    if "@" not in email:
        raise AccountError(f"not an e-mail address: {email!r}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if find_user(email):
        raise AccountError(f"a user with the address {email} exists already")
    user = User(
        email=email,
        display_name=display_name or email.split("@")[0],
        password_hash=hash_password(password),
        role=role,
    )
    db.session.add(user)
    db.session.flush()
    return user


def create_user(email: str, password: str, role: Role, display_name: str = "") -> User:
    """Create a user and commit it."""
    user = add_user(email, password, role, display_name)
    db.session.commit()
    return user


class LoginRefused(Exception):
    """A login that must not succeed; ``reason`` says why, for the message."""

    def __init__(self, reason: str, retry_after: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason  # "blocked" (wait ``retry_after`` seconds) or "invalid"
        self.retry_after = retry_after


def authenticate(email: str, password: str, client: str) -> User:
    """Return the user for valid credentials, counting failures; refuse while a try must wait
    (before the password is checked, so waiting tries reveal nothing)."""
    user = find_user(email)
    wait = throttle.wait_seconds(email, client, user.password_changed_at if user else None)
    if wait:
        raise LoginRefused("blocked", wait)
    if user is None or not user.active or not check_password(user, password):
        if user is None:
            hash_password(password)  # take as long as a real check: no user enumeration
        throttle.record_failure(email, client)
        db.session.commit()
        raise LoginRefused("invalid")
    throttle.clear_failures(email, client)
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def end_sessions(user: User) -> None:
    """Invalidate every session cookie issued to the user so far."""
    user.session_version += 1
    db.session.commit()


def register_owner(email: str, password: str, display_name: str) -> User:
    """Create a business-owner account from the public registration form."""
    user = add_user(email, password, Role.OWNER, display_name)
    audit.record(user, "register", user)
    db.session.commit()
    return user


def change_password(user: User, new_password: str) -> User:
    """Set a new password and end the user's other sessions."""
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utcnow()
    user.session_version += 1
    audit.record(user, "change_password", user)
    db.session.commit()
    return user


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def reset_token(user: User) -> str:
    """Make a password-reset token that stops working once the password changes."""
    return _reset_serializer().dumps({"u": user.id, "h": user.password_hash[-16:]})


def user_for_reset_token(token: str) -> User | None:
    """Return the user a still-valid, unused reset token belongs to."""
    try:
        data = _reset_serializer().loads(
            token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except BadData:
        return None
    user = db.session.get(User, data.get("u")) if isinstance(data, dict) else None
    if user is None or not user.active or user.password_hash[-16:] != data.get("h"):
        return None
    return user


def set_active(actor: User, user: User, active: bool) -> User:
    """Deactivate or reactivate an account; deactivation ends its sessions."""
    if user.active != active:
        user.active = active
        user.session_version += 1
        audit.record(actor, "activate" if active else "deactivate", user)
        db.session.commit()
    return user


def set_role(actor: User, user: User, role: Role) -> User:
    """Change a user's role and end the sessions that carried the old one."""
    if user.role != role:
        audit.record(actor, "change_role", user, {"role": [user.role.value, role.value]})
        user.role = role
        user.session_version += 1
        db.session.commit()
    return user


def load_session_user(session_id: str) -> User | None:
    """Return the active user for an ``id:version`` session identity, or None."""
    user_id, _, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


INVITE_MAX_AGE = 7 * 24 * 3600


def _invite_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="staff-invite")


def invite_token(user: User) -> str:
    """Make a set-password token for an invited account; it works once, for a week."""
    return _invite_serializer().dumps({"u": user.id, "h": user.password_hash[-16:]})


def user_for_invite_token(token: str) -> User | None:
    """Return the active account a still-valid, unused invitation belongs to."""
    try:
        data = _invite_serializer().loads(
            token, max_age=current_app.config.get("INVITE_MAX_AGE", INVITE_MAX_AGE)
        )
    except BadData:
        return None
    user = db.session.get(User, data.get("u")) if isinstance(data, dict) else None
    if user is None or not user.active or user.password_hash[-16:] != data.get("h"):
        return None
    return user


def invite_staff(actor: User, email: str, display_name: str, role: Role, language: str) -> User:
    """Create a staff or translator account with no usable password (the caller mails a link)."""
    if role not in (Role.EDITOR, Role.ADMIN, Role.TRANSLATOR):
        raise AccountError("only staff and translators are invited")
    user = add_user(email, secrets.token_urlsafe(32), role, display_name)
    user.language = language
    audit.record(actor, "invite", user, {"role": [None, role.value]})
    return user


def renew_invitation(actor: User, user: User) -> None:
    """Give an account a new unusable password, so that only the newest link works."""
    user.password_hash = hash_password(secrets.token_urlsafe(32))
    user.session_version += 1
    audit.record(actor, "invite", user)


def commit() -> None:
    """Commit what an account service staged (with the mail queued beside it)."""
    db.session.commit()


def remember_language(user: User, lang: str) -> None:
    """Write to the user in the language they last used."""
    if lang and user.language != lang:
        user.language = lang
        db.session.commit()


def list_users() -> list[User]:
    """Return every account, staff first."""
    return list(db.session.scalars(select(User).order_by(User.role, User.email)))
