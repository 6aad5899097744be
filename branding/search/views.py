"""The search page and the search box's suggestions."""

from __future__ import annotations

from flask import Blueprint, jsonify, make_response, render_template, request

from branding.areas.services import all_areas
from branding.core.i18n import current_language
from branding.core.web.query_args import per_page
from branding.search import freshness, look_after_search, services
from branding.search.labels import TYPE_LABELS, TYPE_TABS
from branding.search.params import CATEGORIES, read_params

bp = Blueprint("search", __name__, url_prefix="/<lang:lang>/search")


@bp.get("")
def index():
    """Search destinations, events, businesses and products in the visitor's language."""
    params = read_params(request.args, current_language(), per_page())
    if params.words:
        freshness.catch_up()  # the visitor's own change first
    page = services.search_page(params)
    html = render_template(
        "search/results.html",
        result=page,
        params=params,
        areas=all_areas(),
        type_tabs=TYPE_TABS,
        type_labels=TYPE_LABELS,
        categories=CATEGORIES,
    )
    response = make_response(html, {"X-Robots-Tag": "noindex"})
    look_after_search(response)
    return response


@bp.get("/suggest")
def suggest():
    """Return the names that complete what is typed in the search box, as JSON.

    Public and revalidated each time against its ETag (``core.pagecache``), so a renamed
    item's new name is suggested at once.
    """
    freshness.catch_up()
    found = services.suggest(request.args.get("q", ""), current_language())
    return jsonify(suggestions=found)
