"""The OpenAPI schema, the documentation pages, and the API checked against its own schema
by schemathesis (no 5xx, every response as documented)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from aduan.api.tests.helpers import issue

pytestmark = pytest.mark.django_db


class SchemaTests:
    def test_the_schema_is_served_as_openapi_3(self, client):
        response = client.get("/api/v1/schema/?format=json")
        assert response.status_code == 200
        schema = response.json()
        assert schema["openapi"].startswith("3.")
        assert "/api/v1/complaints/" in schema["paths"]
        assert "/api/v1/schema/" not in schema["paths"]
        assert "Error" in schema["components"]["schemas"]
        assert schema["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"

    def test_every_error_response_uses_the_error_body(self, client):
        schema = client.get("/api/v1/schema/?format=json").json()
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                for status, response in operation["responses"].items():
                    if int(status) >= 400:
                        ref = response["content"]["application/json"]["schema"]["$ref"]
                        assert ref.endswith("/Error"), (method, path, status)

    def test_every_post_documents_the_idempotency_key(self, client):
        schema = client.get("/api/v1/schema/?format=json").json()
        for path, operations in schema["paths"].items():
            if "post" in operations:
                names = {p["name"] for p in operations["post"].get("parameters", [])}
                assert "Idempotency-Key" in names, path

    def test_the_main_operations_have_examples(self, client):
        text = client.get("/api/v1/schema/?format=json").content.decode()
        assert "A citizen reports a broken street light" in text
        assert "Verify and dispose to a unit" in text

    @pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
    def test_the_docs_use_vendored_assets(self, client, page):
        response = client.get(page)
        assert response.status_code == 200
        body = response.content.decode()
        assert "/static/drf_spectacular_sidecar/" in body
        assert "cdn.jsdelivr" not in body and "unpkg.com" not in body


# --------------------------------------------------------------------------- schemathesis

#: GET operations and complaint creation; workflow actions have their own tests.
CHECKED = [
    "areas_list",
    "categories_list",
    "units_list",
    "complaints_list",
    "complaints_create",
    "complaints_retrieve",
    "complaints_events_list",
    "complaints_attachments_list",
    "complaints_attachments_download",
    "citizen_complaints_retrieve",
    "citizen_complaints_events_list",
    "citizen_complaints_attachments_download",
    "statistics_retrieve",
    "statistics_public_retrieve",
    "me_retrieve",
]


@dataclass
class Target:
    token: str
    code: str
    secret: str


@pytest.fixture
def api_schema(db):
    """The schema, loaded from the WSGI application that schemathesis then calls. As in
    Django's test client, requests must not close the connection that holds the test's
    transaction."""
    from aduan.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
        yield schema.include(operation_id=CHECKED)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def target(world, people) -> Target:
    return Target(
        token=issue(people, user=people.verifier),
        code=world.a.tracking_code,
        secret=world.secrets[world.a.tracking_code],
    )


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
SETTINGS = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_the_api_keeps_to_its_schema(api_schema, target):
    """The documented examples, then generated valid and invalid requests, to every read
    operation and to complaint creation, each as a verifier's token and anonymously: no 5xx,
    and every answer as the schema says."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.definition.raw["operationId"] for op in operations} == set(CHECKED)

    def check(case) -> None:
        if case.path_parameters and "code" in case.path_parameters:
            case.path_parameters["code"] = target.code
        headers = {"X-Tracking-Secret": target.secret} if "/citizen/" in case.path else {}
        for auth in ({"Authorization": f"Bearer {target.token}"}, {}):
            response = case.call(headers={**headers, **auth})
            case.validate_response(response, checks=CHECKS)

    for operation in operations:
        for example in api_schema.get_strategies_from_examples(operation):
            SETTINGS(given(case=example)(check))()
        SETTINGS(given(case=operation.as_strategy())(check))()
        try:
            SETTINGS(given(case=operation.as_strategy(GenerationMode.NEGATIVE))(check))()
        except Unsatisfiable:
            pass  # nothing in this operation can be made invalid (e.g. only free-text headers)
