"""What every form shares: our catalog for WTForms' messages, fields per language."""

from __future__ import annotations

from typing import cast

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, FloatField, IntegerField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]  # not in stubs yet
from wtforms.validators import DataRequired, Length, Optional, Regexp, StopValidation

from branding.core.i18n import LANGUAGES

# WTForms' own messages, listed so that extraction puts them in our catalogs.
WTFORMS_MESSAGES = (
    _l("This field is required."),
    _l("Not a valid integer value."),
    _l("Not a valid float value."),
    _l("Not a valid decimal value."),
    _l("Not a valid choice."),
    _l("Not a valid date value."),
    _l("Not a valid time value."),
    _l("Not a valid datetime value."),
    _l("Invalid email address."),
    _l("Invalid URL."),
    _l("Field must be at least %(min)d characters long."),
    _l("Field cannot be longer than %(max)d characters."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
    _l("Field must be equal to %(other_name)s."),
    _l("'%(value)s' is not a valid choice for this field."),
    _l("'%(value)s' are not valid choices for this field."),
    _l("Invalid input."),
)

SLUG = Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$", message=_l("Use lowercase letters, digits and hyphens."))


class _OneErrorPerBadNumber(Field):
    """Treat an empty box as no value, and stop at "not a valid number" (no range error too)."""

    def process_formdata(self, valuelist) -> None:
        if valuelist and not str(valuelist[0]).strip():
            self.data = None
            return
        super().process_formdata(valuelist)

    def pre_validate(self, form) -> None:
        if self.process_errors:
            raise StopValidation()


class NumberField(_OneErrorPerBadNumber, FloatField):
    """A decimal number field with one clear error for text that is not a number."""


class WholeNumberField(_OneErrorPerBadNumber, IntegerField):
    """A whole-number field with one clear error for text that is not a number."""


def options(pairs) -> list[SelectChoice]:
    """Turn (value, label) pairs into choices for a select or checkbox field."""
    return [SelectChoice(value, label) for value, label in pairs]


class _CatalogTranslations:
    def gettext(self, string: str) -> str:
        return get_translations().ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ungettext(singular, plural, n)


class BaseForm(FlaskForm):
    """A CSRF-protected form whose messages come from the visitor's catalog."""

    class Meta:
        def get_translations(self, form):
            return _CatalogTranslations()


def add_error(field: Field, message: str) -> None:
    """Add a message to a validated field's errors (validation leaves them in a list)."""
    cast(list[str], field.errors).append(message)


def add_language_fields(
    form_cls: type,
    name: str,
    label,
    *,
    required: tuple[str, ...] = (),
    long: bool = False,
    max_length: int = 20000,
) -> None:
    """Add one text field per language to a form class (``name_id``, ``name_en``, …)."""
    kind: type[Field] = TextAreaField if long else StringField
    for code in LANGUAGES:
        first = DataRequired() if code in required else Optional()
        field = kind(label, validators=[first, Length(max=max_length)])
        setattr(form_cls, f"{name}_{code}", field)


def language_values(form, name: str) -> dict[str, str]:
    """Collect a per-language text from a form as ``{"id": …, "en": …, "btd": …}``."""
    return {code: getattr(form, f"{name}_{code}").data or "" for code in LANGUAGES}


def fill_language_fields(form, name: str, value: dict) -> None:
    """Put a stored per-language text into the form's fields."""
    for code in LANGUAGES:
        getattr(form, f"{name}_{code}").data = (value or {}).get(code, "")
