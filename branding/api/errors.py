"""JSON errors of a stable shape, for every error under ``/api/``: ``{"error": {...}}``."""

from __future__ import annotations

from flask import Response, jsonify
from werkzeug.exceptions import BadRequest, Gone, HTTPException, InternalServerError

from branding.extensions import db

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    410: "gone",
    413: "too_large",
    429: "rate_limited",
    500: "server_error",
}
MESSAGES = {404: "No such resource.", 405: "The API only reads: use GET, HEAD or OPTIONS."}


class InvalidParameter(BadRequest):
    """A query parameter the operation cannot take, with a code a client can test."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.api_code = code


class ResyncRequired(Gone):
    """A sync position or moment older than the change log keeps: start again from nothing."""

    api_code = "resync_required"

    def __init__(self) -> None:
        super().__init__(
            "The change log no longer holds every change since this cursor or moment: "
            "discard the local copy and sync again without a cursor (or updated_since)."
        )


def render(error: Exception) -> Response:
    """Answer an error as JSON with its status and headers (Retry-After, Allow)."""
    if not isinstance(error, HTTPException):
        error = InternalServerError()
    status = error.code or 500
    if status >= 500:
        db.session.rollback()
    code = getattr(error, "api_code", None) or CODES.get(status, f"http_{status}")
    message = MESSAGES.get(status) if status != 400 else None
    body = {"status": status, "code": code, "message": message or error.description or ""}
    response = jsonify(error=body)
    response.status_code = status
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    response.headers["Cache-Control"] = "no-store"
    return response
