"""The forms business owners fill in for their business and products.

They hold only what an owner may set: owner, status, verification and approval are not fields,
so a request that sends them sets nothing.
"""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, Field, SelectField, StringField
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import TextInput

from branding.areas.services import all_areas
from branding.businesses.labels import CATEGORY_LABELS
from branding.core.forms.base import (
    BaseForm,
    NumberField,
    WholeNumberField,
    add_error,
    add_language_fields,
    fill_language_fields,
    language_values,
)
from branding.core.forms.contact_input import (
    EMAIL,
    SOCIAL_NETWORKS,
    check_phone,
    check_web_address,
    phone_number,
    web_address,
)
from branding.core.forms.hours_fields import add_hours_fields, fill_hours, hours_value
from branding.core.i18n import current_language

ONE_LANGUAGE = _l("Write this in at least one language.")
RUPIAH = _l("Write a whole amount in rupiah, like 25000 or 25.000.")
NUMBER = _l("Write a number like 2.567 or 2,567.")
_RUPIAH = re.compile(r"(?:rp\.?\s*)?(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:,-|,00)?", re.IGNORECASE)
# Around Pakpak Bharat (about 2.3–3.0 N, 98.0–98.6 E), with room for its neighbours.
LATITUDES, LONGITUDES = (1.5, 4.0), (97.0, 99.5)
FAR_AWAY = _l("This point is far from Pakpak Bharat. Check the number.")


class RupiahField(WholeNumberField):
    """A whole amount in rupiah, typed as 25000, 25.000, 25,000 or Rp 25.000."""

    widget = TextInput()
    invalid_message = RUPIAH

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        kwargs.setdefault("render_kw", {"inputmode": "numeric"})
        super().__init__(label, validators, **kwargs)

    def parse(self, text: str) -> int:
        match = _RUPIAH.fullmatch(text)
        if not match:
            raise ValueError(text)
        return int(re.sub(r"\D", "", match.group(1)))


class CoordinateField(NumberField):
    """A decimal degree, typed with a point or an Indonesian decimal comma."""

    widget = TextInput()
    invalid_message = NUMBER

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        kwargs.setdefault("render_kw", {"inputmode": "decimal"})
        super().__init__(label, validators, **kwargs)

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else f"{self.data:.6f}".rstrip("0").rstrip(".")

    def parse(self, text: str) -> float:
        return float(text.replace(",", "."))


def _require_one_language(form: BaseForm, name: str) -> bool:
    if any(language_values(form, name).values()):
        return True
    getattr(form, f"{name}_id").errors.append(str(ONE_LANGUAGE))
    return False


def _phone(label) -> StringField:
    validators = [Optional(), Length(max=40), check_phone]
    return StringField(label, validators=validators, render_kw={"type": "tel", "inputmode": "tel"})


def _web(label) -> StringField:
    validators = [Optional(), Length(max=300), check_web_address]
    return StringField(label, validators=validators, render_kw={"inputmode": "url"})


class BusinessForm(BaseForm):
    name = StringField(_l("Name of the business"), validators=[DataRequired(), Length(max=160)])
    category = SelectField(_l("Category"), choices=[])
    area_id = SelectField(_l("Area"), coerce=int, choices=[])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=255)])
    latitude = CoordinateField(
        _l("Latitude"), validators=[Optional(), NumberRange(*LATITUDES, message=FAR_AWAY)]
    )
    longitude = CoordinateField(
        _l("Longitude"), validators=[Optional(), NumberRange(*LONGITUDES, message=FAR_AWAY)]
    )
    whatsapp = _phone(_l("WhatsApp number"))
    phone = _phone(_l("Phone"))
    email = StringField(
        _l("E-mail"),
        validators=[Optional(), Length(max=200), EMAIL],
        render_kw={"type": "email", "inputmode": "email"},
    )
    instagram = _web(_l("Instagram"))
    facebook = _web(_l("Facebook"))
    website = _web(_l("Website"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        lang = current_language()
        self.category.choices = [(c.value, label) for c, label in CATEGORY_LABELS.items()]
        self.area_id.choices = [(a.id, a.name.resolve(lang)) for a in all_areas()]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        valid = _require_one_language(self, "summary") and valid
        for one, other in ((self.latitude, self.longitude), (self.longitude, self.latitude)):
            if other.data is not None and one.data is None and not one.errors:
                add_error(one, str(_l("Give both latitude and longitude, or neither.")))
                valid = False
        return valid

    def values(self) -> dict:
        """Return the business's fields as the ownership services take them."""
        social = {name: web_address(getattr(self, name).data, name) for name in SOCIAL_NETWORKS}
        return {
            "name": (self.name.data or "").strip(),
            "category": self.category.data,
            "area_id": self.area_id.data,
            "summary": language_values(self, "summary"),
            "description": language_values(self, "description"),
            "address": (self.address.data or "").strip(),
            "latitude": self.latitude.data,
            "longitude": self.longitude.data,
            "opening_hours": hours_value(self),
            "whatsapp": phone_number(self.whatsapp.data),
            "phone": phone_number(self.phone.data),
            "email": (self.email.data or "").strip(),
            "social_links": {name: url for name, url in social.items() if url},
        }

    def fill(self, business) -> None:
        """Show a stored business in the form."""
        for name in ("name", "address", "latitude", "longitude", "whatsapp", "phone", "email"):
            getattr(self, name).data = getattr(business, name)
        self.category.data, self.area_id.data = business.category.value, business.area_id
        for name in ("summary", "description"):
            fill_language_fields(self, name, getattr(business, name))
        for name in SOCIAL_NETWORKS:
            getattr(self, name).data = (business.social_links or {}).get(name, "")
        fill_hours(self, business.opening_hours)


add_language_fields(BusinessForm, "summary", _l("Short description"), max_length=300)
add_language_fields(BusinessForm, "description", _l("Full description"), long=True, max_length=5000)
add_hours_fields(BusinessForm)


class ProductForm(BaseForm):
    price_min = RupiahField(
        _l("Price (Rp)"), validators=[Optional(), NumberRange(0, 1_000_000_000)]
    )
    price_max = RupiahField(
        _l("Highest price, for a range (Rp)"),
        validators=[Optional(), NumberRange(0, 1_000_000_000)],
    )
    available = BooleanField(_l("Available now"), default=True)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return _require_one_language(self, "name") and valid

    def validate_price_max(self, field: Field) -> None:
        if field.data is None:
            return
        if self.price_min.data is None:
            raise ValidationError(str(_l("Give the lowest price too, in the first box.")))
        if field.data < self.price_min.data:
            raise ValidationError(str(_l("The highest price cannot be below the lowest.")))

    def values(self) -> dict:
        """Return the product's fields as the ownership services take them."""
        low, high = self.price_min.data, self.price_max.data
        return {
            "name": language_values(self, "name"),
            "description": language_values(self, "description"),
            "unit": language_values(self, "unit"),
            "price_min": low,
            "price_max": None if high == low else high,
            "available": bool(self.available.data),
        }

    def fill(self, product) -> None:
        """Show a stored product in the form."""
        for name in ("name", "description", "unit"):
            fill_language_fields(self, name, getattr(product, name))
        self.price_min.data, self.price_max.data = product.price_min, product.price_max
        self.available.data = product.available


add_language_fields(ProductForm, "name", _l("Name"), max_length=160)
add_language_fields(ProductForm, "description", _l("Description"), long=True, max_length=2000)
add_language_fields(ProductForm, "unit", _l("Unit, e.g. per 250 gram"), max_length=60)
