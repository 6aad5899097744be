"""The form editors use for a destination."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import Email, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from branding.areas.services import all_areas
from branding.core.forms.base import (
    SLUG,
    BaseForm,
    NumberField,
    WholeNumberField,
    add_language_fields,
    fill_language_fields,
    language_values,
    options,
)
from branding.core.forms.hours_fields import add_hours_fields, fill_hours, hours_value
from branding.core.web.urls import LinkField
from branding.destinations.labels import CATEGORY_LABELS, FACILITY_LABELS
from branding.editorial.forms import add_schedule_fields

TEXTS = ("name", "summary", "description", "how_to_get_there", "tips", "ticket_note")


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class DestinationForm(BaseForm):
    slug = StringField(_l("Address in the URL"), validators=[Optional(), Length(max=100), SLUG])
    category = SelectField(_l("Category"), choices=[])
    area_id = SelectField(_l("Area"), coerce=int, choices=[])
    featured = BooleanField(_l("Featured on the home page"))
    address = StringField(_l("Address"), validators=[Optional(), Length(max=255)])
    latitude = NumberField(_l("Latitude"), validators=[Optional(), NumberRange(-90, 90)])
    longitude = NumberField(_l("Longitude"), validators=[Optional(), NumberRange(-180, 180)])
    entry_free = BooleanField(_l("Free entry"))
    ticket_price_adult = WholeNumberField(
        _l("Ticket, adults (Rp)"), validators=[Optional(), NumberRange(0, 100_000_000)]
    )
    ticket_price_child = WholeNumberField(
        _l("Ticket, children (Rp)"), validators=[Optional(), NumberRange(0, 100_000_000)]
    )
    facilities = CheckboxesField(_l("Facilities"), choices=[])
    contact_phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    contact_whatsapp = StringField(_l("WhatsApp"), validators=[Optional(), Length(max=40)])
    contact_email = EmailField(_l("E-mail"), validators=[Optional(), Email(), Length(max=200)])
    website = LinkField(_l("Website"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.category.choices = options((c.value, label) for c, label in CATEGORY_LABELS.items())
        self.area_id.choices = options((a.id, a.name.resolve("id")) for a in all_areas())
        self.facilities.choices = options((f.value, label) for f, label in FACILITY_LABELS.items())

    def values(self) -> dict:
        """Return the destination's fields as the editing service takes them."""
        plain = ("category", "area_id", "featured", "address", "latitude", "longitude",
                 "entry_free", "ticket_price_adult", "ticket_price_child", "facilities",
                 "contact_phone", "contact_whatsapp", "contact_email", "website")  # fmt: skip
        values = {name: getattr(self, name).data for name in plain}
        values.update({name: language_values(self, name) for name in TEXTS})
        values["opening_hours"] = hours_value(self)
        values["address"] = values["address"] or ""
        for name in ("contact_phone", "contact_whatsapp", "contact_email", "website"):
            values[name] = values[name] or ""
        return values

    def fill(self, destination) -> None:
        """Show a stored destination in the form."""
        for name in ("slug", "category", "area_id", "featured", "address", "latitude",
                     "longitude", "entry_free", "ticket_price_adult", "ticket_price_child",
                     "facilities", "contact_phone", "contact_whatsapp", "contact_email",
                     "website"):  # fmt: skip
            getattr(self, name).data = getattr(destination, name)
        self.category.data = destination.category.value
        for name in TEXTS:
            fill_language_fields(self, name, getattr(destination, name))
        fill_hours(self, destination.opening_hours)


add_language_fields(DestinationForm, "name", _l("Name"), in_some_language=True, max_length=200)
add_language_fields(DestinationForm, "summary", _l("Summary"), max_length=300)
add_language_fields(DestinationForm, "description", _l("Description (Markdown)"), long=True)
add_language_fields(DestinationForm, "how_to_get_there", _l("How to get there"), long=True)
add_language_fields(DestinationForm, "tips", _l("Tips"), long=True)
add_language_fields(DestinationForm, "ticket_note", _l("Note on tickets"), max_length=300)
add_hours_fields(DestinationForm)
add_schedule_fields(DestinationForm)
