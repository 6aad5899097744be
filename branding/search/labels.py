"""Names of the searchable types, in the visitor's language."""

from flask_babel import lazy_gettext as _l

TYPE_LABELS = {
    "destination": _l("Destination"),
    "event": _l("Event"),
    "business": _l("Local business"),
    "product": _l("Product"),
}
TYPE_TABS = {
    "destination": _l("Destinations"),
    "event": _l("Events"),
    "business": _l("Local businesses"),
    "product": _l("Products"),
}
