"""Helpers of the API tests."""

from __future__ import annotations

from aduan.api.models import ApiToken, Scope

ALL_SCOPES = [Scope.READ, Scope.WRITE, Scope.STATS, Scope.SUBMIT]


def issue(people, *, user=None, scopes=ALL_SCOPES, units=(), name="uji") -> str:
    token, raw = ApiToken.issue(
        jurisdiction=people.jurisdiction, name=name, scopes=list(scopes), user=user
    )
    if units:
        token.units.set(units)
    return raw
