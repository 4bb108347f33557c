"""Two-factor authentication of staff (django-otp, TOTP with static recovery codes).

Who must use it (``required``), whether a session has passed it (``is_verified``), and the
enrolment steps. Views and the middleware ask here."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import segno
from django.conf import settings
from django.db import connections, transaction
from django_otp import device_classes
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from aduan.accounts.choices import Role
from aduan.lib.sql import fetch_one

if TYPE_CHECKING:
    from django_otp.models import Device

    from aduan.accounts.models import User

#: Roles that must enrol when ``ADUAN_2FA_REQUIRED`` is on. Officers and TAPD may.
REQUIRED_ROLES = frozenset({Role.VERIFIER, Role.SUPERVISOR, Role.ADMIN})
RECOVERY_CODES = 10
RECOVERY_DEVICE = "pemulihan"
TOTP_DEVICE = "aplikasi autentikator"


def required(user: User) -> bool:
    """Whether the user may not work without a second factor."""
    if not getattr(settings, "ADUAN_2FA_REQUIRED", True):
        return False
    return user.is_superuser or user.role in REQUIRED_ROLES


def has_device(user: User) -> bool:
    """Whether the user has a confirmed device of any kind (what django-otp's
    ``user_has_device`` answers): asked on every request of a staff member who has not passed
    the second factor, so it is one query over all device tables, its SQL built once per
    process rather than compiled by the ORM each time."""
    if user.is_anonymous:
        return False
    models = _device_models()
    if not models:
        return False
    return fetch_one(models[0], _has_device_sql, [user.pk] * len(models)) is not None


@functools.cache
def _device_models() -> tuple[type[Device], ...]:
    """django-otp's device models (``device_classes`` walks every model of every app)."""
    return tuple(device_classes())


@functools.cache
def _has_device_sql(alias: str) -> str:
    qn = connections[alias].ops.quote_name
    # Every django-otp device has ``user`` and ``confirmed`` (``django_otp.models.Device``);
    # only quoted table and column names of installed models go into the text, the user as a
    # parameter.
    selects = [
        f"SELECT 1 FROM {qn(model._meta.db_table)}"  # noqa: S608
        f" WHERE {qn(model._meta.get_field('user').column)} = %s"
        f" AND {qn(model._meta.get_field('confirmed').column)}"
        for model in _device_models()
    ]
    return " UNION ALL ".join(selects) + " LIMIT 1"


def is_verified(user: Any) -> bool:
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def pending_device(user: User) -> TOTPDevice:
    """The unconfirmed TOTP device of an enrolment in progress (created on first use)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE, confirmed=False)
    return device


def secret_for_display(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, to type into an app without a camera."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no script, no external file)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, light="#fff")


@transaction.atomic
def confirm(device: TOTPDevice) -> list[str]:
    """Make ``device`` the user's one TOTP device and issue fresh recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return issue_recovery_codes(device.user)


@transaction.atomic
def issue_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes; each works once. Returned to be shown once."""
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
