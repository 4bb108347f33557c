"""Shared test fixtures: the Pekalongan defaults, personas for every role, tidy media."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from aduan.accounts.choices import Role
from aduan.organisation.choices import MembershipRole

PASSWORD = "sandi-uji-123"  # noqa: S105
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path, monkeypatch):
    """Uploaded files go to a temporary folder; passwords hash fast. Two-factor is required
    as in production; the test client's login/force_login count as verified
    (aduan.accounts.testing; the ``second_factor_unverified`` fixture turns that off)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ADUAN_2FA_REQUIRED = True
    # Tests travel days in time with one login: sessions do not expire (except in the
    # session tests, which set these back).
    settings.ADUAN_SESSION_IDLE_MINUTES = 366 * 24 * 60
    settings.SESSION_COOKIE_AGE = 366 * 24 * 3600
    from aduan.accounts.testing import patch_test_client

    patch_test_client(monkeypatch)
    from django.core.cache import cache

    cache.clear()  # rate-limit counters and the like start afresh in every test
    from aduan.sla.calendar import calendar_cache_clear

    calendar_cache_clear()
    from aduan.lib.refcache import clear_all

    clear_all()  # reference data cached per process (areas, categories, routing rules, …)


@pytest.fixture
def second_factor_unverified():
    """Test-client logins stay unverified, as a password-only login over the web."""
    from aduan.accounts import testing

    testing.state["verify_test_logins"] = False
    yield
    testing.state["verify_test_logins"] = True


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the Pekalongan defaults once; tests run in transactions on top of them."""
    from aduan.organisation.defaults import load_defaults

    with django_db_blocker.unblock():
        load_defaults("pekalongan")


@pytest.fixture
def pekalongan(db):
    """The Kota Pekalongan jurisdiction (reloaded if a transactional test flushed it)."""
    from aduan.organisation.defaults import load_defaults
    from aduan.organisation.models import Jurisdiction

    jurisdiction = Jurisdiction.objects.filter(slug="pekalongan").first()
    if jurisdiction is None:
        load_defaults("pekalongan")
        jurisdiction = Jurisdiction.objects.get(slug="pekalongan")
    return jurisdiction


class Personas:
    """Alice the verifier, Budi (Disdukcapil) and Citra (DPUPR) the officers, and others."""

    def __init__(self, jurisdiction):
        from aduan.accounts.models import User
        from aduan.organisation.models import Membership, Unit

        self.jurisdiction = jurisdiction

        def make(username: str, role: str, *units: str, head: bool = False):
            user = User.objects.create_user(
                username=username,
                password=PASSWORD,
                jurisdiction=jurisdiction,
                role=role,
                first_name=username.capitalize(),
            )
            for code in units:
                Membership.objects.create(
                    user=user,
                    unit=Unit.objects.get(jurisdiction=jurisdiction, code=code),
                    role=MembershipRole.HEAD if head else MembershipRole.OFFICER,
                )
            return user

        self.verifier = make("alice", Role.VERIFIER, "dinkominfo")
        self.officer_a = make("budi", Role.OFFICER, "disdukcapil")
        self.officer_b = make("citra", Role.OFFICER, "dpupr")
        self.supervisor = make("dewi", Role.SUPERVISOR)
        self.tapd = make("eko", Role.TAPD)
        self.admin = make("fajar", Role.ADMIN)
        self.unit_a = Unit.objects.get(jurisdiction=jurisdiction, code="disdukcapil")
        self.unit_b = Unit.objects.get(jurisdiction=jurisdiction, code="dpupr")


@pytest.fixture
def people(pekalongan):
    return Personas(pekalongan)


@pytest.fixture
def submit(pekalongan):
    """Submit a complaint through the one intake service, with sensible defaults."""
    from aduan.complaints import services
    from aduan.organisation.models import Area, Category

    def _submit(**kwargs):
        category = kwargs.pop("category", "adminduk")
        if isinstance(category, str):
            category = Category.objects.get(jurisdiction=pekalongan, code=category)
        area = kwargs.pop("area", "medono")
        if isinstance(area, str):
            area = Area.objects.get(jurisdiction=pekalongan, code=area)
        values = {
            "jurisdiction": pekalongan,
            "channel": "web",
            "description": "KTP-el saya belum jadi sudah dua bulan sejak perekaman di kecamatan.",
            "reporter_name": "Siti Aminah",
            "reporter_phone": "0812-1111-2222",
            "reporter_email": "siti@example.org",
            "category": category,
            "area": area,
        }
        values.update(kwargs)
        return services.complaint_submit(**values)

    return _submit


def wib(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A moment in Western Indonesia Time (Asia/Jakarta)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=WIB)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0):
    """Freeze the clock at a WIB moment (``with at(2026, 3, 17, 10):``)."""
    return time_machine.travel(wib(year, month, day, hour, minute), tick=False)


def in_another_transaction(work) -> list[BaseException]:
    """Run ``work()`` on another thread, in its own transaction and connection, with a 2 s
    ``lock_timeout`` (PostgreSQL): for tests that one open transaction does not make another
    wait. Returns what it raised."""
    import threading

    from django.db import connection, connections, transaction

    errors: list[BaseException] = []

    def run() -> None:
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                work()
        except BaseException as exc:  # noqa: BLE001 - returned to the test
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        errors.append(TimeoutError("the other transaction did not finish"))
    return errors
