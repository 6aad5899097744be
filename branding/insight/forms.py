"""The poster form: which languages it speaks, and where it will hang."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from branding.core.forms.base import BaseForm
from branding.core.i18n import LANGUAGE_LABELS, LANGUAGES
from branding.destinations.office_form import CheckboxesField


class PosterForm(BaseForm):
    languages = CheckboxesField(
        _l("Languages on the poster"),
        choices=[],
        validators=[DataRequired(message=_l("Choose at least one language."))],
        default=["id", "en"],
    )
    label = StringField(_l("Where it will hang"), validators=[Optional(), Length(max=120)])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.languages.choices = [
            (code, f"{LANGUAGE_LABELS[code]} ({language.native_name})")
            for code, language in LANGUAGES.items()
        ]


class OfficePosterForm(PosterForm):
    item = SelectField(
        _l("Destination, event or business"),
        choices=[],
        validators=[DataRequired(message=_l("Choose what the poster is for."))],
    )
