"""``calendar_for``: the package merged with administrators' days, per jurisdiction, cached."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from aduan.lib.workdays import Source
from aduan.sla import services
from aduan.sla.calendar import calendar_for, office_close
from aduan.sla.models import CalendarDay
from conftest import wib

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("early_2026")]


MONDAY = wib(2026, 2, 2, 10, 0)
THURSDAY_CLOSE = wib(2026, 2, 5, 16, 0)


class CalendarForTests:
    def test_the_package_applies_without_any_rows(self, pekalongan):
        cal = calendar_for(pekalongan)
        assert cal.add_working_days(wib(2026, 3, 18, 10, 0), 3) == wib(2026, 3, 27, 16, 0)
        assert cal.reason(date(2026, 3, 19)).source == Source.LIBUR_NASIONAL

    def test_an_admin_added_day_changes_the_due_date(self, pekalongan):
        services.calendar_day_add(
            jurisdiction=pekalongan,
            date=date(2026, 2, 3),
            kind="local",
            name="Hari Jadi Kota Pekalongan",
            actor=None,
        )
        cal = calendar_for(pekalongan)
        assert cal.add_working_days(MONDAY, 3) == wib(2026, 2, 6, 16, 0)
        assert cal.reason(date(2026, 2, 3)) == (
            date(2026, 2, 3),
            "Hari Jadi Kota Pekalongan",
            Source.LOKAL,
        )

    def test_an_extra_national_day_is_marked_admin(self, pekalongan):
        services.calendar_day_add(
            jurisdiction=None,
            date=date(2026, 2, 4),
            kind="non_working",
            name="Cuti bersama tambahan",
            actor=None,
        )
        assert calendar_for(pekalongan).reason(date(2026, 2, 4)).source == Source.ADMIN

    def test_an_admin_removed_day_changes_the_due_date(self, pekalongan):
        services.calendar_day_add(
            jurisdiction=pekalongan, date=date(2026, 3, 24), kind="working", actor=None
        )
        cal = calendar_for(pekalongan)
        assert cal.add_working_days(wib(2026, 3, 18, 10, 0), 3) == wib(2026, 3, 26, 16, 0)
        assert cal.non_working_days(date(2026, 3, 24), date(2026, 3, 24)) == []
        assert [d.date for d in cal.removed_days(date(2026, 3, 1), date(2026, 3, 31))] == [
            date(2026, 3, 24)
        ]

    def test_a_local_day_elsewhere_does_not_touch_pekalongan(self, pekalongan, batang):
        services.calendar_day_add(
            jurisdiction=batang, date=date(2026, 2, 3), kind="local", name="Hari Jadi", actor=None
        )
        assert calendar_for(pekalongan).add_working_days(MONDAY, 3) == THURSDAY_CLOSE
        assert calendar_for(batang).add_working_days(MONDAY, 3) == wib(2026, 2, 6, 16, 0)

    def test_an_installation_wide_day_applies_to_every_jurisdiction(self, pekalongan, batang):
        services.calendar_day_add(
            jurisdiction=None, date=date(2026, 2, 3), kind="non_working", name="X", actor=None
        )
        assert calendar_for(pekalongan).add_working_days(MONDAY, 3) == wib(2026, 2, 6, 16, 0)
        assert calendar_for(batang).add_working_days(MONDAY, 3) == wib(2026, 2, 6, 16, 0)
        assert calendar_for(None).add_working_days(MONDAY, 3) == wib(2026, 2, 6, 16, 0)

    def test_a_jurisdiction_can_work_on_an_installation_wide_day(self, pekalongan, batang):
        services.calendar_day_add(
            jurisdiction=None, date=date(2026, 2, 3), kind="non_working", name="X", actor=None
        )
        services.calendar_day_add(
            jurisdiction=pekalongan, date=date(2026, 2, 3), kind="working", actor=None
        )
        assert calendar_for(pekalongan).add_working_days(MONDAY, 3) == THURSDAY_CLOSE
        assert calendar_for(batang).add_working_days(MONDAY, 3) == wib(2026, 2, 6, 16, 0)

    def test_office_close_comes_from_the_jurisdiction_settings(self, pekalongan):
        pekalongan.settings = {"office_close": "15:30"}
        pekalongan.save()
        assert calendar_for(pekalongan).add_working_days(MONDAY, 3) == wib(2026, 2, 5, 15, 30)

    def test_an_unreadable_office_close_falls_back_to_16(self, pekalongan, caplog):
        pekalongan.settings = {"office_close": "jam empat"}
        assert office_close(pekalongan) == time(16, 0)
        assert "office_close" in caplog.text

    @pytest.mark.parametrize("value", ["15:30+08:00", "15:30:00"])
    def test_an_office_close_with_seconds_or_offset_is_read_as_wib(self, pekalongan, value):
        pekalongan.settings = {"office_close": value}
        assert calendar_for(pekalongan).add_working_days(MONDAY, 3) == wib(2026, 2, 5, 15, 30)

    def test_settings_that_are_not_a_mapping_are_ignored(self, pekalongan):
        pekalongan.settings = ["office_close"]
        assert office_close(pekalongan) == time(16, 0)

    def test_years_far_ahead_are_loaded_when_asked(self, pekalongan):
        cal = calendar_for(pekalongan)
        assert not cal.is_working_day(date(2040, 8, 17))  # Hari Kemerdekaan
        assert cal.is_working_day(date(2040, 8, 16))


class CalendarCacheTests:
    def test_a_cached_calendar_costs_one_query_every_few_seconds(
        self, pekalongan, django_assert_num_queries, monkeypatch
    ):
        from aduan.lib import refcache

        first = calendar_for(pekalongan)
        with django_assert_num_queries(0):
            assert calendar_for(pekalongan) is first
        later = refcache._clock() + 11
        monkeypatch.setattr(refcache, "_clock", lambda: later)
        with django_assert_num_queries(1):  # the version check, nothing rebuilt
            assert calendar_for(pekalongan) is first

    def test_adding_and_removing_a_day_invalidates(self, pekalongan):
        before = calendar_for(pekalongan)
        services.calendar_day_add(
            jurisdiction=pekalongan, date=date(2026, 2, 3), kind="local", name="X", actor=None
        )
        added = calendar_for(pekalongan)
        assert added is not before and not added.is_working_day(date(2026, 2, 3))
        services.calendar_day_remove(jurisdiction=pekalongan, date=date(2026, 2, 3), actor=None)
        assert calendar_for(pekalongan).is_working_day(date(2026, 2, 3))

    def test_a_change_made_by_another_process_is_seen_within_seconds(self, pekalongan, monkeypatch):
        from aduan.lib import refcache

        now = [refcache._clock()]
        monkeypatch.setattr(refcache, "_clock", lambda: now[0])

        def seconds_pass() -> None:
            now[0] += 11

        row = services.calendar_day_add(
            jurisdiction=pekalongan, date=date(2026, 2, 3), kind="local", name="X", actor=None
        )
        assert not calendar_for(pekalongan).is_working_day(date(2026, 2, 3))
        # No signals here, as if another worker had done it: the version check notices.
        CalendarDay.objects.filter(pk=row.pk).update(
            kind="working", updated_at=timezone.now() + timedelta(seconds=1)
        )
        seconds_pass()
        assert calendar_for(pekalongan).is_working_day(date(2026, 2, 3))
        CalendarDay.objects.filter(pk=row.pk).update(
            kind="local", updated_at=timezone.now() + timedelta(seconds=2)
        )
        seconds_pass()
        assert not calendar_for(pekalongan).is_working_day(date(2026, 2, 3))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {CalendarDay._meta.db_table}")  # noqa: S608
        seconds_pass()
        assert calendar_for(pekalongan).is_working_day(date(2026, 2, 3))

    def test_a_rolled_back_day_leaves_nothing_behind(self, pekalongan):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.calendar_day_add(
                jurisdiction=pekalongan, date=date(2026, 2, 3), kind="local", name="X", actor=None
            )
            assert not calendar_for(pekalongan).is_working_day(date(2026, 2, 3))
            raise RuntimeError
        assert calendar_for(pekalongan).is_working_day(date(2026, 2, 3))

    def test_a_settings_change_is_seen_without_touching_rows(self, pekalongan):
        assert calendar_for(pekalongan).close == time(16, 0)
        pekalongan.settings = {"office_close": "15:00"}
        assert calendar_for(pekalongan).close == time(15, 0)

    def test_jurisdictions_are_cached_apart(self, pekalongan, batang):
        assert calendar_for(pekalongan) is not calendar_for(batang)
        assert calendar_for(pekalongan) is calendar_for(pekalongan)
