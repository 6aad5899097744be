"""What editors review: a listing's visitor-facing fields and what changed since approval.

A snapshot is plain JSON taken when an editor approves a listing. Comparing it with the
listing as it is now shows editors what an owner changed, field by field and, for texts
kept per language, language by language.
"""

from __future__ import annotations

from typing import Any

from branding.accounts import audit
from branding.accounts.models import AuditEntry, User
from branding.businesses.models import Business, Product
from branding.core.content.columns import MultilingualText
from branding.editorial.diffing import Change, changes

__all__ = ["Change", "changes"]

# Only these fields are reviewed: an owner changing one sends an approved listing back to review.
BUSINESS_FIELDS = (
    "name", "category", "area", "summary", "description", "address", "latitude", "longitude",
    "opening_hours", "whatsapp", "phone", "email", "social_links",
)  # fmt: skip
# A product's availability is not reviewed: marking it sold out must not hide it.
PRODUCT_FIELDS = ("name", "description", "price_min", "price_max", "unit")


class WrongStatus(ValueError):
    """The listing's moderation status does not allow this step now."""


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "value"):  # an enum
        return value.value
    return value


def business_snapshot(business: Business) -> dict[str, Any]:
    """Return the business's reviewed fields as plain JSON (the area by its slug)."""
    values = {name: getattr(business, name) for name in BUSINESS_FIELDS if name != "area"}
    values["area"] = business.area.slug if business.area else None
    return {name: _plain(value) for name, value in values.items()}


def product_snapshot(product: Product) -> dict[str, Any]:
    """Return the product's reviewed fields as plain JSON."""
    return {name: _plain(getattr(product, name)) for name in PRODUCT_FIELDS}


def snapshot(item: Business | Product) -> dict[str, Any]:
    """Return a business's or product's reviewed fields as they are now."""
    return business_snapshot(item) if isinstance(item, Business) else product_snapshot(item)


def record(
    actor: User, action: str, item: Business | Product, changes: dict | None = None
) -> AuditEntry:
    """Stage an audit entry for a business or product, labelled with its slug or name."""
    entry = audit.record(actor, action, item, changes)
    if isinstance(item, Product):
        entry.target_label = MultilingualText(item.name or {}).resolve("id")[:200]
    return entry
