"""Visitor pages for areas."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from branding.areas import services
from branding.businesses.services import list_businesses
from branding.destinations.services import list_destinations

bp = Blueprint("areas", __name__, url_prefix="/<lang:lang>/areas")


@bp.get("/")
def index():
    """List the regency's districts and tourism areas."""
    return render_template("areas/index.html", areas=services.all_areas())


@bp.get("/<slug>")
def detail(slug: str):
    """Show an area with its destinations and businesses."""
    area = services.get_area(slug) or abort(404)
    return render_template(
        "areas/detail.html",
        area=area,
        destinations=list_destinations(area=area, per_page=12),
        businesses=list_businesses(area=area, per_page=12),
    )
