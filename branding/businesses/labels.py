"""Names of business categories, in the visitor's language."""

from flask_babel import lazy_gettext as _l

from branding.businesses.models import BusinessCategory

CATEGORY_LABELS = {
    BusinessCategory.CULINARY: _l("Food and drink"),
    BusinessCategory.CRAFTS: _l("Crafts"),
    BusinessCategory.PRODUCE: _l("Farm produce"),
    BusinessCategory.COFFEE: _l("Coffee"),
    BusinessCategory.HOMESTAY: _l("Homestay"),
    BusinessCategory.GUIDE: _l("Guide"),
    BusinessCategory.TRANSPORT: _l("Transport"),
    BusinessCategory.SOUVENIRS: _l("Souvenirs"),
}
