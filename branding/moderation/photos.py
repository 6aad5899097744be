"""The tourism office's review of photos that business owners add.

An owner's photo waits until the office approves it. Photos of a listing under review are
approved with the listing; photos added to an approved listing are reviewed one by one,
while the listing stays visible.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from branding.businesses.models import Business, Product
from branding.extensions import db
from branding.media.models import Photo

Listing = TypeVar("Listing", Business, Product)


def approve_listing_photos(item: Business | Product) -> None:
    """Show every waiting photo of a listing being approved (the caller commits)."""
    for photo in item.photos:
        photo.approved = True


def waiting_photos() -> list[tuple[Photo, Business | Product]]:
    """Return the photos waiting for review on approved listings, oldest first, with each item."""
    approved_businesses = select(Business.id).where(Business.is_public)
    approved_products = select(Product.id).where(Product.is_public)
    query = select(Photo).where(
        Photo.approved.is_(False),
        or_(Photo.business_id.in_(approved_businesses), Photo.product_id.in_(approved_products)),
    )
    photos = list(db.session.scalars(query.order_by(Photo.created_at, Photo.id)))
    businesses = _by_id(Business, {p.business_id for p in photos if p.business_id is not None})
    products = _by_id(Product, {p.product_id for p in photos if p.product_id is not None})
    waiting: list[tuple[Photo, Business | Product]] = []
    for p in photos:  # each photo is a business's or a product's (the query asks for one)
        if p.business_id is not None:
            waiting.append((p, businesses[p.business_id]))
        elif p.product_id is not None:
            waiting.append((p, products[p.product_id]))
    return waiting


def _by_id(model: type[Listing], ids: set[int]) -> dict[int, Listing]:
    if not ids:
        return {}
    query = select(model).where(model.id.in_(ids))
    if model is Product:
        query = query.options(selectinload(Product.business))
    return {item.id: item for item in db.session.scalars(query)}


def _item_of(photo: Photo) -> Business | Product | None:
    if photo.business_id is not None:
        return db.session.get(Business, photo.business_id)
    return db.session.get(Product, photo.product_id, options=[selectinload(Product.business)])


def get_owner_photo(photo_id: int) -> tuple[Photo, Business | Product] | None:
    """Return a business's or product's photo with its item, or None."""
    photo = db.session.get(Photo, photo_id)
    if photo is None or (photo.business_id is None and photo.product_id is None):
        return None
    item = _item_of(photo)  # None if the item was deleted since the photo was read
    return (photo, item) if item is not None else None
