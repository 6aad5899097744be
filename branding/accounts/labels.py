"""Names of the roles, in the user's language."""

from flask_babel import lazy_gettext as _l

ROLE_NAMES = {
    "admin": _l("Administrator"),
    "editor": _l("Editor (tourism office)"),
    "owner": _l("Business owner"),
    "translator": _l("Translator"),
}
