"""Forms for an item's photos: upload a batch, describe one photo."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import MultipleFileField
from wtforms.validators import ValidationError

from branding.core.forms.base import BaseForm, add_language_fields, language_values

ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"


class PhotoTextForm(BaseForm):
    """A photo's alt text (what it shows, for screen readers) and caption, per language."""

    def texts(self) -> dict[str, dict[str, str]]:
        """Return the alt texts and captions as ``{"alt": {...}, "caption": {...}}``."""
        return {"alt": language_values(self, "alt"), "caption": language_values(self, "caption")}


add_language_fields(PhotoTextForm, "alt", _l("What the photo shows"), max_length=300)
add_language_fields(PhotoTextForm, "caption", _l("Caption"), max_length=500)


class PhotoUploadForm(PhotoTextForm):
    """One or more photos, with the texts given to each."""

    photos = MultipleFileField(_l("Choose photos"), render_kw={"accept": ACCEPT})

    def validate_photos(self, field) -> None:
        chosen = self.uploads()
        if not chosen:
            raise ValidationError(_l("Choose at least one photo."))
        most = current_app.config["PHOTO_MAX_FILES"]
        if len(chosen) > most:
            raise ValidationError(_l("At most %(count)s photos at a time.", count=most))

    def uploads(self) -> list:
        """Return the chosen files."""
        return [f for f in self.photos.data or [] if getattr(f, "filename", "")]
