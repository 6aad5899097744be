"""Logging test clients in through the real login form."""

from __future__ import annotations

PASSWORD = "correct horse battery"


def login(client, user_or_email, password: str = PASSWORD, lang: str = "en"):
    """Log a test client in as a user; return the response."""
    email = getattr(user_or_email, "email", user_or_email)
    return client.post(f"/{lang}/account/login", data={"email": email, "password": password})
