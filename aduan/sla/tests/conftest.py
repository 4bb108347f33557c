"""Fixtures of the SLA tests: early 2026, a clean calendar cache, a second jurisdiction."""

from __future__ import annotations

from datetime import datetime

import pytest

from aduan.lib.workdays import WIB
from aduan.sla.calendar import calendar_cache_clear


@pytest.fixture
def early_2026(time_machine):
    """Calendar tests use 2025-2027 dates: keep them within the settable years whatever
    today's date (``pytestmark = pytest.mark.usefixtures("early_2026")``)."""
    time_machine.move_to(datetime(2026, 2, 1, 9, 0, tzinfo=WIB), tick=True)


@pytest.fixture(autouse=True)
def _fresh_calendars():
    calendar_cache_clear()
    yield
    calendar_cache_clear()


@pytest.fixture
def batang(db):
    """A neighbouring jurisdiction with its own calendar."""
    from aduan.organisation.models import Jurisdiction

    return Jurisdiction.objects.create(slug="batang", name="Kabupaten Batang", kind="kabupaten")
