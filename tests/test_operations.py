"""Running the platform: health and readiness for a load balancer, request ids, log lines."""

from __future__ import annotations

import json
import logging

from branding.ops.logs import make_handler


def test_healthz_answers_without_touching_anything(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_every_response_names_its_request_and_keeps_a_well_formed_id(client):
    given = client.get("/en/", headers={"X-Request-ID": "lb-2f9c1e7a-0001"})
    assert given.headers["X-Request-ID"] == "lb-2f9c1e7a-0001"
    for bad in ("x", "two words here", "a" * 300, "id\u00e9ntique-123"):
        made = client.get("/healthz", headers={"X-Request-ID": bad})
        assert made.headers["X-Request-ID"] != bad and len(made.headers["X-Request-ID"]) == 32
    first, second = client.get("/healthz"), client.get("/healthz")
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


def test_a_json_log_line_carries_the_request_id_method_and_path(app):
    records: list[str] = []
    handler = make_handler("json")
    handler.emit = lambda record: records.append(handler.format(record))  # type: ignore[method-assign]
    logger = logging.getLogger("branding.test_operations")
    logger.addHandler(handler)
    try:
        with app.test_request_context("/en/events/", headers={"X-Request-ID": "req-12345678"}):
            try:
                raise ValueError("the calendar broke")
            except ValueError:
                logger.exception("could not render")
        logger.warning("outside a request")
    finally:
        logger.removeHandler(handler)
    inside, outside = (json.loads(line) for line in records)
    assert inside["request_id"] == "req-12345678" and inside["path"] == "/en/events/"
    assert inside["method"] == "GET" and inside["level"] == "ERROR"
    assert inside["message"] == "could not render" and "the calendar broke" in inside["exception"]
    assert outside["request_id"] == "-" and outside["message"] == "outside a request"


def test_readyz_is_ready_and_says_search_is_degraded_before_the_index_exists(client, runner):
    response = client.get("/readyz")
    assert response.status_code == 200
    checks = response.json["checks"]
    assert checks["database"]["ok"] and checks["storage"]["ok"]
    assert not checks["search"]["ok"] and "never built" in checks["search"]["detail"]
    assert response.json["status"] == "degraded"
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    again = client.get("/readyz").json
    assert again["status"] == "ok" and again["checks"]["search"]["behind"] == 0


def test_readyz_reports_changes_the_index_has_not_applied(app, client, runner, make):
    app.config["SEARCH_DRAIN_AFTER_REQUEST"] = False
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    make.destination(name={"id": "Lae Une Baru"})
    search = client.get("/readyz").json["checks"]["search"]
    assert search["ok"] and search["behind"] >= 1 and "changes to apply" in search["detail"]


def test_without_its_database_or_storage_a_server_is_not_ready(make_app, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    no_database = make_app(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://postgres@127.0.0.1:1/x")
    response = no_database.test_client().get("/readyz")
    assert response.status_code == 503 and response.json["status"] == "unavailable"
    assert not response.json["checks"]["database"]["ok"]
    broken = make_app()
    broken.extensions["media_storage"].root = tmp_path / "a-file" / "media"
    response = broken.test_client().get("/readyz")
    assert response.status_code == 503 and not response.json["checks"]["storage"]["ok"]


def test_redis_down_is_reported_but_the_server_stays_ready(make_app):
    app = make_app(REDIS_URL="redis://127.0.0.1:1/0")
    response = app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.json["checks"]["redis"] == {
        **response.json["checks"]["redis"],
        "ok": False,
        "required": False,
    }
