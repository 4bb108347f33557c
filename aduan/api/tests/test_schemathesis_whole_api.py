"""Schemathesis over the rest of the API (``test_schema.py`` covers the reads and complaint
creation): every workflow action, the citizen's answers and rating, the survey reports.
Generated valid and invalid requests, in-process through WSGI, each against a complaint in
the state the operation expects and as the role that may act: no 5xx, and every answer as
the schema documents it (status code, content type, body)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from aduan.api.tests.helpers import issue
from aduan.api.tests.test_schema import CHECKED, CHECKS
from aduan.complaints import services

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _waiting(people, submit):
    result = submit()
    services.complaint_request_info(
        complaint=result.complaint, actor=people.verifier, question="Di RT berapa?"
    )
    return result


def _at_unit(people, submit):
    result = submit()
    services.complaint_dispose(
        complaint=result.complaint, actor=people.verifier, unit=people.unit_a
    )
    return result


def _followed_up(people, submit):
    result = _at_unit(people, submit)
    services.complaint_follow_up(
        complaint=result.complaint, actor=people.officer_a, text="Sudah diperbaiki."
    )
    return result


def _closed(people, submit):
    result = _followed_up(people, submit)
    services.complaint_citizen_respond(complaint=result.complaint, satisfied=True)
    return result


def _flagged(people, submit):
    result = _at_unit(people, submit)
    services.complaint_flag_tapd(
        complaint=result.complaint, actor=people.officer_a, reason="Perlu anggaran."
    )
    return result


Setup = Callable[..., object]

#: operation -> (who calls, how the complaint is prepared)
OPERATIONS: dict[str, tuple[str, Setup]] = {
    "complaints_dispose": ("verifier", lambda p, s: s()),
    "complaints_hold": ("verifier", lambda p, s: s()),
    "complaints_refer": ("verifier", lambda p, s: s()),
    "complaints_archive": ("verifier", lambda p, s: s()),
    "complaints_merge": ("verifier", lambda p, s: s()),
    "complaints_request_info": ("officer_a", _at_unit),
    "complaints_start": ("officer_a", _at_unit),
    "complaints_forward": ("officer_a", _at_unit),
    "complaints_note": ("officer_a", _at_unit),
    "complaints_follow_up": ("officer_a", _at_unit),
    "complaints_flag_tapd": ("officer_a", _at_unit),
    "complaints_resolve": ("officer_a", _followed_up),
    "complaints_tapd_decide": ("tapd", _flagged),
    "citizen_complaints_add_info": ("citizen", _waiting),
    "citizen_complaints_respond": ("citizen", _followed_up),
    "citizen_complaints_rating_create": ("citizen", _closed),
    "surveys_ikm_retrieve": ("supervisor", lambda p, s: s()),
    "surveys_ratings_list": ("supervisor", _closed),
    "replies_check": ("officer_a", lambda p, s: s()),
}


@pytest.fixture
def whole_schema(db):
    from aduan.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_every_operation_is_checked_somewhere(whole_schema):
    every = {
        result.ok().definition.raw["operationId"] for result in whole_schema.get_all_operations()
    }
    assert every == set(CHECKED) | set(OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_the_operation_keeps_to_its_schema(whole_schema, people, submit, operation_id):
    role, setup = OPERATIONS[operation_id]
    result = setup(people, submit)
    complaint, secret = result.complaint, result.secret
    into = submit(description="Laporan induk: jalan berlubang di Jl. Merdeka.").complaint
    headers: dict[str, str] = {}
    if role == "citizen":
        headers["X-Tracking-Secret"] = secret
    else:
        user = getattr(people, role)
        headers["Authorization"] = f"Bearer {issue(people, user=user)}"
    [operation] = [
        r.ok()
        for r in whole_schema.get_all_operations()
        if r.ok().definition.raw["operationId"] == operation_id
    ]

    def check(case) -> None:
        if case.path_parameters and "code" in case.path_parameters:
            case.path_parameters["code"] = complaint.tracking_code
        if isinstance(case.body, dict) and "into" in case.body:
            case.body["into"] = into.tracking_code
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)

    for example in whole_schema.get_strategies_from_examples(operation):
        SETTINGS(given(case=example)(check))()
    SETTINGS(given(case=operation.as_strategy())(check))()
    try:
        SETTINGS(given(case=operation.as_strategy(GenerationMode.NEGATIVE))(check))()
    except Unsatisfiable:
        pass
