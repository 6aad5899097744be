"""Names of event categories and statuses, in the visitor's language."""

from flask_babel import lazy_gettext as _l

from branding.events.models import EventCategory, EventStatus

CATEGORY_LABELS = {
    EventCategory.FESTIVAL: _l("Festival"),
    EventCategory.CULTURE: _l("Culture"),
    EventCategory.RELIGIOUS: _l("Religious"),
    EventCategory.SPORT: _l("Sport"),
    EventCategory.MARKET: _l("Market"),
    EventCategory.EXHIBITION: _l("Exhibition"),
}

STATUS_LABELS = {
    EventStatus.SCHEDULED: _l("Scheduled"),
    EventStatus.CANCELLED: _l("Cancelled"),
    EventStatus.POSTPONED: _l("Postponed"),
    EventStatus.RESCHEDULED: _l("Rescheduled"),
}
