"""Revision kinds and statuses, as editors read them."""

from flask_babel import lazy_gettext as _l

REVISION_KINDS = {
    "baseline": _l("As it was before revisions"),
    "create": _l("Created"),
    "edit": _l("Edited"),
    "revert": _l("Reverted"),
}
REVISION_STATUSES = {
    "draft": _l("Draft, not live"),
    "pending": _l("Waiting for review"),
    "live": _l("Applied"),
    "rejected": _l("Not approved"),
    "superseded": _l("Replaced by a newer version"),
}
