"""The query parameters each operation accepts, validated by the models OpenAPI describes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from branding.api.schemas import Lang
from branding.businesses.models import BusinessCategory
from branding.destinations.models import DestinationCategory
from branding.events.models import EventCategory

NEAR = re.compile(r"^(-?\d{1,2}(?:\.\d{1,8})?),(-?\d{1,3}(?:\.\d{1,8})?)$")
SLUG = r"^[a-z0-9][a-z0-9-]{0,119}$"
MAX_LIMIT = 100


class Query(BaseModel):
    """Parameters every operation takes."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    language: Lang | None = Field(
        None, description="resolve every text to this language (with the site's fallback)"
    )


UPDATED_SINCE = (
    "ISO 8601 moment (UTC without an offset): list what changed after it, tombstones "
    "included, as /changes does; continue with meta.next_cursor (see the guide)"
)


class Syncable(Query):
    """Parameters every list takes: paging, or the changes after a moment."""

    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="items per page")
    cursor: str | None = Field(
        None, max_length=20000, description="from meta.next_cursor (a page's, or a sync's)"
    )
    updated_since: datetime | None = Field(None, description=UPDATED_SINCE)

    @field_validator("updated_since")
    @classmethod
    def _moment(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if not 1900 <= value.year <= 2199:
            raise ValueError("the year must be between 1900 and 2199")
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def filtered(self) -> bool:
        """Tell whether any filter is given (a sync takes none)."""
        return False


class ListQuery(Syncable):
    """Parameters every list of searchable items takes."""

    area: str | None = Field(None, pattern=SLUG, description="an area's slug")
    q: str | None = Field(None, min_length=1, max_length=100, description="search words")
    near: str | None = Field(
        None, pattern=NEAR.pattern, description="latitude,longitude (WGS 84), e.g. 2.56,98.29"
    )
    radius_km: float = Field(10.0, gt=0, le=200, description="with near: the radius in km")

    @field_validator("near")
    @classmethod
    def _near(cls, value: str | None) -> str | None:
        if value is None:
            return None
        found = NEAR.match(value)
        if not found or abs(float(found[1])) > 90 or abs(float(found[2])) > 180:
            raise ValueError("near must be latitude,longitude")
        return value

    def filtered(self) -> bool:
        """Tell whether any filter is given (a sync takes none)."""
        fields = ("area", "q", "near", "category", "date_from", "date_to", "business")
        return any(getattr(self, name, None) is not None for name in fields)

    def point(self) -> tuple[float, float] | None:
        """Return the ``near`` point, if any."""
        if not self.near:
            return None
        lat, lon = self.near.split(",")
        return float(lat), float(lon)


class AreaQuery(Syncable):
    pass


class DestinationQuery(ListQuery):
    category: DestinationCategory | None = None


class BusinessQuery(ListQuery):
    category: BusinessCategory | None = None


class ProductQuery(ListQuery):
    category: BusinessCategory | None = Field(None, description="the business's category")
    business: int | None = Field(None, ge=1, le=2**31 - 1, description="a business's id")


class EventQuery(ListQuery):
    category: EventCategory | None = None
    date_from: date | None = Field(
        None, alias="from", description="events taking place on or after this day (WIB)"
    )
    date_to: date | None = Field(
        None, alias="to", description="events taking place on or before this day (WIB)"
    )

    @field_validator("date_from", "date_to")
    @classmethod
    def _year(cls, value: date | None) -> date | None:
        if value is not None and not 1900 <= value.year <= 2199:
            raise ValueError("the year must be between 1900 and 2199")
        return value


class ChangesQuery(Query):
    limit: int = Field(100, ge=1, le=500, description="changes per answer")
    cursor: str | None = Field(
        None, max_length=20000, description="from meta.next_cursor; none: from the beginning"
    )
