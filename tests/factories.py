"""Factory functions for tests: each creates and commits one row through the services."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from branding.accounts.models import Role, User
from branding.accounts.services import add_user
from branding.areas.editing import add_area
from branding.areas.models import Area, AreaKind
from branding.businesses.editing import add_business, add_product
from branding.businesses.models import Business, BusinessCategory, ModerationStatus, Product
from branding.core.content.publishing import PublicationStatus
from branding.destinations.editing import add_destination
from branding.destinations.models import Destination, DestinationCategory
from branding.events.editing import add_event
from branding.events.models import Event, EventCategory
from branding.extensions import db
from branding.media.models import Photo

_serial = itertools.count(1)


def _next() -> int:
    return next(_serial)


class Factories:
    """Make rows with defaults a test can override by keyword."""

    def __init__(self) -> None:
        self._owner: User | None = None

    def area(self, **fields) -> Area:
        n = _next()
        fields = {
            "slug": f"area-{n}",
            "kind": AreaKind.DISTRICT,
            "name": {"id": f"Kecamatan {n}", "en": f"District {n}"},
            **fields,
        }
        return self._commit(add_area(**fields))

    def destination(self, **fields) -> Destination:
        n = _next()
        if "area" not in fields and "area_id" not in fields:
            fields["area"] = self.area()
        fields = {
            "slug": f"destination-{n}",
            "category": DestinationCategory.NATURE,
            "status": PublicationStatus.PUBLISHED,
            "name": {"id": f"Tempat Wisata {n}", "en": f"Place {n}"},
            "summary": {"id": f"Ringkasan {n}", "en": f"Summary {n}"},
            **fields,
        }
        return self._commit(add_destination(**fields))

    def event(self, starts_in: timedelta = timedelta(days=3), **fields) -> Event:
        n = _next()
        starts = datetime.now(UTC).replace(microsecond=0) + starts_in
        fields = {
            "slug": f"event-{n}",
            "category": EventCategory.FESTIVAL,
            "status": PublicationStatus.PUBLISHED,
            "title": {"id": f"Acara {n}", "en": f"Event {n}"},
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=3),
            "venue_name": "Lapangan Salak",
            **fields,
        }
        return self._commit(add_event(**fields))

    def user(self, role: Role = Role.OWNER, **fields) -> User:
        n = _next()
        email = fields.pop("email", f"user{n}@example.com")
        user = add_user(email, fields.pop("password", "correct horse battery"), role)
        for name, value in fields.items():
            setattr(user, name, value)
        return self._commit(user)

    def business(self, **fields) -> Business:
        n = _next()
        if "owner" not in fields and "owner_id" not in fields:
            self._owner = self._owner or self.user()  # hashing is slow: one per test
            fields["owner"] = self._owner
        if "area" not in fields and "area_id" not in fields:
            fields["area"] = self.area()
        fields = {
            "slug": f"business-{n}",
            "name": f"Usaha {n}",
            "category": BusinessCategory.COFFEE,
            "status": ModerationStatus.APPROVED,
            "summary": {"id": f"Usaha lokal {n}", "en": f"Local business {n}"},
            **fields,
        }
        return self._commit(add_business(**fields))

    def product(self, business: Business, **fields) -> Product:
        n = _next()
        fields = {
            "name": {"id": f"Produk {n}", "en": f"Product {n}"},
            "status": ModerationStatus.APPROVED,
            "price_min": 25000,
            **fields,
        }
        return self._commit(add_product(business, **fields))

    def photo(self, item, **fields) -> Photo:
        """Add a photo row to an item (no files: for pages that only name them)."""
        fields = {"storage_key": f"{_next():024x}", "width": 640, "height": 480,
                  "widths": [320, 640], "position": len(item.photos), **fields}  # fmt: skip
        photo = Photo(**fields)
        item.photos.append(photo)
        return self._commit(photo)

    @staticmethod
    def _commit(row):
        db.session.commit()
        return row
