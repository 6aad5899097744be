"""Visitor pages for destinations."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from branding.areas.services import all_areas, area_arg
from branding.core.web.query_args import enum_arg, page_arg, per_page, require_page
from branding.core.web.visits import note_subject
from branding.destinations import services
from branding.destinations.models import DestinationCategory

bp = Blueprint("destinations", __name__, url_prefix="/<lang:lang>/destinations")


@bp.get("/")
def index():
    """List published destinations, filtered by category and area."""
    category, area = enum_arg(DestinationCategory), area_arg()
    page = services.list_destinations(category, area, page_arg(), per_page())
    return render_template(
        "destinations/index.html",
        page=require_page(page),
        category=category,
        area=area,
        areas=all_areas(),
    )


@bp.get("/<slug>")
def detail(slug: str):
    """Show one published destination."""
    destination = services.get_published_destination(slug) or abort(404)
    note_subject("destination", destination)
    return render_template(
        "destinations/detail.html",
        destination=destination,
    )
