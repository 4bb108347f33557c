"""The survey endpoints: the reporter's rating, staff ratings and the IKM per unit."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from aduan.api.tests.helpers import issue
from aduan.surveys import services
from aduan.surveys.models import Rating
from aduan.surveys.tests.conftest import ANSWERS, finish

pytestmark = pytest.mark.django_db

RATINGS = "/api/v1/surveys/ratings/"
IKM = "/api/v1/surveys/ikm/"


def rating_url(complaint) -> str:
    return f"/api/v1/citizen/complaints/{complaint.tracking_code}/rating/"


@dataclass
class Rated:
    a: object  # unit A, selesai and rated
    b: object  # unit B, selesai and rated
    a_open: object  # unit A, still open
    secrets: dict[str, str]


@pytest.fixture
def rated(world, people) -> Rated:
    a = finish(people, world.a)
    # Unit B's complaint: finished by unit B's officer.
    from aduan.complaints import services as complaint_services

    b = complaint_services.complaint_start(complaint=world.b, actor=people.officer_b)
    b = complaint_services.complaint_follow_up(
        complaint=b, actor=people.officer_b, text="Jalan sudah ditambal."
    )
    b = complaint_services.complaint_citizen_respond(complaint=b, satisfied=True)
    services.rating_submit(complaint=a, score=4, resolved=True, comment="Baik.")
    services.rating_submit(complaint=b, score=2, resolved=False)
    return Rated(a=a, b=b, a_open=world.a_anon, secrets=world.secrets)


class CitizenRatingTests:
    def test_the_reporter_rates_once_after_selesai(self, world, people, as_role):
        complaint = finish(people, world.a)
        client = as_role("anonymous")
        secret = {"HTTP_X_TRACKING_SECRET": world.secrets[complaint.tracking_code]}
        body = {"score": 5, "resolved": True, "comment": "Cepat ditangani."}
        response = client.post(rating_url(complaint), body, format="json", **secret)
        assert response.status_code == 201, response.json()
        assert response.json() == {
            "tracking_code": complaint.tracking_code,
            "score": 5,
            "resolved": True,
            "comment": "Cepat ditangani.",
            "created_at": response.json()["created_at"],
        }
        again = client.post(rating_url(complaint), body, format="json", **secret)
        assert again.status_code == 400
        assert again.json()["error"]["message"] == "Laporan ini sudah dinilai."
        english = client.post(
            rating_url(complaint), body, format="json", HTTP_ACCEPT_LANGUAGE="en", **secret
        )
        assert english.json()["error"]["message"] == "This complaint has already been rated."
        assert Rating.objects.count() == 1

    def test_not_before_selesai(self, world, as_role):
        response = as_role("anonymous").post(
            rating_url(world.a),
            {"score": 5, "resolved": True},
            format="json",
            HTTP_X_TRACKING_SECRET=world.secrets[world.a.tracking_code],
        )
        assert response.status_code == 400
        assert "setelah laporan selesai" in response.json()["error"]["message"]
        assert not Rating.objects.exists()

    def test_the_secret_is_needed(self, world, people, as_role):
        complaint = finish(people, world.a)
        client = as_role("anonymous")
        body = {"score": 5, "resolved": True}
        assert client.post(rating_url(complaint), body, format="json").status_code == 404
        wrong = client.post(
            rating_url(complaint), body, format="json", HTTP_X_TRACKING_SECRET="AAAAAAAAAAAAAAAA"
        )
        assert wrong.status_code == 404
        other = client.post(
            rating_url(complaint),
            body,
            format="json",
            HTTP_X_TRACKING_SECRET=world.secrets[world.b.tracking_code],
        )
        assert other.status_code == 404
        assert not Rating.objects.exists()

    def test_invalid_input(self, world, people, as_role):
        complaint = finish(people, world.a)
        response = as_role("anonymous").post(
            rating_url(complaint) + f"?secret={world.secrets[complaint.tracking_code]}",
            {"score": 9, "comment": "x" * 2001},
            format="json",
        )
        assert response.status_code == 400
        assert set(response.json()["error"]["fields"]) == {"score", "resolved", "comment"}


RATING_CASES = [
    ("anonymous", 401, None),
    ("integration", 403, None),
    ("verifier", 200, {"a", "b"}),
    ("officer_a", 200, {"a"}),
    ("officer_b", 200, {"b"}),
    ("supervisor", 200, {"a", "b"}),
    ("admin", 200, {"a", "b"}),
    ("token_unit_a", 200, {"a"}),
]


class StaffRatingTests:
    def test_each_caller_lists_what_they_may_see(self, rated, as_role):
        wrong = []
        for role, status, visible in RATING_CASES:
            response = as_role(role).get(RATINGS)
            if response.status_code != status:
                wrong.append((role, response.status_code))
            elif visible is not None:
                listed = {row["tracking_code"] for row in response.json()["results"]}
                expected = {getattr(rated, name).tracking_code for name in visible}
                if listed != expected:
                    wrong.append((role, sorted(listed)))
        assert wrong == []

    def test_rows_and_cursor_pagination(self, rated, as_role):
        client = as_role("verifier")
        first = client.get(RATINGS, {"page_size": 1}).json()
        assert len(first["results"]) == 1 and first["next"] and first["previous"] is None
        row = first["results"][0]
        assert row["tracking_code"] == rated.b.tracking_code  # newest first
        assert row["unit"]["code"] == "dpupr" and row["score"] == 2
        second = client.get(first["next"]).json()
        assert [r["tracking_code"] for r in second["results"]] == [rated.a.tracking_code]
        assert second["next"] is None
        assert client.get(RATINGS, {"cursor": "rusak"}).status_code == 400


class IkmApiTests:
    @pytest.fixture
    def answers(self, people):
        services.ikm_submit(unit=people.unit_a, answers=ANSWERS)
        services.ikm_submit(unit=people.unit_b, answers=dict.fromkeys(ANSWERS, 4))

    def test_verifier_reads_every_unit(self, answers, as_role):
        response = as_role("verifier").get(IKM)
        assert response.status_code == 200
        units = {row["unit"]["code"]: row for row in response.json()["units"]}
        assert {"disdukcapil", "dpupr"} <= set(units)
        a = units["disdukcapil"]
        assert (a["index"], a["grade"], a["grade_label"], a["respondents"]) == (
            "75.00",
            "C",
            "Kurang Baik",
            1,
        )
        assert [e["code"] for e in a["elements"]] == [f"u{i}" for i in range(1, 10)]
        assert a["elements"][0] == {"code": "u1", "name": "Persyaratan", "nrr": "3.00"}
        assert units["dpupr"]["grade"] == "A"

    def test_officers_read_their_own_units_only(self, answers, as_role):
        for role, own, other in (
            ("officer_a", "disdukcapil", "dpupr"),
            ("officer_b", "dpupr", "disdukcapil"),
            ("token_unit_a", "disdukcapil", "dpupr"),
        ):
            client = as_role(role)
            codes = {row["unit"]["code"] for row in client.get(IKM).json()["units"]}
            assert codes == {own}, role
            refused = client.get(IKM, {"unit": other})
            assert refused.status_code == 400, role
            assert refused.json()["error"]["fields"] == {"unit": ["Unit tidak dikenal."]}

    def test_one_unit_and_period(self, answers, as_role):
        client = as_role("supervisor")
        one = client.get(IKM, {"unit": "dpupr", "date_from": "2000-01-01"}).json()
        assert [row["unit"]["code"] for row in one["units"]] == ["dpupr"]
        assert one["date_from"] == "2000-01-01"
        empty = client.get(IKM, {"unit": "dpupr", "date_to": "2000-01-01"}).json()
        assert empty["units"][0]["index"] is None and empty["units"][0]["respondents"] == 0
        assert client.get(IKM, {"date_from": "kemarin"}).status_code == 400

    def test_who_may_call(self, answers, as_role):
        assert as_role("anonymous").get(IKM).status_code == 401
        assert as_role("integration").get(IKM).status_code == 403


class SurveySchemaTests:
    def test_the_endpoints_are_documented(self, client):
        schema = client.get("/api/v1/schema/?format=json").json()
        rating = schema["paths"]["/api/v1/citizen/complaints/{code}/rating/"]["post"]
        names = {p["name"] for p in rating["parameters"]}
        assert {"Idempotency-Key", "X-Tracking-Secret", "secret"} <= names
        assert "201" in rating["responses"]
        ratings = schema["paths"]["/api/v1/surveys/ratings/"]["get"]
        assert {"cursor", "page_size"} <= {p["name"] for p in ratings["parameters"]}
        ikm = schema["paths"]["/api/v1/surveys/ikm/"]["get"]
        assert {"unit", "date_from", "date_to"} <= {p["name"] for p in ikm["parameters"]}


CHECKED = ["surveys_ratings_list", "surveys_ikm_retrieve"]


@pytest.fixture
def survey_schema(db):
    from aduan.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
        yield schema.include(operation_id=CHECKED)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_survey_reads_keep_to_the_schema(survey_schema, rated, people):
    token = issue(people, user=people.verifier)
    services.ikm_submit(unit=people.unit_a, answers=ANSWERS)
    operations = [result.ok() for result in survey_schema.get_all_operations()]
    assert {op.definition.raw["operationId"] for op in operations} == set(CHECKED)
    checks = [not_a_server_error, status_code_conformance, response_schema_conformance]

    def check(case) -> None:
        for auth in ({"Authorization": f"Bearer {token}"}, {}):
            case.validate_response(case.call(headers=auth), checks=checks)

    run = settings(
        max_examples=5,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    for operation in operations:
        run(given(case=operation.as_strategy())(check))()
