"""Turning public rows into the API's schemas: texts per language, photos, links, offers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import url_for

from branding.api import schemas as s
from branding.areas.models import Area
from branding.businesses.models import Business, Product
from branding.calendar.occurrences import expand
from branding.core.content.columns import MultilingualText
from branding.core.content.opening_hours import upcoming_exceptions
from branding.core.content.publishing import utcnow
from branding.core.i18n import LANGUAGES
from branding.core.i18n.formatting import to_wib
from branding.core.web.urls import is_safe_link
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.media.models import Photo
from branding.seo.jsonld import opening_hours_specification, special_opening_hours

OCCURRENCES = 10  # an event's next occurrences listed with it
HORIZON = timedelta(days=366)  # how far ahead they are looked for


class Writer:
    """Serialise items for one request: every language, or one resolved with its fallback."""

    def __init__(self, language: str | None) -> None:
        self.language = language

    def text(self, value: dict | None) -> s.Text:
        value = MultilingualText(value or {})
        if self.language is None:
            return s.Translations(id=value.get("id"), en=value.get("en"), btd=value.get("btd"))
        found = value.resolve(self.language)
        used = found.lang if str(found) else None
        return s.Resolved(value=str(found), language=used)  # type: ignore[arg-type]

    def hours(self, hours: dict | None) -> dict[str, Any]:
        """Return opening hours as the site's JSON-LD gives them (``type`` for ``@type``)."""
        today = to_wib(utcnow()).date()
        special = special_opening_hours(upcoming_exceptions(hours, today, days=366))
        return {
            "openingHoursSpecification": [
                s.OpeningHours(**_typed(spec)) for spec in opening_hours_specification(hours)
            ],
            "specialOpeningHoursSpecification": [
                s.SpecialOpeningHours(**_typed(spec)) for spec in special
            ],
        }

    def photos(self, item: Any) -> list[s.Photo]:
        return [self.photo(p) for p in item.gallery]

    def photo(self, photo: Photo) -> s.Photo:
        widths = sorted(photo.widths)
        renditions = [
            s.Rendition(
                width=w,
                webp=photo.url(w, "webp", external=True),
                jpeg=photo.url(w, "jpg", external=True),
            )
            for w in widths
        ]
        return s.Photo(
            id=photo.id,
            contentUrl=photo.url(external=True),
            width=photo.width,
            height=photo.height,
            alt=self.text(photo.alt),
            caption=self.text(photo.caption),
            renditions=renditions,
        )

    def area(self, area: Area) -> s.Area:
        return s.Area(
            id=area.id,
            slug=area.slug,
            kind=area.kind.value,
            name=self.text(area.name),
            description=self.text(area.description),
            geo=_geo(area),
            url=links("areas.detail", slug=area.slug),
            dateModified=area.updated_at,
        )

    def destination(self, item: Destination) -> s.Destination:
        offers = []
        if not item.entry_free:
            offers = [
                s.Offer(price=item.ticket_price_adult, audience="adult"),
                s.Offer(price=item.ticket_price_child, audience="child"),
            ]
        return s.Destination(
            id=item.id,
            slug=item.slug,
            name=self.text(item.name),
            summary=self.text(item.summary),
            description=self.text(item.description),
            howToGetThere=self.text(item.how_to_get_there),
            tips=self.text(item.tips),
            category=item.category.value,
            featured=item.featured,
            area=s.Ref(id=item.area.id, slug=item.area.slug),
            address=item.address,
            geo=_geo(item),
            **self.hours(item.opening_hours),
            isAccessibleForFree=item.entry_free,
            offers=offers,
            amenityFeature=[str(f) for f in item.facilities or []],
            telephone=item.contact_phone,
            whatsapp=item.contact_whatsapp,
            email=item.contact_email,
            website=item.website if is_safe_link(item.website) else "",
            image=self.photos(item),
            url=links("destinations.detail", slug=item.slug),
            datePublished=item.published_at,
            dateModified=item.updated_at,
        )

    def event(self, item: Event, start: datetime, end: datetime | None = None) -> s.Event:
        window_end = end or start + HORIZON
        found = expand(item, start, window_end)[:OCCURRENCES]
        occurrences = [
            s.Occurrence(
                startDate=o.starts_at,
                endDate=o.ends_at,
                url=links("calendar.occurrence", slug=item.slug, day=o.day),
            )
            for o in found
        ]
        recurrence = None
        if item.recurrence_rule:
            recurrence = s.Recurrence(
                rule=item.recurrence_rule,
                exceptDates=[str(d) for d in item.recurrence_exdates or []],
                until=item.recurrence_until,
            )
        venue = item.destination if item.destination and item.destination.is_public else None
        location = s.Location(
            name=item.venue_name,
            address=item.venue_address,
            geo=_geo(item) or (_geo(venue) if venue else None),
            destination=s.Ref(id=venue.id, slug=venue.slug) if venue else None,
        )
        return s.Event(
            id=item.id,
            slug=item.slug,
            name=self.text(item.title),
            summary=self.text(item.summary),
            description=self.text(item.description),
            category=item.category.value,
            eventStatus=item.event_status.value,
            featured=item.featured,
            startDate=item.starts_at,
            endDate=item.ends_at,
            allDay=item.all_day,
            recurrence=recurrence,
            occurrences=occurrences,
            area=s.Ref(id=item.area.id, slug=item.area.slug) if item.area else None,
            location=location,
            organizer=item.organiser,
            isAccessibleForFree=item.entry_free,
            offers=[] if item.entry_free else [s.Offer(price=item.price)],
            registrationUrl=item.registration_url if is_safe_link(item.registration_url) else "",
            image=self.photos(item),
            url=links("events.detail", slug=item.slug),
            datePublished=item.published_at,
            dateModified=item.updated_at,
        )

    def business(self, item: Business) -> s.Business:
        same_as = [u for _, u in sorted((item.social_links or {}).items()) if is_safe_link(u)]
        return s.Business(
            id=item.id,
            slug=item.slug,
            name=item.name,
            summary=self.text(item.summary),
            description=self.text(item.description),
            category=item.category.value,
            verified=item.verified,
            area=s.Ref(id=item.area.id, slug=item.area.slug),
            address=item.address,
            geo=_geo(item),
            **self.hours(item.opening_hours),
            telephone=item.phone,
            whatsapp=item.whatsapp,
            email=item.email,
            sameAs=same_as,
            image=self.photos(item),
            url=links("businesses.detail", slug=item.slug),
            dateModified=item.updated_at,
        )

    def product(self, item: Product) -> s.Product:
        business = item.business
        offer = s.Offer(
            price=item.price_min, maxPrice=item.price_max, unitText=self.text(item.unit)
        )
        return s.Product(
            id=item.id,
            name=self.text(item.name),
            description=self.text(item.description),
            category=business.category.value,
            available=item.available,
            offers=[offer],
            business=s.Ref(id=business.id, slug=business.slug),
            image=self.photos(item),
            url=links("businesses.product", slug=business.slug, product_id=item.id),
            dateModified=item.updated_at,
        )


def links(endpoint: str, **values: Any) -> s.Links:
    """Return the item's HTML page in each language, as absolute URLs."""
    urls = {code: url_for(endpoint, lang=code, _external=True, **values) for code in LANGUAGES}
    return s.Links(**urls)


def _geo(item: Any) -> s.Geo | None:
    if item.latitude is None or item.longitude is None:
        return None
    return s.Geo(latitude=item.latitude, longitude=item.longitude)


def _typed(spec: dict) -> dict:
    """Return a JSON-LD object with the API's ``type`` for its ``@type``."""
    return {("type" if k == "@type" else k): v for k, v in spec.items()}
