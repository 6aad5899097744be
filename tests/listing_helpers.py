"""Helpers shared by the ownership and moderation tests: logging in, form data, approval."""

from __future__ import annotations

from branding.accounts.models import User
from branding.businesses.models import Business, ModerationStatus, Product
from branding.extensions import db
from branding.moderation import services as moderation

PASSWORD = "correct horse battery"  # the factories' default


def log_in(client, user: User, lang: str = "en") -> None:
    """Log a user in through the real login form."""
    response = client.post(
        f"/{lang}/account/login", data={"email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def business_form(area, **fields) -> dict:
    """Return a valid business form, with overrides."""
    return {
        "name": "Kopi Sidiangkat",
        "category": "coffee",
        "area_id": str(area.id),
        "summary_id": "Kopi arabika dari kebun sendiri.",
        "summary_en": "Arabica coffee from our own farm.",
        "description_id": "Kami menyangrai **sendiri**.",
        "address": "Jalan Utama, Salak",
        "latitude": "2.567",
        "longitude": "98.266",
        "hours_mon": "08:00-17:00",
        "hours_sat": "08:00-12:00, 13:00-17:00",
        "phone": "0627 21234",
        "email": "kopi@example.test",
        "instagram": "@kopisidiangkat",
        **fields,
    }


def product_form(**fields) -> dict:
    """Return a valid product form, with overrides."""
    return {
        "name_id": "Kopi bubuk",
        "name_en": "Ground coffee",
        "unit_id": "per 250 gram",
        "price_min": "35.000",
        "available": "y",
        **fields,
    }


def approved(editor: User, item: Business | Product) -> Business | Product:
    """Approve an item as an editor would, from any status."""
    if item.status != ModerationStatus.PENDING:
        item.status = ModerationStatus.PENDING
        db.session.commit()
    return moderation.approve(editor, item)


def reload(item):
    """Return a fresh copy of a row from the database."""
    db.session.expire_all()
    return db.session.get(type(item), item.id)
