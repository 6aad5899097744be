"""Form fields for opening hours: one line per weekday and a box of exceptions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, ValidationError

from branding.core.forms.hours_input import (
    HoursError,
    build_hours,
    format_exceptions,
    format_spans,
    parse_exceptions,
    parse_spans,
)
from branding.core.i18n.formatting import WEEKDAY_KEYS


def _check_spans(form, field) -> None:
    try:
        parse_spans(field.data or "")
    except HoursError as error:
        raise ValidationError(str(error)) from None


def _check_exceptions(form, field) -> None:
    try:
        parse_exceptions(field.data or "")
    except HoursError as error:
        raise ValidationError(str(error)) from None


def add_hours_fields(form_cls: type) -> None:
    """Add ``hours_mon`` … ``hours_sun`` and ``hours_exceptions`` to a form class."""
    fields = {
        f"hours_{day}": StringField(day, validators=[Length(max=120), _check_spans])
        for day in WEEKDAY_KEYS
    }
    fields["hours_exceptions"] = TextAreaField(
        _l("Exceptions (holidays, closed days)"),
        validators=[Length(max=4000), _check_exceptions],
    )
    for name, field in fields.items():
        setattr(form_cls, name, field)


def hours_value(form) -> dict:
    """Return the stored form of the opening hours typed into the form."""
    weekly = {day: getattr(form, f"hours_{day}").data or "" for day in WEEKDAY_KEYS}
    return build_hours(weekly, form.hours_exceptions.data or "")


def fill_hours(form, hours: dict) -> None:
    """Put stored opening hours into the form's fields."""
    weekly = (hours or {}).get("weekly", {})
    for day in WEEKDAY_KEYS:
        getattr(form, f"hours_{day}").data = format_spans(weekly.get(day, []))
    form.hours_exceptions.data = format_exceptions((hours or {}).get("exceptions", []))
