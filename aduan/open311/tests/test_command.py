"""``aduan open311-key``: issues an api_key that POST requests accept."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from aduan.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_it_prints_a_working_key(pekalongan):
    out = io.StringIO()
    call_command(
        "open311-key", jurisdiction="pekalongan", name="App X", stdout=out, stderr=io.StringIO()
    )
    raw = out.getvalue().strip()
    token = ApiToken.authenticate(raw)
    assert token is not None
    assert token.name == "App X" and token.jurisdiction == pekalongan
    assert token.has_scope("open311") and token.user is None


def test_an_unknown_jurisdiction_is_refused(pekalongan):
    with pytest.raises(CommandError):
        call_command("open311-key", jurisdiction="atlantis", name="App X")
