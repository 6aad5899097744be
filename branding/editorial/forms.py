"""The scheduling fields of the office's forms: publish at and unpublish at, in WIB."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField
from wtforms.validators import Optional, ValidationError

from branding.core.i18n.formatting import WIB, to_wib

FORMAT = "%Y-%m-%dT%H:%M"


def _after_publish(form, field) -> None:
    start = form.publish_at.data
    if field.data and start and field.data <= start:
        raise ValidationError(_l("Unpublishing must come after publishing."))


def add_schedule_fields(form_class: Any) -> None:
    """Add "publish at" and "unpublish at" (WIB wall-clock times) to a form class."""
    form_class.publish_at = DateTimeLocalField(
        _l("Publish at (WIB)"), format=FORMAT, validators=[Optional()]
    )
    form_class.unpublish_at = DateTimeLocalField(
        _l("Unpublish at (WIB)"), format=FORMAT, validators=[Optional(), _after_publish]
    )


def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=WIB).astimezone(UTC) if moment else None


def schedule_values(form) -> dict[str, datetime | None]:
    """Return the scheduled times as aware UTC datetimes (None when empty)."""
    return {"publish_at": _utc(form.publish_at.data), "unpublish_at": _utc(form.unpublish_at.data)}


def fill_schedule(form, item) -> None:
    """Show an item's scheduled times in WIB."""
    for name in ("publish_at", "unpublish_at"):
        moment = getattr(item, name)
        getattr(form, name).data = to_wib(moment).replace(tzinfo=None) if moment else None
