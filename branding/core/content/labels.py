"""Names of publication and moderation statuses, in the user's language."""

from flask_babel import lazy_gettext as _l

STATUS_NAMES = {
    "draft": _l("Draft"),
    "published": _l("Published"),
    "pending": _l("Waiting for review"),
    "approved": _l("Approved"),
    "rejected": _l("Rejected"),
    "suspended": _l("Suspended"),
}
