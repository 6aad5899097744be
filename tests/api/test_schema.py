"""The API against its own OpenAPI document (schemathesis): no 5xx, every answer as documented.

A bounded, derandomized run (a few examples per operation) against the WSGI app, on a small
catalogue with one of everything, so that item operations find real rows too.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from branding.api.openapi import document

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def catalogue(app, make):
    area = make.area()
    destination = make.destination(area=area, latitude=2.56, longitude=98.29)
    make.photo(destination, alt={"id": "Foto", "en": "Photo"})
    make.event(area=area, destination=destination, recurrence_rule="FREQ=WEEKLY;COUNT=4")
    make.product(make.business(area=area))
    app.config["API_REQUESTS_PER_CLIENT"] = (100_000, 60)
    return app


# The document the app serves (test_the_served_document_is_the_one_tested checks it).
schema = schemathesis.openapi.from_dict(document())


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(catalogue, case):
    # identity: the WSGI transport does not decompress what Flask-Compress sends
    case.call_and_validate(app=catalogue, checks=CHECKS, headers={"Accept-Encoding": "identity"})


def test_the_served_document_is_the_one_tested(client):
    assert client.get("/api/v1/openapi.json").get_json() == document()


def test_the_document_is_openapi_3_1_with_every_operation(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    operations = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert len(operations) == 15 and "list_changes" in operations
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "GET /api/v1/destinations/{item_id}" in html and "<script" not in html
    assert 'id="schema-Destination"' in html
