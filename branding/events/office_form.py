"""The form editors use for an event: texts per language, times in WIB, repetition."""

from __future__ import annotations

from datetime import datetime, time

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

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
from branding.core.i18n.formatting import WIB, to_wib, weekday_names
from branding.core.web.urls import LinkField
from branding.destinations.editing import all_destinations
from branding.destinations.office_form import CheckboxesField
from branding.editorial.forms import add_schedule_fields
from branding.events.labels import CATEGORY_LABELS, STATUS_LABELS
from branding.events.recurrence import WEEKDAYS, rule_parts

TEXTS = ("title", "summary", "description")
FREQUENCIES = options(
    [
        ("", _l("Does not repeat")),
        ("DAILY", _l("Every day")),
        ("WEEKLY", _l("Every week")),
        ("MONTHLY", _l("Every month")),
        ("YEARLY", _l("Every year")),
    ]
)
PLAIN = ("category", "event_status", "featured", "all_day", "venue_name", "venue_address",
         "latitude", "longitude", "organiser", "organiser_contact", "entry_free", "price",
         "registration_url")  # fmt: skip


class EventForm(BaseForm):
    slug = StringField(_l("Address in the URL"), validators=[Optional(), Length(max=100), SLUG])
    category = SelectField(_l("Category"), choices=[])
    event_status = SelectField(_l("Status"), choices=[])
    featured = BooleanField(_l("Featured on the home page"))
    start_date = DateField(_l("Starts on"), validators=[DataRequired()])
    start_time = TimeField(_l("at (WIB)"), validators=[Optional()])
    end_date = DateField(_l("Ends on"), validators=[DataRequired()])
    end_time = TimeField(_l("at (WIB)"), validators=[Optional()])
    all_day = BooleanField(_l("All day"))
    frequency = SelectField(_l("Repeats"), choices=FREQUENCIES, validate_choice=True)
    weekdays = CheckboxesField(_l("On these days"), choices=[])
    repeat_until = DateField(_l("Until"), validators=[Optional()])
    repeat_count = WholeNumberField(
        _l("Or this many times"), validators=[Optional(), NumberRange(1, 500)]
    )
    exdates = TextAreaField(
        _l("Skip these dates (one per line, like 2026-12-25)"),
        validators=[Optional(), Length(max=4000)],
    )
    destination_id = SelectField(_l("Held at a destination"), coerce=int, choices=[])
    area_id = SelectField(_l("Area"), coerce=int, choices=[])
    venue_name = StringField(_l("Or a named place"), validators=[Optional(), Length(max=200)])
    venue_address = StringField(
        _l("Address of the place"), validators=[Optional(), Length(max=255)]
    )
    latitude = NumberField(_l("Latitude"), validators=[Optional(), NumberRange(-90, 90)])
    longitude = NumberField(_l("Longitude"), validators=[Optional(), NumberRange(-180, 180)])
    organiser = StringField(_l("Organiser"), validators=[Optional(), Length(max=200)])
    organiser_contact = StringField(
        _l("Organiser's contact"), validators=[Optional(), Length(max=200)]
    )
    entry_free = BooleanField(_l("Free entry"))
    price = WholeNumberField(_l("Price (Rp)"), validators=[Optional(), NumberRange(0, 100_000_000)])
    registration_url = LinkField(_l("Registration link"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.category.choices = options((c.value, label) for c, label in CATEGORY_LABELS.items())
        self.event_status.choices = options((s.value, label) for s, label in STATUS_LABELS.items())
        names = [name for _key, name in weekday_names()]
        self.weekdays.choices = options(zip(WEEKDAYS, names, strict=True))
        none = [(0, "—")]
        self.destination_id.choices = options(
            none + [(d.id, d.name.resolve("id")) for d in all_destinations()]
        )
        self.area_id.choices = options(none + [(a.id, a.name.resolve("id")) for a in all_areas()])

    def _moment(self, day, clock, end: bool) -> datetime:
        if self.all_day.data or clock is None:
            clock = time(23, 59) if end else time(0, 0)
        return datetime.combine(day, clock, tzinfo=WIB)

    def validate_end_date(self, field) -> None:
        if self.start_date.data and field.data and field.data < self.start_date.data:
            raise ValidationError(_l("An event cannot end before it starts."))

    def validate_end_time(self, field) -> None:
        if (
            self.start_date.data
            and self.end_date.data
            and self.end_date.data >= self.start_date.data
        ):
            if self._moment(self.end_date.data, field.data, True) < self._moment(
                self.start_date.data, self.start_time.data, False
            ):
                raise ValidationError(_l("An event cannot end before it starts."))

    def validate_exdates(self, field) -> None:
        try:
            self.exdate_list()
        except ValueError:
            raise ValidationError(_l("Write each date like 2026-12-25, one per line.")) from None

    def exdate_list(self) -> list[str]:
        """Return the dates to skip as ISO strings."""
        lines = [line.strip() for line in (self.exdates.data or "").splitlines() if line.strip()]
        return sorted({datetime.strptime(line, "%Y-%m-%d").date().isoformat() for line in lines})

    def rule(self) -> str | None:
        """Build the RRULE from the repetition fields."""
        if not self.frequency.data:
            return None
        parts = [f"FREQ={self.frequency.data}"]
        if self.frequency.data == "WEEKLY" and self.weekdays.data:
            parts.append("BYDAY=" + ",".join(d for d in WEEKDAYS if d in self.weekdays.data))
        if self.repeat_count.data:
            parts.append(f"COUNT={self.repeat_count.data}")
        elif self.repeat_until.data:
            parts.append(f"UNTIL={self.repeat_until.data:%Y%m%d}T235959")
        return ";".join(parts)

    def values(self) -> dict:
        """Return the event's fields as the editing service takes them."""
        values = {name: getattr(self, name).data for name in PLAIN}
        values.update({name: language_values(self, name) for name in TEXTS})
        for name in (
            "venue_name",
            "venue_address",
            "organiser",
            "organiser_contact",
            "registration_url",
        ):
            values[name] = values[name] or ""
        values["starts_at"] = self._moment(self.start_date.data, self.start_time.data, False)
        values["ends_at"] = self._moment(self.end_date.data, self.end_time.data, True)
        values["recurrence_rule"] = self.rule()
        values["recurrence_exdates"] = self.exdate_list()
        values["destination_id"] = self.destination_id.data or None
        values["area_id"] = self.area_id.data or None
        return values

    def fill(self, event) -> None:
        """Show a stored event in the form."""
        for name in PLAIN + ("slug",):
            getattr(self, name).data = getattr(event, name)
        self.category.data, self.event_status.data = event.category.value, event.event_status.value
        for name in TEXTS:
            fill_language_fields(self, name, getattr(event, name))
        start, end = to_wib(event.starts_at), to_wib(event.ends_at)
        self.start_date.data, self.start_time.data = start.date(), start.time()
        self.end_date.data, self.end_time.data = end.date(), end.time()
        self.destination_id.data, self.area_id.data = event.destination_id or 0, event.area_id or 0
        self.exdates.data = "\n".join(event.recurrence_exdates or [])
        self._fill_rule(event.recurrence_rule)

    def _fill_rule(self, rule: str | None) -> None:
        parts = rule_parts(rule or "")
        self.frequency.data = parts.get("FREQ", "")
        self.weekdays.data = [d[-2:] for d in parts.get("BYDAY", "").split(",") if d]
        self.repeat_count.data = int(parts["COUNT"]) if "COUNT" in parts else None
        until = parts.get("UNTIL", "")[:8]
        self.repeat_until.data = datetime.strptime(until, "%Y%m%d").date() if until else None


add_language_fields(EventForm, "title", _l("Title"), in_some_language=True, max_length=200)
add_language_fields(EventForm, "summary", _l("Summary"), max_length=300)
add_language_fields(EventForm, "description", _l("Description (Markdown)"), long=True)
add_schedule_fields(EventForm)
