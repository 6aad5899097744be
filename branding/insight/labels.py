"""Names of what is counted, in the reader's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

ACTION_LABELS = {
    "view": _l("Page views"),
    "scan": _l("QR scans"),
    "whatsapp": _l("WhatsApp"),
    "phone": _l("Phone calls"),
    "website": _l("Website and social links"),
    "directions": _l("Directions"),
    "share": _l("Shares"),
    "calendar": _l("Added to a calendar"),
}
KIND_LABELS = {
    "destination": _l("Destination"),
    "event": _l("Event"),
    "business": _l("Business"),
}
SIZE_LABELS = {"a4": _l("A4 (wall poster)"), "a6": _l("A6 (table card)")}
