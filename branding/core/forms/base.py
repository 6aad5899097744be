"""What every form shares: our catalog for WTForms' messages, fields per language."""

from __future__ import annotations

import math
from typing import cast

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, FloatField, IntegerField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]  # not in stubs yet
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, StopValidation

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


MAX_NUMBER_CHARS = 30  # no honest number is longer; a 310-digit one never reaches a column
WHOLE_LIMIT = 2_000_000_000  # fits every integer column, PostgreSQL's 32-bit INTEGER too
DECIMAL_LIMIT = 1e15


class _CheckedNumber(Field):
    """What every number box shares: the one way numbers enter the platform from a form.

    An empty box is no value; text that is too long, not a number, or not finite (``nan``,
    ``inf``, ``1e400``) gets one "not a valid number" message in the user's language and no
    range error on top; and every field has a range, ``±limit`` unless it gives its own, so
    nothing out of a column's reach is ever written.
    """

    limit: float = DECIMAL_LIMIT
    invalid_message: str = "Not a valid float value."

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        validators = list(validators or [])
        if not any(isinstance(v, NumberRange) for v in validators):
            validators.append(NumberRange(-self.limit, self.limit))
        super().__init__(label, validators, **kwargs)

    def parse(self, text: str) -> float:
        return float(text)

    def process_formdata(self, valuelist) -> None:
        text = str(valuelist[0]).strip() if valuelist else ""
        self.data = None
        if not text:
            return
        try:
            if len(text) > MAX_NUMBER_CHARS:
                raise ValueError(text)
            value = self.parse(text)
            if not math.isfinite(value):
                raise ValueError(text)
        except (ValueError, ArithmeticError):
            raise ValueError(self.gettext(str(self.invalid_message))) from None
        self.data = value

    def pre_validate(self, form) -> None:
        if self.process_errors:
            raise StopValidation()


class NumberField(_CheckedNumber, FloatField):
    """A decimal number field with one clear error for text that is not a number."""


class WholeNumberField(_CheckedNumber, IntegerField):
    """A whole-number field with one clear error for text that is not a number."""

    limit = WHOLE_LIMIT
    invalid_message = "Not a valid integer value."

    def parse(self, text: str) -> int:
        return int(text)


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


class InSomeLanguage:
    """Require a per-language text in at least one language (on its first field)."""

    message = _l("Give it in at least one of the languages.")

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, form, field: Field) -> None:
        given = [code for code in LANGUAGES if (form[f"{self.name}_{code}"].data or "").strip()]
        if not given:
            raise StopValidation(str(self.message))
        if not (field.data or "").strip():
            raise StopValidation()  # empty here, given in another language: fine


def add_language_fields(
    form_cls: type,
    name: str,
    label,
    *,
    required: tuple[str, ...] = (),
    in_some_language: bool = False,
    long: bool = False,
    max_length: int = 20000,
) -> None:
    """Add one text field per language to a form class (``name_id``, ``name_en``, …).

    ``required`` languages must each be given; ``in_some_language`` asks for any one of them
    (the fallback rule shows the text in the others), its error on the first language's field.
    """
    kind: type[Field] = TextAreaField if long else StringField
    for index, code in enumerate(LANGUAGES):
        first: object = DataRequired() if code in required else Optional()
        if in_some_language and index == 0:
            first = InSomeLanguage(name)
        field = kind(label, validators=[first, Length(max=max_length)])
        setattr(form_cls, f"{name}_{code}", field)


def language_values(form, name: str) -> dict[str, str]:
    """Collect a per-language text from a form as ``{"id": …, "en": …, "btd": …}``."""
    return {code: getattr(form, f"{name}_{code}").data or "" for code in LANGUAGES}


def fill_language_fields(form, name: str, value: dict) -> None:
    """Put a stored per-language text into the form's fields."""
    for code in LANGUAGES:
        getattr(form, f"{name}_{code}").data = (value or {}).get(code, "")
