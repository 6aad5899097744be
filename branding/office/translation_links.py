"""Where the office's translation status sends each item: the editor of its texts."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from branding.accounts.models import Role
from branding.office.content_status import Gap
from branding.workbench.labels import TEXT_FIELD_LABELS

GAP_KINDS = {
    "branding_settings": _l("Branding"),
    "areas": _l("Area"),
    "destinations": _l("Destination"),
    "events": _l("Event"),
    "businesses": _l("Local business"),
    "products": _l("Product"),
}
FIELD_LABELS = {
    **TEXT_FIELD_LABELS,
    "site_name": _l("Site name"),
    "tagline": _l("Tagline"),
    "welcome": _l("Welcome"),
    "office_name": _l("Tourism office's name"),
}
_EDITORS = {
    "areas": ("office_areas.edit", "area_id"),
    "destinations": ("office_destinations.edit", "destination_id"),
    "events": ("office_events.edit", "event_id"),
}
_QUEUE = {"businesses": "business", "products": "product"}


def gap_editor_url(gap: Gap) -> str | None:
    """Return the page where the user can add the missing texts (None: none they may open)."""
    if gap.kind == "branding_settings":
        return url_for("admin.settings") if current_user.role == Role.ADMIN else None
    if gap.kind in _EDITORS:
        endpoint, name = _EDITORS[gap.kind]
        ids: dict[str, Any] = {name: gap.item_id}
        return url_for(endpoint, **ids)
    if gap.kind in _QUEUE:
        if gap.online:  # the workbench's editor: a change the office reviews
            return url_for("workbench.content_edit", kind=_QUEUE[gap.kind], content_id=gap.item_id)
        business = gap.business_id if gap.kind == "products" else gap.item_id
        return url_for("moderation.preview", item_id=business)
    return None
