"""A request id per request: the proxy's ``X-Request-ID`` when well formed, else a new one."""

from __future__ import annotations

import re
import uuid

from flask import Flask, Response, g, has_request_context, request

HEADER = "X-Request-ID"
WELL_FORMED = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def current() -> str:
    """Return this request's id ("-" outside a request)."""
    if not has_request_context():
        return "-"
    if "request_id" not in g:
        given = request.headers.get(HEADER, "")
        g.request_id = given if WELL_FORMED.match(given) else uuid.uuid4().hex
    return g.request_id


def _name_request() -> None:
    current()


def _answer_with_id(response: Response) -> Response:
    response.headers[HEADER] = current()
    return response


def init_app(app: Flask) -> None:
    """Name every request, and send its id back in the response."""
    app.before_request_funcs.setdefault(None, []).insert(0, _name_request)
    app.after_request(_answer_with_id)
