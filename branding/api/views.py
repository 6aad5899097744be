"""The API's routes: read the parameters, call one service, answer JSON."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, render_template, request
from pydantic import BaseModel, ValidationError

from branding.api import catalogue, http, openapi
from branding.api.errors import InvalidParameter
from branding.api.params import ChangesQuery, Query
from branding.api.resources import RESOURCES

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.before_request(http.rate_limit)
bp.after_request(http.cacheable)


def parse(model: type[Query]) -> Any:
    """Return the query string validated by an operation's parameter model, or a 400."""
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "query"
        raise InvalidParameter("invalid_parameter", f"{where}: {first['msg']}") from None


def answer(body: BaseModel):
    return jsonify(body.model_dump(mode="json"))


@bp.get("/<any(areas, destinations, events, businesses, products):plural>")
def index(plural: str):
    """List public items of one kind, filtered, a page at a time (or what changed since)."""
    resource = RESOURCES[plural]
    return answer(catalogue.page(resource, parse(resource.query)))


@bp.get("/<any(areas, destinations, events, businesses, products):plural>/<int:item_id>")
def by_id(plural: str, item_id: int):
    """Show one public item by its id."""
    resource = RESOURCES[plural]
    return answer(catalogue.one(resource, parse(Query), item_id=item_id) or abort(404))


@bp.get("/<any(areas, destinations, events, businesses):plural>/slug/<slug>")
def by_slug(plural: str, slug: str):
    """Show one public item by its slug."""
    resource = RESOURCES[plural]
    return answer(catalogue.one(resource, parse(Query), slug=slug) or abort(404))


@bp.get("/changes")
def changes():
    """List what changed after a sync cursor: items as they are now, and tombstones."""
    return answer(catalogue.changes(parse(ChangesQuery)))


@bp.get("/openapi.json")
def openapi_document():
    """Serve the OpenAPI 3.1 document of the API."""
    return jsonify(openapi.document())


@bp.get("/docs")
def docs():
    """Show the API's documentation, written from its OpenAPI document."""
    return render_template("api/docs.html", spec=openapi.document(), guide=openapi.guide())
