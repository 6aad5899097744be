"""``/healthz`` (the process answers) and ``/readyz`` (this server can serve visitors now)."""

from __future__ import annotations

from flask import Blueprint, jsonify

from branding.ops import health

bp = Blueprint("ops", __name__)


def _uncached(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/healthz")
def healthz():
    """Answer that the process is alive, touching nothing else."""
    return _uncached(jsonify(status="ok"))


@bp.get("/readyz")
def readyz():
    """Report each readiness check; 503 when a required one fails."""
    found = health.checks()
    ok = health.ready(found)
    degraded = any(not check.ok for check in found)
    body = {
        "status": ("degraded" if degraded else "ok") if ok else "unavailable",
        "checks": {
            check.name: {
                "ok": check.ok,
                "required": check.required,
                "detail": check.detail,
                "ms": check.ms,
                **check.extra,
            }
            for check in found
        },
    }
    return _uncached(jsonify(body)), 200 if ok else 503
