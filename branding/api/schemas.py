"""What the API answers, as pydantic models: the code builds them, OpenAPI describes them.

Field names follow schema.org where it has one (``name``, ``startDate``, ``geo``,
``openingHoursSpecification``, ``offers``, ``image``…), in camelCase like schema.org itself.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["id", "en", "btd"]


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Translations(Schema):
    """A text in every language (null where it has not been written)."""

    id: str | None
    en: str | None
    btd: str | None


class Resolved(Schema):
    """A text in the language asked for, or its fallback, and the language it is in."""

    value: str
    language: Lang | None = Field(description="null when the text exists in no language")


Text = Translations | Resolved


class Links(Schema):
    """The item's HTML page in each language."""

    id: str
    en: str
    btd: str


class Geo(Schema):
    latitude: float
    longitude: float


class Rendition(Schema):
    width: int
    webp: str
    jpeg: str


class Photo(Schema):
    """An approved photo (schema.org ImageObject), its renditions largest last."""

    id: int
    contentUrl: str
    width: int
    height: int
    alt: Text
    caption: Text
    renditions: list[Rendition]


DayOfWeek = Literal[
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]
CLOCK = r"^([01][0-9]|2[0-4]):[0-5][0-9]$"


class OpeningHours(Schema):
    """Weekly hours (schema.org OpeningHoursSpecification), WIB wall-clock time; the days with
    the same hours grouped. Closing at midnight is 23:59; closing before opening runs past
    midnight into the next day."""

    type: Literal["OpeningHoursSpecification"] = "OpeningHoursSpecification"
    dayOfWeek: list[DayOfWeek] = Field(min_length=1)
    opens: str = Field(pattern=CLOCK)
    closes: str = Field(pattern=CLOCK)


class SpecialOpeningHours(Schema):
    """Hours on one date replacing the weekly ones (closed all day: opens = closes = 00:00)."""

    type: Literal["OpeningHoursSpecification"] = "OpeningHoursSpecification"
    validFrom: date
    validThrough: date
    opens: str = Field(pattern=CLOCK)
    closes: str = Field(pattern=CLOCK)


HOURS = "weekly hours; empty when not known"
SPECIAL = "dates in the coming year whose hours differ from the weekly ones"


class Ref(Schema):
    id: int
    slug: str


class Area(Schema):
    type: Literal["Place"] = "Place"
    id: int
    slug: str
    kind: Literal["district", "tourism_area"]
    name: Text
    description: Text
    geo: Geo | None
    url: Links
    dateModified: datetime


class Offer(Schema):
    price: int | None = Field(description="rupiah; null: ask")
    maxPrice: int | None = None
    priceCurrency: Literal["IDR"] = "IDR"
    audience: Literal["adult", "child"] | None = None
    unitText: Text | None = None  # what the price is for: a product's unit


class Destination(Schema):
    type: Literal["TouristAttraction"] = "TouristAttraction"
    id: int
    slug: str
    name: Text
    summary: Text
    description: Text
    howToGetThere: Text
    tips: Text
    category: str
    featured: bool
    area: Ref
    address: str
    geo: Geo | None
    openingHoursSpecification: list[OpeningHours] = Field(description=HOURS)
    specialOpeningHoursSpecification: list[SpecialOpeningHours] = Field(description=SPECIAL)
    isAccessibleForFree: bool
    offers: list[Offer]
    amenityFeature: list[str]
    telephone: str
    whatsapp: str
    email: str
    website: str
    image: list[Photo]
    url: Links
    datePublished: datetime | None
    dateModified: datetime


class Occurrence(Schema):
    startDate: datetime
    endDate: datetime
    url: Links


class Location(Schema):
    name: str
    address: str
    geo: Geo | None
    destination: Ref | None


class Recurrence(Schema):
    rule: str = Field(description="an RFC 5545 RRULE, without DTSTART")
    exceptDates: list[str]
    until: datetime | None


class Event(Schema):
    type: Literal["Event"] = "Event"
    id: int
    slug: str
    name: Text
    summary: Text
    description: Text
    category: str
    eventStatus: Literal["scheduled", "cancelled", "postponed", "rescheduled"]
    featured: bool
    startDate: datetime
    endDate: datetime
    allDay: bool
    recurrence: Recurrence | None
    occurrences: list[Occurrence] = Field(
        description="the next occurrences (at most 10), or those in the date range asked for"
    )
    area: Ref | None
    location: Location
    organizer: str
    isAccessibleForFree: bool
    offers: list[Offer]
    registrationUrl: str
    image: list[Photo]
    url: Links
    datePublished: datetime | None
    dateModified: datetime


class Business(Schema):
    type: Literal["LocalBusiness"] = "LocalBusiness"
    id: int
    slug: str
    name: str = Field(description="a proper name: not translated")
    summary: Text
    description: Text
    category: str
    verified: bool
    area: Ref
    address: str
    geo: Geo | None
    openingHoursSpecification: list[OpeningHours] = Field(description=HOURS)
    specialOpeningHoursSpecification: list[SpecialOpeningHours] = Field(description=SPECIAL)
    telephone: str
    whatsapp: str
    email: str
    sameAs: list[str]
    image: list[Photo]
    url: Links
    dateModified: datetime


class Product(Schema):
    type: Literal["Product"] = "Product"
    id: int
    name: Text
    description: Text
    category: str = Field(description="its business's category")
    available: bool
    offers: list[Offer]
    business: Ref
    image: list[Photo]
    url: Links
    dateModified: datetime


class Meta(Schema):
    count: int = Field(description="items on this page")
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page")
    language: Lang | None = Field(description="the language asked for, if any")


class AreaPage(Schema):
    data: list[Area]
    meta: Meta


class DestinationPage(Schema):
    data: list[Destination]
    meta: Meta


class EventPage(Schema):
    data: list[Event]
    meta: Meta


class BusinessPage(Schema):
    data: list[Business]
    meta: Meta


class ProductPage(Schema):
    data: list[Product]
    meta: Meta


class Change(Schema):
    """One item that changed: its representation now, or a tombstone (``deleted``)."""

    type: Literal["area", "destination", "event", "business", "product", "all"]
    id: int
    action: Literal["upsert", "delete", "resync"] = Field(
        description="delete: no longer public (unpublished, suspended or deleted); "
        "resync: everything may have changed, fetch the lists again"
    )
    item: Area | Destination | Event | Business | Product | None


class ChangesMeta(Schema):
    count: int
    next_cursor: str = Field(description="store it; pass it as ?cursor= next time")
    more: bool = Field(description="true: ask again at once with next_cursor")
    language: Lang | None


class Changes(Schema):
    data: list[Change]
    meta: ChangesMeta


class ErrorBody(Schema):
    status: int
    code: str
    message: str


class Error(Schema):
    error: ErrorBody
