"""schema.org descriptions of destinations, events, businesses and products."""

from __future__ import annotations

from datetime import date, datetime

from branding.businesses.models import Business, BusinessCategory, Product
from branding.core.content.opening_hours import upcoming_exceptions
from branding.core.i18n.formatting import rupiah_range, to_wib
from branding.core.web.contact import e164
from branding.core.web.urls import safe_link
from branding.destinations.labels import FACILITY_LABELS
from branding.destinations.models import Destination
from branding.events.models import Event, EventCategory, EventStatus
from branding.events.recurrence import WEEKDAYS, rule_parts
from branding.events.venue import COUNTRY, REGION, event_venue
from branding.seo.jsonld import (
    CONTEXT,
    DAY_NAMES,
    compact,
    geo,
    moment,
    offer,
    opening_hours_specification,
    postal_address,
    special_opening_hours,
)

EVENT_TYPES = {
    EventCategory.FESTIVAL: "Festival",
    EventCategory.SPORT: "SportsEvent",
    EventCategory.EXHIBITION: "ExhibitionEvent",
    EventCategory.MARKET: "SaleEvent",
}
EVENT_STATUSES = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.RESCHEDULED: "EventRescheduled",
}
BUSINESS_TYPES = {
    BusinessCategory.CULINARY: "FoodEstablishment",
    BusinessCategory.COFFEE: "CafeOrCoffeeShop",
    BusinessCategory.HOMESTAY: "LodgingBusiness",
    BusinessCategory.CRAFTS: "Store",
    BusinessCategory.SOUVENIRS: "Store",
    BusinessCategory.PRODUCE: "Store",
    BusinessCategory.GUIDE: "TravelAgency",
}
FREQUENCIES = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}


def images(item, most: int = 3) -> list[str] | None:
    """Return the addresses of an item's first photos (largest JPEG), or None without any."""
    return [photo.url(extension="jpg", external=True) for photo in item.gallery[:most]] or None


def destination_data(destination: Destination, url: str, lang: str, today: date) -> dict:
    """Describe a destination as a TouristAttraction."""
    hours = destination.opening_hours
    amenities = [
        {"@type": "LocationFeatureSpecification", "name": str(FACILITY_LABELS[f]), "value": True}
        for f in destination.facilities
        if f in FACILITY_LABELS
    ]
    return compact(
        {
            "@context": CONTEXT,
            "@type": "TouristAttraction",
            "@id": f"{url}#place",
            "name": str(destination.name.resolve(lang)),
            "description": str(destination.summary.resolve(lang)),
            "url": url,
            "image": images(destination),
            "address": postal_address(
                destination.address, str(destination.area.name.resolve(lang)), REGION, COUNTRY
            ),
            "geo": geo(destination.latitude, destination.longitude),
            "isAccessibleForFree": destination.entry_free,
            "publicAccess": True,
            "telephone": e164(destination.contact_phone),
            "sameAs": safe_link(destination.website) or None,
            "amenityFeature": amenities,
            "openingHoursSpecification": opening_hours_specification(hours),
            "specialOpeningHoursSpecification": special_opening_hours(
                upcoming_exceptions(hours, today, days=366)
            ),
        }
    )


def _schedule(event: Event) -> dict | None:
    """Describe how a repeating event repeats, as a schema.org Schedule."""
    parts = rule_parts(event.recurrence_rule or "")
    if parts.get("FREQ") not in FREQUENCIES:
        return None
    start, end = to_wib(event.starts_at), to_wib(event.ends_at)
    days = [c[-2:] for c in parts.get("BYDAY", "").split(",") if c[-2:] in WEEKDAYS]
    return compact(
        {
            "@type": "Schedule",
            "repeatFrequency": f"P{parts.get('INTERVAL', '1')}{FREQUENCIES[parts['FREQ']]}",
            "byDay": [f"{CONTEXT}/{list(DAY_NAMES.values())[WEEKDAYS.index(d)]}" for d in days],
            "repeatCount": int(parts["COUNT"]) if parts.get("COUNT", "").isdigit() else None,
            "startDate": start.date().isoformat(),
            "endDate": to_wib(event.recurrence_until).date().isoformat()
            if event.recurrence_until
            else None,
            "startTime": None if event.all_day else start.strftime("%H:%M:%S"),
            "endTime": None if event.all_day else end.strftime("%H:%M:%S"),
            "exceptDate": sorted(event.recurrence_exdates or []),
            "scheduleTimezone": "Asia/Jakarta",
        }
    )


