"""Back-office pages for areas."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import SelectField, StringField
from wtforms.validators import Length, NumberRange, Optional

from branding.accounts.access import staff_required
from branding.areas import editing
from branding.areas.labels import KIND_LABELS
from branding.areas.services import all_areas
from branding.core.forms.base import (
    SLUG,
    BaseForm,
    NumberField,
    add_language_fields,
    fill_language_fields,
    language_values,
    options,
)

bp = Blueprint("office_areas", __name__, url_prefix="/<lang:lang>/office/areas")


class AreaForm(BaseForm):
    slug = StringField(_l("Address in the URL"), validators=[Optional(), Length(max=100), SLUG])
    kind = SelectField(_l("Kind"), choices=options((k.value, lb) for k, lb in KIND_LABELS.items()))
    latitude = NumberField(_l("Latitude"), validators=[Optional(), NumberRange(-90, 90)])
    longitude = NumberField(_l("Longitude"), validators=[Optional(), NumberRange(-180, 180)])

    def values(self) -> dict:
        """Return the area's fields as the editing service takes them."""
        return {
            "kind": self.kind.data,
            "latitude": self.latitude.data,
            "longitude": self.longitude.data,
            "name": language_values(self, "name"),
            "description": language_values(self, "description"),
        }


add_language_fields(AreaForm, "name", _l("Name"), in_some_language=True, max_length=200)
add_language_fields(AreaForm, "description", _l("Description (Markdown)"), long=True)


@bp.get("/")
@staff_required
def index():
    """List the areas."""
    return render_template("office/areas/index.html", items=all_areas())


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:area_id>/edit", methods=["GET", "POST"])
@staff_required
def edit(area_id: int | None = None):
    """Create or edit an area."""
    area = (editing.get_area_by_id(area_id) or abort(404)) if area_id else None
    form = AreaForm(obj=area)
    if area is not None and not form.is_submitted():
        for name in ("name", "description"):
            fill_language_fields(form, name, getattr(area, name))
    if form.validate_on_submit():
        saved = editing.save_area(current_user, area, form.values(), form.slug.data or "")
        flash(_("Saved."), "success")
        return redirect(url_for(".edit", area_id=saved.id))
    return render_template("office/areas/form.html", form=form, item=area)


@bp.post("/<int:area_id>/delete")
@staff_required
def delete(area_id: int):
    """Delete an area nothing belongs to."""
    area = editing.get_area_by_id(area_id) or abort(404)
    try:
        editing.delete_area(current_user, area)
    except editing.AreaInUse:
        flash(
            _("This area still has destinations, events or businesses; move them first."), "error"
        )
        return redirect(url_for(".edit", area_id=area_id))
    flash(_("Deleted."), "info")
    return redirect(url_for(".index"))
