"""Names of business categories, moderation statuses and fields, in the reader's language."""

from flask_babel import lazy_gettext as _l

from branding.businesses.models import BusinessCategory, ModerationStatus

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

STATUS_LABELS = {
    ModerationStatus.DRAFT: _l("Draft"),
    ModerationStatus.PENDING: _l("Waiting for review"),
    ModerationStatus.APPROVED: _l("Approved"),
    ModerationStatus.REJECTED: _l("Rejected"),
    ModerationStatus.SUSPENDED: _l("Suspended"),
}

# The visitor-facing fields editors compare with the last approved version.
FIELD_LABELS = {
    "name": _l("Name"),
    "category": _l("Category"),
    "area": _l("Area"),
    "summary": _l("Summary"),
    "description": _l("Description"),
    "address": _l("Address"),
    "latitude": _l("Latitude"),
    "longitude": _l("Longitude"),
    "opening_hours": _l("Opening hours"),
    "whatsapp": _l("WhatsApp"),
    "phone": _l("Phone"),
    "email": _l("E-mail"),
    "social_links": _l("Social media and website"),
    "price_min": _l("Price"),
    "price_max": _l("Highest price"),
    "unit": _l("Unit"),
    "available": _l("Available"),
    "photo_order": _l("Photo order"),
}