def event_data(
    event: Event,
    starts_at: datetime,
    ends_at: datetime,
    url: str,
    place_url: str | None,
    lang: str,
) -> dict:
    """Describe an event (at one of its dates) as a schema.org Event."""
    venue = event_venue(event, lang)
    price = 0 if event.entry_free or event.price is None else event.price
    return compact(
        {
            "@context": CONTEXT,
            "@type": EVENT_TYPES.get(event.category, "Event"),
            "@id": f"{url}#event",
            "name": str(event.title.resolve(lang)),
            "description": str(event.summary.resolve(lang)),
            "url": url,
            "image": images(event),
            "startDate": moment(starts_at, event.all_day),
            "endDate": moment(ends_at, event.all_day),
            "eventStatus": f"{CONTEXT}/{EVENT_STATUSES[event.event_status]}",
            "eventAttendanceMode": f"{CONTEXT}/OfflineEventAttendanceMode",
            "location": compact(
                {
                    "@type": "Place",
                    "name": venue.name or venue.locality,
                    "url": place_url,
                    "address": postal_address(venue.address, venue.locality, REGION, COUNTRY),
                    "geo": geo(venue.latitude, venue.longitude),
                }
            ),
            "organizer": {"@type": "Organization", "name": event.organiser}
            if event.organiser
            else None,
            "isAccessibleForFree": price == 0,
            "offers": offer(price, safe_link(event.registration_url) or url),
            "eventSchedule": _schedule(event) if event.recurrence_rule else None,
        }
    )


def _priced(product: Product) -> bool:
    return product.price_min is not None or product.price_max is not None


def product_data(product: Product, business_id: str, url: str, lang: str) -> dict:
    """Describe a product, with its offer in rupiah when it has a price."""
    return compact(
        {
            "@type": "Product",
            "@id": f"{url}#product-{product.id}",
            "name": str(product.name.resolve(lang)),
            "description": str(product.description.resolve(lang)),
            "image": images(product, 1),
            "offers": compact(
                {
                    **offer(product.price_min, url, product.available, product.price_max),
                    "seller": {"@id": business_id},
                }
            )
            if _priced(product)
            else None,
        }
    )


def unpriced_offer(product: Product, business_id: str, url: str, lang: str) -> dict:
    """Describe a product without a price as something the business offers (no Product item).

    A Product item must carry an offer with a price (search engines flag it otherwise); a
    product whose price the owner has not given is honestly an offer of the business.
    """
    availability = "InStock" if product.available else "OutOfStock"
    return {
        "@type": "Offer",
        "itemOffered": product_data(product, business_id, url, lang),
        "availability": f"{CONTEXT}/{availability}",
        "url": url,
    }


def price_range(products: list[Product], lang: str) -> str | None:
    """Return the span of the products' prices in rupiah (``Rp5.000–Rp150.000``), if any."""
    prices = [p for product in products for p in (product.price_min, product.price_max)]
    known = [p for p in prices if p is not None]
    return rupiah_range(min(known), max(known), lang) if known else None


def business_data(
    business: Business, products: list[Product], url: str, lang: str, today: date
) -> dict:
    """Describe a business as a LocalBusiness with its products, in one graph."""
    hours, business_id = business.opening_hours, f"{url}#business"
    links = [v for k, v in sorted(business.social_links.items()) if safe_link(v)]
    place = compact(
        {
            "@type": BUSINESS_TYPES.get(business.category, "LocalBusiness"),
            "@id": business_id,
            "name": business.name,
            "description": str(business.summary.resolve(lang)),
            "url": url,
            "image": images(business),
            "address": postal_address(
                business.address, str(business.area.name.resolve(lang)), REGION, COUNTRY
            ),
            "geo": geo(business.latitude, business.longitude),
            "telephone": e164(business.phone) or e164(business.whatsapp),
            "email": business.email,
            "sameAs": links,
            "openingHoursSpecification": opening_hours_specification(hours),
            "specialOpeningHoursSpecification": special_opening_hours(
                upcoming_exceptions(hours, today, days=366)
            ),
            "priceRange": price_range(products, lang),
            "makesOffer": [
                unpriced_offer(p, business_id, url, lang) for p in products if not _priced(p)
            ],
        }
    )
    items = [product_data(p, business_id, url, lang) for p in products if _priced(p)]
    return {"@context": CONTEXT, "@graph": [place, *items]}
