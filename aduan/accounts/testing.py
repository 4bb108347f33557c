"""Test support: sessions made by the test client's ``login``/``force_login`` count as having
passed the second factor, as if the user had typed a code (root conftest.py switches this on
for every test; the ``second_factor_unverified`` fixture switches it off).

Logins through the real login form (browser tests, tests that POST to /akun/masuk/) are not
affected: they meet the real two-factor steps."""

from __future__ import annotations

from typing import Any

from django.test.client import ClientMixin
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

TEST_DEVICE = "perangkat uji"
state = {"verify_test_logins": True}


def mark_verified(client: Any, user: Any) -> TOTPDevice:
    """Give ``user`` a confirmed TOTP device (if needed) and mark the client's session as
    verified with it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TEST_DEVICE, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def patch_test_client(monkeypatch: Any) -> None:
    original = ClientMixin._login  # type: ignore[attr-defined]

    def _login(self: Any, user: Any, backend: Any = None) -> None:
        original(self, user, backend)
        if state["verify_test_logins"]:
            mark_verified(self, user)

    monkeypatch.setattr(ClientMixin, "_login", _login)
