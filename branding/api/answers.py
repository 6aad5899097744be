"""What each API route answers: its parameters validated, one service called, JSON out.

The routes (``views``) import this module on their first request: pydantic and the schemas
cost a process 20 MB, and a web worker that serves no API request never loads them.
"""

from __future__ import annotations

from typing import Any

from flask import abort, jsonify, render_template, request
from pydantic import BaseModel, ValidationError

from branding.api import catalogue, openapi
from branding.api.errors import InvalidParameter
from branding.api.params import ChangesQuery, Query
from branding.api.resources import RESOURCES


def parse(model: type[Query]) -> Any:
    """Return the query string validated by an operation's parameter model, or a 400."""
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "query"
        raise InvalidParameter("invalid_parameter", f"{where}: {first['msg']}") from None


def answer(body: BaseModel):
    """Return a response model as JSON."""
    return jsonify(body.model_dump(mode="json"))


def index(plural: str):
    """Answer a page of public items of one kind, filtered (or what changed since)."""
    resource = RESOURCES[plural]
    return answer(catalogue.page(resource, parse(resource.query)))


def by_id(plural: str, item_id: int):
    """Answer one public item by its id."""
    resource = RESOURCES[plural]
    return answer(catalogue.one(resource, parse(Query), item_id=item_id) or abort(404))


def by_slug(plural: str, slug: str):
    """Answer one public item by its slug."""
    resource = RESOURCES[plural]
    return answer(catalogue.one(resource, parse(Query), slug=slug) or abort(404))


def changes():
    """Answer what changed after a sync cursor: items as they are now, and tombstones."""
    return answer(catalogue.changes(parse(ChangesQuery)))


def openapi_document():
    """Answer the OpenAPI 3.1 document of the API."""
    return jsonify(openapi.document())


def docs():
    """Answer the API's documentation page, written from its OpenAPI document."""
    return render_template("api/docs.html", spec=openapi.document(), guide=openapi.guide())
