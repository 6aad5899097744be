"""Log lines with the request id: readable text on a laptop, one JSON object per line in production.

``LOG_FORMAT`` (``text`` or ``json``; ``json`` by default when ``BRANDING_ENV=production``)
and ``LOG_LEVEL`` (``INFO``) apply to the platform's loggers (``branding.*``), the job queue's
(``huey``) and Flask's.
A JSON line holds the time (UTC), level, logger, message, request id, method and path, and
the traceback of an exception.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from flask import Flask, has_request_context, request

from branding.ops import request_ids

HANDLER_NAME = "branding-ops"


class RequestContext(logging.Filter):
    """Add the request id, method and path to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_ids.current()
        record.method = request.method if has_request_context() else "-"
        record.path = request.path if has_request_context() else "-"
        return True


class JsonLines(logging.Formatter):
    """One JSON object per record."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "method": getattr(record, "method", "-"),
            "path": getattr(record, "path", "-"),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


TEXT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


def make_handler(kind: str) -> logging.Handler:
    """Return a stderr handler writing ``text`` or ``json`` lines with the request context."""
    handler = logging.StreamHandler()
    handler.set_name(HANDLER_NAME)
    handler.addFilter(RequestContext())
    handler.setFormatter(JsonLines() if kind == "json" else logging.Formatter(TEXT))
    return handler


def configure(app: Flask) -> None:
    """Send the platform's and Flask's log records to stderr in the configured format."""
    if app.testing:
        return  # pytest captures records itself
    production = bool(app.config.get("PRODUCTION"))
    kind = app.config.get("LOG_FORMAT") or ("json" if production else "text")
    level = app.config.get("LOG_LEVEL", "INFO")
    for logger in (logging.getLogger("branding"), logging.getLogger("huey"), app.logger):
        if not any(h.get_name() == HANDLER_NAME for h in logger.handlers):
            for old in list(logger.handlers):
                logger.removeHandler(old)
            logger.addHandler(make_handler(kind))
        logger.setLevel(level)
        logger.propagate = False
    logging.getLogger("huey").setLevel("WARNING")  # a line per job: the worker turns it up
