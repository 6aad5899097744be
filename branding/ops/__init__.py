"""Running the platform: request ids in every log line, structured logs, health and readiness.

``/healthz`` says the process answers (for a supervisor); ``/readyz`` says whether this server
can serve visitors now (database, Redis, photo storage, its search index), for a load
balancer. Every response carries ``X-Request-ID`` (the proxy's, when it sent a well-formed
one), and every log line written during a request names it.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Give requests an id, configure the logs, and serve the health endpoints."""
    from branding.ops import logs, request_ids
    from branding.ops.views import bp

    request_ids.init_app(app)
    logs.configure(app)
    app.register_blueprint(bp)
