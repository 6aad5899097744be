"""Names of the content kinds and fields the queue shows, in the user's language."""

from flask_babel import lazy_gettext as _l

TEXT_FIELD_LABELS = {
    "name": _l("Name"),
    "title": _l("Title"),
    "summary": _l("Summary"),
    "description": _l("Description"),
    "how_to_get_there": _l("How to get there"),
    "tips": _l("Tips"),
    "ticket_note": _l("About the tickets"),
    "unit": _l("Unit"),
}
KIND_LABELS = {
    "destination": _l("Destination"),
    "event": _l("Event"),
    "area": _l("Area"),
    "business": _l("Local business"),
    "product": _l("Product"),
}
