"""Names of area kinds, in the visitor's language."""

from flask_babel import lazy_gettext as _l

from branding.areas.models import AreaKind

KIND_LABELS = {
    AreaKind.DISTRICT: _l("District"),
    AreaKind.TOURISM_AREA: _l("Tourism area"),
}
