"""Names of destination categories and facilities, in the visitor's language."""

from flask_babel import lazy_gettext as _l

from branding.destinations.models import DestinationCategory, Facility

CATEGORY_LABELS = {
    DestinationCategory.NATURE: _l("Nature"),
    DestinationCategory.WATERFALL: _l("Waterfall"),
    DestinationCategory.LAKE: _l("Lake"),
    DestinationCategory.CULTURE: _l("Culture and heritage"),
    DestinationCategory.RELIGIOUS: _l("Religious"),
    DestinationCategory.CULINARY: _l("Culinary"),
    DestinationCategory.AGRO: _l("Agrotourism"),
    DestinationCategory.ADVENTURE: _l("Adventure"),
    DestinationCategory.LANDMARK: _l("Landmark"),
}

FACILITY_LABELS = {
    Facility.PARKING: _l("Parking"),
    Facility.TOILETS: _l("Toilets"),
    Facility.PRAYER_ROOM: _l("Prayer room"),
    Facility.FOOD_STALLS: _l("Food stalls"),
    Facility.LODGING: _l("Lodging"),
    Facility.ACCESSIBLE: _l("Wheelchair accessible"),
}
