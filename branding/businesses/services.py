"""Reading businesses (UMKM) and their products as visitors see them."""

from __future__ import annotations

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from branding.areas.models import Area
from branding.businesses.models import (
    Business,
    BusinessCategory,
    ModerationStatus,
    Product,
)
from branding.extensions import db

APPROVED = ModerationStatus.APPROVED


def _approved() -> Select:
    return (
        select(Business)
        .where(Business.is_public)
        .options(joinedload(Business.area), selectinload(Business.photos))
    )


def list_businesses(
    category: BusinessCategory | None = None,
    area: Area | None = None,
    page: int = 1,
    per_page: int = 12,
) -> Pagination:
    """Return a page of approved businesses, verified first, then by name."""
    query = _approved()
    if category:
        query = query.where(Business.category == category)
    if area:
        query = query.where(Business.area_id == area.id)
    query = query.order_by(Business.verified.desc(), Business.name, Business.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def get_approved_business(slug: str) -> Business | None:
    """Return an approved business by slug, if any."""
    return db.session.scalar(_approved().where(Business.slug == slug))


def approved_products(business: Business) -> list[Product]:
    """Return a business's approved products in the owner's order."""
    query = (
        select(Product)
        .where(Product.business_id == business.id, Product.is_public)
        .options(selectinload(Product.photos))
        .order_by(Product.position, Product.id)
    )
    return list(db.session.scalars(query))


def get_approved_product(business: Business, product_id: int) -> Product | None:
    """Return one approved product of a business, with its photos, if any."""
    query = (
        select(Product)
        .where(Product.id == product_id, Product.business_id == business.id, Product.is_public)
        .options(selectinload(Product.photos))
    )
    return db.session.scalar(query)


def featured_products(limit: int = 6) -> list[Product]:
    """Return available approved products of approved businesses, newest first."""
    query = (
        select(Product)
        .join(Product.business)
        .where(Product.is_public, Product.available, Business.is_public)
        .options(joinedload(Product.business), selectinload(Product.photos))
        .order_by(Product.created_at.desc(), Product.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))
