"""What editors review: a listing's visitor-facing fields and what changed since approval.

A snapshot is plain JSON taken when an editor approves a listing. Comparing it with the
listing as it is now shows editors what an owner changed, field by field and, for texts
kept per language, language by language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from branding.accounts import audit
from branding.accounts.models import AuditEntry, User
from branding.businesses.models import Business, Product
from branding.core.content.columns import MultilingualText
from branding.core.forms.hours_input import format_exceptions, format_spans
from branding.core.i18n.formatting import WEEKDAY_KEYS

# Only these fields are reviewed: an owner changing one sends an approved listing back to review.
BUSINESS_FIELDS = (
    "name", "category", "area", "summary", "description", "address", "latitude", "longitude",
    "opening_hours", "whatsapp", "phone", "email", "social_links",
)  # fmt: skip
# A product's availability is not reviewed: marking it sold out must not hide it.
PRODUCT_FIELDS = ("name", "description", "price_min", "price_max", "unit")


class WrongStatus(ValueError):
    """The listing's moderation status does not allow this step now."""


@dataclass(frozen=True)
class Change:
    field: str  # a name in BUSINESS_FIELDS or PRODUCT_FIELDS
    part: str  # a language code, weekday, network…, or "" for a plain field
    before: Any
    after: Any


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


def _hours_parts(hours: dict) -> dict[str, str]:
    weekly = (hours or {}).get("weekly", {})
    parts = {day: format_spans(weekly.get(day, [])) for day in WEEKDAY_KEYS}
    parts["exceptions"] = format_exceptions((hours or {}).get("exceptions", []))
    return parts


def _parts(name: str, value: Any) -> dict[str, Any]:
    if name == "opening_hours":
        return _hours_parts(value)
    if isinstance(value, dict):
        return dict(value)
    return {"": value}


def _blank(value: Any) -> Any:
    return "" if value is None else value


def changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Change]:
    """Return what differs between two snapshots, field by field and part by part."""
    found = []
    for name, value in after.items():
        old, new = _parts(name, (before or {}).get(name)), _parts(name, value)
        for part in [*new, *(part for part in old if part not in new)]:
            if _blank(old.get(part)) != _blank(new.get(part)):
                found.append(Change(name, part, old.get(part), new.get(part)))
    return found


def record(
    actor: User, action: str, item: Business | Product, changes: dict | None = None
) -> AuditEntry:
    """Stage an audit entry for a business or product, labelled with its slug or name."""
    entry = audit.record(actor, action, item, changes)
    if isinstance(item, Product):
        entry.target_label = MultilingualText(item.name or {}).resolve("id")[:200]
    return entry
