"""Fixtures of the API tests: complaints in several units and privacy levels, tokens, and
clients acting as each kind of caller."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from aduan.api.models import ApiToken, Scope
from aduan.api.tests.helpers import issue
from aduan.complaints import services
from aduan.complaints.models import Complaint


@dataclass
class World:
    new: Complaint  # baru, no unit
    a: Complaint  # unit A (Disdukcapil), biasa
    a_anon: Complaint  # unit A, anonim
    a_secret: Complaint  # unit A, rahasia
    b: Complaint  # unit B (DPUPR)
    secrets: dict[str, str]


@pytest.fixture
def world(people, submit) -> World:
    secrets: dict[str, str] = {}

    def make(unit=None, **kwargs) -> Complaint:
        result = submit(**kwargs)
        secrets[result.complaint.tracking_code] = result.secret
        complaint = result.complaint
        if unit is not None:
            complaint = services.complaint_dispose(
                complaint=complaint, actor=people.verifier, unit=unit
            )
        return complaint

    return World(
        new=make(),
        a=make(people.unit_a),
        a_anon=make(
            people.unit_a,
            privacy="anonim",
            reporter_name="Wawan Anonim",
            reporter_phone="0813-5555-6666",
            reporter_email="wawan@example.org",
        ),
        a_secret=make(
            people.unit_a,
            privacy="rahasia",
            reporter_name="Rahmat Rahasia",
            reporter_phone="0813-7777-8888",
            reporter_email="rahmat@example.org",
            description="Oknum petugas meminta uang untuk mempercepat KTP-el saya.",
        ),
        b=make(people.unit_b, category="jalan", description="Jalan berlubang besar di depan SD."),
        secrets=secrets,
    )


@pytest.fixture
def as_role(people):
    """``as_role("officer_a")``: a client acting as that caller.

    Persons log in with a session; ``integration`` is a token without a user (submit scope);
    ``revoked`` a revoked token; ``token_unit_a`` a verifier's token limited to unit A;
    ``token_read_only`` a verifier's token with complaints:read only."""

    def make(role: str) -> APIClient:
        client = APIClient()
        if role == "anonymous":
            return client
        if role in ("verifier", "officer_a", "officer_b", "supervisor", "tapd", "admin"):
            client.force_login(getattr(people, role))
            return client
        if role == "integration":
            raw = issue(people, scopes=[Scope.SUBMIT], name="integrasi")
        elif role == "revoked":
            raw = issue(people, user=people.verifier)
            ApiToken.objects.get(key_prefix=raw[:12]).revoke()
        elif role == "token_unit_a":
            raw = issue(people, user=people.verifier, units=[people.unit_a])
        elif role == "token_read_only":
            raw = issue(people, user=people.verifier, scopes=[Scope.READ])
        else:
            raise AssertionError(role)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        return client

    return make
