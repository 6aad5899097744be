"""The form administrators use to invite a colleague to the back office."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length

from branding.core.forms.base import BaseForm, options
from branding.core.i18n import LANGUAGE_LABELS


class StaffInviteForm(BaseForm):
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField(
        _l("Role"),
        choices=options(
            [
                ("editor", _l("Editor")),
                ("admin", _l("Administrator")),
                ("translator", _l("Translator")),
            ]
        ),  # fmt: skip
        validate_choice=True,
    )
    language = SelectField(
        _l("Language of their mail"),
        choices=options(LANGUAGE_LABELS.items()),
        validate_choice=True,
    )
