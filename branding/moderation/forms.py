"""The form editors fill in to reject or suspend a listing."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from branding.core.forms.base import BaseForm


class ReasonForm(BaseForm):
    """An editor's reason for rejecting or suspending a listing; its owner reads it."""

    reason = TextAreaField(
        _l("Reason, for the owner"), validators=[DataRequired(), Length(max=1000)]
    )
