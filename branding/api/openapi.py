"""The OpenAPI 3.1 document, generated from the pydantic models the code validates with.

pydantic writes JSON Schema 2020-12, the dialect OpenAPI 3.1 uses, so the schemas go in
as they are: the parameters an operation reads are its query model's fields, and what it
answers is the response model the view builds.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from branding.api import params as p
from branding.api import schemas as s
from branding.api.resources import RESOURCES

REF = "#/components/schemas/{model}"
BASE = "/api/v1"
ERRORS = {
    "400": "invalid parameters",
    "404": "no such item",
    "410": "the cursor or updated_since is older than the change log keeps: resync_required",
    "429": "too many requests: wait Retry-After seconds",
}
GUIDE = [
    ("Languages", "Every text is a dictionary {id, en, btd} (null where not written). With "
     "?language=en each becomes {value, language}: the text in English, or its fallback "
     "(Indonesian, then Pakpak) and the language it is really in."),
    ("Paging", "Lists are in id order. meta.next_cursor, passed as ?cursor=, gives the next "
     "page; it is null on the last one. limit is 1 to 100. With near, a page may hold fewer "
     "items than limit and still have a next one."),
    ("Syncing", "GET /api/v1/changes without a cursor lists every public item from the start "
     "of the change log (compacted: each item's latest change); store meta.next_cursor and "
     "pass it as ?cursor= next time to get only what changed since, tombstones (action "
     "delete: unpublished, suspended or deleted) included, for items that were ever public; "
     "ask again at once while meta.more is true. From a cursor, every change is delivered "
     "once, in the order it was logged, even one whose transaction commits after a later "
     "one: the cursor waits for it (at least once if you lose an answer before storing its "
     "cursor; apply changes idempotently)."),
    ("Syncing from a moment", "Each list also takes ?updated_since= (ISO 8601; UTC without an "
     "offset): it then answers like /changes, for its own kind only, with the changes logged "
     "after that moment, and meta.next_cursor, which the same list continues from as "
     "?cursor= with the guarantee above. Pass the cursor, not a later moment, next time: a "
     "moment cannot promise to miss nothing, since a change is logged when it is made, not "
     "when it commits, so one made before your last request and committed after it carries "
     "a time you have passed. updated_since and a sync cursor take no filter but language."),
    ("Retention", "Changes are kept API_CHANGES_RETENTION_DAYS days (30 by default); after "
     "that an item's superseded changes and the tombstones go. A cursor or updated_since "
     "older than that is answered 410 with code resync_required: discard the local copy "
     "and sync again without a cursor."),
    ("Caching", "Answers carry ETag and Last-Modified; send If-None-Match or "
     "If-Modified-Since to get a 304. Caches may keep them for a minute."),
    ("Limits", "Each client may make a fixed number of requests a minute; past it the "
     "answer is a 429 with Retry-After. Errors are {error: {status, code, message}}."),
]  # fmt: skip


def _schemas() -> dict[str, Any]:
    models: list[type[BaseModel]] = [s.Error, s.Changes, *(r.page for r in RESOURCES.values())]
    models += [r.item for r in RESOURCES.values()]
    _, top = models_json_schema([(m, "serialization") for m in models], ref_template=REF)
    return top["$defs"]


def _parameters(model: type[p.Query]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(by_alias=True, ref_template=REF)
    found = []
    for name, field in schema["properties"].items():
        field = _not_null(field)
        description = field.pop("description", "")
        field.pop("title", None)
        parameter = {"name": name, "in": "query", "required": False, "schema": field}
        if description:
            parameter["description"] = description
        found.append(parameter)
    return found


def _not_null(field: dict[str, Any]) -> dict[str, Any]:
    """Return a parameter's schema without its null choice: absent is how a query says none."""
    field = dict(field)
    choices = [c for c in field.pop("anyOf", []) if c.get("type") != "null"]
    if len(choices) == 1:
        field.update(choices[0])
    elif choices:
        field["anyOf"] = choices
    if field.get("default", 0) is None:
        del field["default"]
    return field


def _operation(
    op_id: str,
    summary: str,
    model: type[Any],
    query: type[p.Query],
    item: bool,
    syncs: bool = False,
):
    schema: dict[str, Any] = {"$ref": REF.format(model=model.__name__)}
    if syncs and model is not s.Changes:  # a list: a page, or its changes (updated_since)
        schema = {"anyOf": [schema, {"$ref": REF.format(model="Changes")}]}
    responses: dict[str, Any] = {
        "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
        "304": {"description": "not modified since the ETag or date sent"},
    }
    unused = {"410"} if item else {"404"} | (set() if syncs else {"410"})
    codes = {k: v for k, v in ERRORS.items() if k not in unused}
    for code, description in codes.items():
        content = {"application/json": {"schema": {"$ref": REF.format(model="Error")}}}
        responses[code] = {"description": description, "content": content}
    return {
        "operationId": op_id,
        "summary": summary,
        "parameters": _parameters(query),
        "responses": responses,
    }


@cache
def document() -> dict[str, Any]:
    """Return the OpenAPI document (built once per process)."""
    paths: dict[str, Any] = {}
    for r in RESOURCES.values():
        paths[f"{BASE}/{r.plural}"] = {
            "get": _operation(
                f"list_{r.plural}", f"List {r.plural}", r.page, r.query, False, syncs=True
            )
        }
        path = f"{BASE}/{r.plural}/{{item_id}}"
        paths[path] = {
            "get": _operation(f"get_{r.kind}", f"One {r.kind} by id", r.item, p.Query, True)
        }
        paths[path]["get"]["parameters"].insert(0, _path_parameter("item_id", True))
        if r.has_slug:
            path = f"{BASE}/{r.plural}/slug/{{slug}}"
            op = _operation(f"get_{r.kind}_by_slug", f"One {r.kind} by slug", r.item, p.Query, True)
            op["parameters"].insert(0, _path_parameter("slug", False))
            paths[path] = {"get": op}
    paths[f"{BASE}/changes"] = {
        "get": _operation(
            "list_changes",
            "Changes after a sync cursor",
            s.Changes,
            p.ChangesQuery,
            False,
            syncs=True,
        )
    }
    schemas = _schemas()
    for query in {r.query for r in RESOURCES.values()} | {p.ChangesQuery}:
        schemas.update(query.model_json_schema(by_alias=True, ref_template=REF).get("$defs", {}))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Pesona Pakpak Bharat open data",
            "version": "1.0.0",
            "description": "Destinations, events, businesses (UMKM) and their products of "
            "Kabupaten Pakpak Bharat, in Indonesian, English and Pakpak. Read-only.",
        },
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _path_parameter(name: str, whole: bool) -> dict[str, Any]:
    if whole:
        schema: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    else:
        schema = {"type": "string", "pattern": p.SLUG}
    return {"name": name, "in": "path", "required": True, "schema": schema}


def guide() -> list[tuple[str, str]]:
    """Return the documentation page's notes on what every operation shares."""
    return GUIDE
