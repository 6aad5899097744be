"""The map page and its GeoJSON data."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template, request, url_for

from branding.areas.services import all_areas, area_arg
from branding.core.content.publishing import utcnow
from branding.maps import clusters, services

bp = Blueprint("maps", __name__, url_prefix="/<lang:lang>/map")


def map_filter() -> services.MapFilter:
    """Read ``?type=``, ``?category=`` and ``?area=``; unknown values mean no filter."""
    kind = request.args.get("type", "")
    return services.MapFilter(
        kind=kind if kind in services.KINDS else None,
        category=request.args.get("category", "").strip() or None,
        area=area_arg(),
    )


@bp.get("/")
def index():
    """Show destinations, businesses and events on a map, and the same places as a list."""
    filters = map_filter()
    return render_template(
        "maps/index.html",
        places=services.places(filters, utcnow()),
        filters=filters,
        areas=all_areas(),
        data_url=url_for("maps.data", **filters.args()),
    )


@bp.get("/data.geojson")
def data():
    """Serve the map's places as GeoJSON, with the page's filters, a box and a zoom level."""
    try:
        box = clusters.parse_bbox(request.args.get("bbox"))
        zoom = clusters.parse_zoom(request.args.get("zoom"))
    except ValueError as error:
        abort(400, str(error))
    response = jsonify(services.clustered_collection(map_filter(), utcnow(), box, zoom))
    response.mimetype = "application/geo+json"
    response.headers["Access-Control-Allow-Origin"] = "*"  # open data
    return response
