"""``POST /api/v1/replies/check/``: the checker's verdict for staff, in the API's error
format for everyone else."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from aduan.api.models import Scope
from aduan.api.tests.helpers import issue
from aduan.replies import checker

pytestmark = pytest.mark.django_db

URL = "/api/v1/replies/check/"
DRAFT = "Laporan sudah kami terima."


def session(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def bearer(raw: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


class ReplyCheckApiTests:
    def test_it_returns_the_checkers_verdict(self, people):
        response = session(people.officer_a).post(
            URL, {"reply": DRAFT, "complaint": "Jalan rusak"}, format="json"
        )
        assert response.status_code == 200
        assert response.json() == checker.check(DRAFT, "Jalan rusak").as_dict()

    def test_a_staff_token_may_use_it(self, people):
        raw = issue(people, user=people.officer_a, scopes=[Scope.READ])
        response = bearer(raw).post(URL, {"reply": DRAFT}, format="json")
        assert response.status_code == 200
        assert response.json()["score"] == checker.check(DRAFT).score

    def test_the_complaint_can_be_named_by_its_tracking_code(self, people, cases):
        code = cases.biasa.tracking_code
        response = session(people.officer_a).post(
            URL, {"reply": DRAFT, "complaint_id": code}, format="json"
        )
        assert response.status_code == 200
        assert response.json() == checker.check(DRAFT, cases.biasa.description).as_dict()
        # a complaint the caller may not see is not found
        response = session(people.officer_b).post(
            URL, {"reply": DRAFT, "complaint_id": code}, format="json"
        )
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"

    def test_bad_input_gets_the_api_error_body(self, people):
        client = session(people.officer_a)
        response = client.post(URL, {"reply": "  "}, format="json")
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "validation_error"
        assert error["fields"]["reply"] == ["Balasan wajib diisi."]
        response = client.post(URL, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
        assert response.json()["error"]["fields"]["reply"] == ["The reply is required."]

    def test_anonymous_callers_and_integration_tokens_are_refused(self, people):
        response = APIClient().post(URL, {"reply": DRAFT}, format="json")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "not_authenticated"
        raw = issue(people, scopes=[Scope.SUBMIT])
        response = bearer(raw).post(URL, {"reply": DRAFT}, format="json")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "insufficient_scope"

    def test_it_is_in_the_openapi_schema(self, client):
        schema = client.get("/api/v1/schema/?format=json").json()
        operation = schema["paths"]["/api/v1/replies/check/"]["post"]
        assert operation["operationId"] == "replies_check"
        assert set(operation["responses"]) >= {"200", "400", "401", "403", "404"}
