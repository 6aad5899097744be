"""Creating users and checking their passwords."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import func, select

from branding.accounts.models import Role, User
from branding.extensions import db

_hasher = PasswordHasher()  # Argon2id with the RFC 9106 low-memory parameters
MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    """A user cannot be created as asked."""


def hash_password(password: str) -> str:
    """Return an Argon2id hash of a password."""
    return _hasher.hash(password)


def check_password(user: User, password: str) -> bool:
    """Tell whether a password matches the user's hash."""
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
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
