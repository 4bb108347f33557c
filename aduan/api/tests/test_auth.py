"""Tokens: bearer parsing, scopes, unit limits, revocation, expiry, last use; the command
that issues them; ``/me/``."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from aduan.api.models import ApiToken, Scope
from aduan.api.tests.helpers import issue

pytestmark = pytest.mark.django_db


def bearer(raw: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


class TokenAuthenticationTests:
    def test_a_staff_token_acts_as_its_user_and_records_its_use(self, world, people):
        raw = issue(people, user=people.officer_a, units=[people.unit_a])
        token = ApiToken.objects.get(key_prefix=raw[:12])
        assert token.last_used_at is None
        me = bearer(raw).get("/api/v1/me/").json()
        assert me["kind"] == "staff" and me["user"]["username"] == "budi"
        assert me["token"]["units"] == ["disdukcapil"] and me["jurisdiction"] == "pekalongan"
        token.refresh_from_db()
        assert token.last_used_at is not None
        assert raw not in str(me) and token.key_hash != raw

    def test_an_integration_token_is_its_own_kind(self, pekalongan, people):
        me = bearer(issue(people, scopes=[Scope.SUBMIT])).get("/api/v1/me/").json()
        assert me["kind"] == "integration" and me["user"] is None

    @pytest.mark.parametrize(
        "header",
        ["Bearer adn_salah", "Bearer ", "Bearer adn_a adn_b", "bearer adn_" + "x" * 300],
    )
    def test_a_bad_bearer_token_is_a_401(self, pekalongan, header):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=header)
        response = client.get("/api/v1/categories/")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "authentication_failed"
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_other_schemes_are_left_alone(self, pekalongan):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION="Basic Zm9vOmJhcg==")
        assert client.get("/api/v1/categories/").status_code == 200

    def test_revoked_and_expired_tokens_stop_working(self, world, people):
        raw = issue(people, user=people.verifier)
        client = bearer(raw)
        assert client.get("/api/v1/complaints/").status_code == 200
        ApiToken.objects.get(key_prefix=raw[:12]).revoke()
        assert client.get("/api/v1/complaints/").status_code == 401
        raw = issue(people, user=people.verifier)
        ApiToken.objects.filter(key_prefix=raw[:12]).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
        assert bearer(raw).get("/api/v1/complaints/").status_code == 401

    def test_a_token_of_a_deactivated_user_stops_working(self, world, people):
        raw = issue(people, user=people.officer_a)
        people.officer_a.is_active = False
        people.officer_a.save()
        assert bearer(raw).get("/api/v1/complaints/").status_code == 401

    def test_a_token_limited_to_a_unit_acts_only_there(self, world, people):
        client = bearer(issue(people, user=people.verifier, units=[people.unit_b]))
        assert client.get(f"/api/v1/complaints/{world.a.tracking_code}/").status_code == 404
        response = client.post(
            f"/api/v1/complaints/{world.a.tracking_code}/actions/note/", {"text": "x"}, "json"
        )
        assert response.status_code == 404
        assert client.get(f"/api/v1/complaints/{world.b.tracking_code}/").status_code == 200

    def test_a_write_only_token_acts_but_reads_nothing(self, world, people):
        client = bearer(issue(people, user=people.officer_a, scopes=[Scope.WRITE]))
        assert client.get("/api/v1/complaints/").json()["error"]["code"] == "insufficient_scope"
        response = client.post(
            f"/api/v1/complaints/{world.a.tracking_code}/actions/start/", {}, "json"
        )
        assert response.status_code == 200
        assert response.json()["status"] == "diproses" and response.json()["complaint"] is None

    def test_a_read_only_token_is_offered_no_actions(self, world, people):
        client = bearer(issue(people, user=people.officer_a, scopes=[Scope.READ]))
        detail = client.get(f"/api/v1/complaints/{world.a.tracking_code}/").json()
        assert detail["available_actions"] == []


class TokenCommandTests:
    def test_issue_list_and_revoke(self, people):
        out = StringIO()
        call_command(
            "api_token",
            "issue",
            "--jurisdiction=pekalongan",
            "--name=Aplikasi petugas",
            "--user=budi",
            "--scope=complaints:read",
            "--unit=disdukcapil",
            stdout=out,
        )
        raw = out.getvalue().split(": ", 1)[1].split()[0]
        assert raw.startswith("adn_")
        token = ApiToken.authenticate(raw)
        assert token is not None and token.user == people.officer_a
        assert list(token.units.values_list("code", flat=True)) == ["disdukcapil"]
        listing = StringIO()
        call_command("api_token", "list", stdout=listing)
        assert token.key_prefix in listing.getvalue() and raw not in listing.getvalue()
        call_command("api_token", "revoke", token.key_prefix, stdout=StringIO())
        assert ApiToken.authenticate(raw) is None

    def test_a_user_of_another_jurisdiction_cannot_get_a_token_here(self, people):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError):
            call_command(
                "api_token",
                "issue",
                "--jurisdiction=pekalongan",
                "--name=x",
                "--user=nobody",
                "--scope=complaints:read",
                stdout=StringIO(),
            )
