"""The branding settings form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, FileField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp, ValidationError

from branding.core.forms.base import (
    BaseForm,
    add_language_fields,
    fill_language_fields,
    language_values,
)
from branding.core.forms.contact_input import check_phone
from branding.identity.contrast import refusal
from branding.media.forms import ACCEPT

TEXTS = ("site_name", "tagline", "welcome", "office_name")
PLAIN = ("regency_name", "color_primary", "color_secondary", "color_accent", "office_address",
         "office_phone", "office_email", "office_whatsapp")  # fmt: skip
COLOUR = Regexp(r"^#[0-9a-fA-F]{6}$", message=_l("Write a colour like #1f5f3f."))


def readable(form, field) -> None:
    """Refuse a brand colour on which (or in which) text would not meet WCAG AA."""
    if field.data and not field.errors:
        problem = refusal(field.name, field.data.lower())
        if problem:
            raise ValidationError(problem)


class SettingsForm(BaseForm):
    regency_name = StringField(_l("Regency"), validators=[DataRequired(), Length(max=120)])
    color_primary = StringField(_l("Main colour"), validators=[DataRequired(), COLOUR, readable])
    color_secondary = StringField(
        _l("Second colour"), validators=[DataRequired(), COLOUR, readable]
    )
    color_accent = StringField(_l("Accent colour"), validators=[DataRequired(), COLOUR, readable])
    office_address = StringField(_l("Office address"), validators=[Optional(), Length(max=255)])
    office_phone = StringField(
        _l("Office phone"), validators=[Optional(), Length(max=40), check_phone]
    )
    office_email = EmailField(
        _l("Office e-mail"), validators=[Optional(), Email(), Length(max=200)]
    )
    office_whatsapp = StringField(
        _l("Office WhatsApp"), validators=[Optional(), Length(max=40), check_phone]
    )

    def values(self) -> dict:
        """Return the settings as the service takes them."""
        values = {name: (getattr(self, name).data or "").strip() for name in PLAIN}
        for name in ("color_primary", "color_secondary", "color_accent"):
            values[name] = values[name].lower()
        values.update({name: language_values(self, name) for name in TEXTS})
        return values

    def fill(self, settings) -> None:
        """Show the stored settings."""
        for name in PLAIN:
            getattr(self, name).data = getattr(settings, name)
        for name in TEXTS:
            fill_language_fields(self, name, getattr(settings, name))


class LogoForm(BaseForm):
    """The regency's logo: one picture, which the icons are made from."""

    logo = FileField(_l("Logo"), render_kw={"accept": ACCEPT})

    def validate_logo(self, field) -> None:
        if not getattr(field.data, "filename", ""):
            raise ValidationError(_l("Choose a picture of the logo."))


add_language_fields(SettingsForm, "site_name", _l("Site name"), required=("id",), max_length=120)
add_language_fields(SettingsForm, "tagline", _l("Tagline"), max_length=200)
add_language_fields(SettingsForm, "welcome", _l("Welcome text (Markdown)"), long=True)
add_language_fields(SettingsForm, "office_name", _l("Tourism office"), max_length=200)
