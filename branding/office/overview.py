"""Counts for the back office's start page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from branding.businesses.models import Business, ModerationStatus, Product
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db


@dataclass(frozen=True)
class Overview:
    pending_businesses: int
    pending_products: int
    draft_destinations: int
    draft_events: int


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def office_overview() -> Overview:
    """Count what waits for review or publication."""
    pending = ModerationStatus.PENDING
    draft = PublicationStatus.DRAFT
    return Overview(
        pending_businesses=_count(Business, Business.status == pending),
        pending_products=_count(Product, Product.status == pending),
        draft_destinations=_count(Destination, Destination.status == draft),
        draft_events=_count(Event, Event.status == draft),
    )
