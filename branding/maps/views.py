"""The map page and its GeoJSON data."""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for

from branding.areas.services import all_areas, area_arg
from branding.core.content.publishing import utcnow
from branding.core.i18n import marking
from branding.core.web.query_args import page_arg
from branding.maps import clusters, listing, services
from branding.maps.preview import preview_svg

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
    """Show destinations, businesses and events on a map, and a page of them as a list."""
    filters = map_filter()
    with marking.marked():  # its labels and dates are made here, before the page
        page = listing.place_page(filters, utcnow(), page_arg(), listing.PER_PAGE)
    if page.page > 1 and not page.items:
        abort(404)
    return render_template(
        "maps/index.html",
        page=page,
        filters=filters,
        areas=all_areas(),
        data_url=url_for("maps.data", **filters.args()),
        preview_url=url_for("maps.preview", **filters.args()),
    )


@bp.get("/preview.svg")
def preview():
    """Serve a sketch of the filtered places' pins, shown until the map itself is drawn."""
    response = Response(
        preview_svg(listing.sketch_pins(map_filter(), utcnow())), mimetype="image/svg+xml"
    )
    response.cache_control.public = True
    response.cache_control.max_age = 300
    response.add_etag()
    return response.make_conditional(request)


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
