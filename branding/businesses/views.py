"""Visitor pages for the business (UMKM) directory."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from branding.areas.services import all_areas, area_arg
from branding.businesses import services
from branding.businesses.models import BusinessCategory
from branding.core.web.query_args import enum_arg, page_arg, per_page, require_page
from branding.core.web.visits import note_subject

bp = Blueprint("businesses", __name__, url_prefix="/<lang:lang>/businesses")


@bp.get("/")
def index():
    """List approved businesses, filtered by category and area."""
    category, area = enum_arg(BusinessCategory), area_arg()
    page = services.list_businesses(category, area, page_arg(), per_page())
    return render_template(
        "businesses/index.html",
        page=require_page(page),
        category=category,
        area=area,
        areas=all_areas(),
    )


@bp.get("/<slug>")
def detail(slug: str):
    """Show one approved business and its approved products."""
    business = services.get_approved_business(slug) or abort(404)
    products = services.approved_products(business)
    note_subject("business", business, shown=[("product", p.id) for p in products])
    return render_template("businesses/detail.html", business=business, products=products)


@bp.get("/<slug>/products/<int:product_id>")
def product(slug: str, product_id: int):
    """Show one approved product of an approved business, with all its photos."""
    business = services.get_approved_business(slug) or abort(404)
    item = services.get_approved_product(business, product_id) or abort(404)
    note_subject("business", business, shown=[("product", item.id)])
    return render_template("businesses/product.html", business=business, product=item)
