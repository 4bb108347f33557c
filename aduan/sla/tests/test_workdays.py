"""The working-day arithmetic of ``aduan.lib.workdays`` (pure Python, no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from aduan.lib import workdays
from aduan.lib.workdays import (
    WIB,
    NonWorkingDay,
    Source,
    WorkingCalendar,
    add_working_days,
    indonesian_holidays,
    is_working_day,
    no_holidays,
)
from conftest import wib


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


class CountingRuleTests:
    def test_received_monday_morning_is_due_thursday_at_close(self, cal):
        assert cal.add_working_days(wib(2026, 2, 2, 10, 0), 3) == wib(2026, 2, 5, 16, 0)

    def test_the_result_is_aware_and_in_wib(self, cal):
        due = cal.add_working_days(wib(2026, 2, 2, 10, 0), 3)
        assert due.isoformat() == "2026-02-05T16:00:00+07:00"

    def test_received_after_closing_counts_the_same_as_during_the_day(self, cal):
        assert cal.add_working_days(wib(2026, 2, 2, 17, 30), 3) == wib(2026, 2, 5, 16, 0)
        assert cal.add_working_days(wib(2026, 2, 2, 23, 59), 3) == wib(2026, 2, 5, 16, 0)

    def test_received_on_saturday_counts_from_monday(self, cal):
        assert cal.add_working_days(wib(2026, 2, 7, 10, 0), 3) == wib(2026, 2, 11, 16, 0)
        assert cal.add_working_days(wib(2026, 2, 8, 22, 0), 1) == wib(2026, 2, 9, 16, 0)

    def test_a_utc_moment_is_counted_on_its_wib_date(self, cal):
        # 1 Feb 20:00 UTC is Monday 2 Feb 03:00 WIB: Monday is the day of receipt.
        start = datetime(2026, 2, 1, 20, 0, tzinfo=UTC)
        assert cal.add_working_days(start, 3) == wib(2026, 2, 5, 16, 0)

    def test_a_naive_moment_is_taken_as_wib(self, cal):
        naive = datetime(2026, 2, 2, 10, 0)  # noqa: DTZ001
        assert cal.add_working_days(naive, 3) == wib(2026, 2, 5, 16, 0)

    def test_zero_days_is_todays_close_before_closing(self, cal):
        assert cal.add_working_days(wib(2026, 2, 2, 10, 0), 0) == wib(2026, 2, 2, 16, 0)

    def test_zero_days_after_closing_is_the_next_working_days_close(self, cal):
        assert cal.add_working_days(wib(2026, 2, 2, 16, 0), 0) == wib(2026, 2, 3, 16, 0)
        assert cal.add_working_days(wib(2026, 2, 6, 17, 0), 0) == wib(2026, 2, 9, 16, 0)

    def test_zero_days_on_a_holiday_is_the_next_working_days_close(self, cal):
        assert cal.add_working_days(wib(2026, 3, 19, 9, 0), 0) == wib(2026, 3, 25, 16, 0)
        assert cal.add_working_days(wib(2026, 3, 19, 9, 0), -2) == wib(2026, 3, 25, 16, 0)

    def test_office_close_is_configurable(self):
        cal = WorkingCalendar(close=time(15, 30))
        assert cal.add_working_days(wib(2026, 2, 2, 10, 0), 3) == wib(2026, 2, 5, 15, 30)
        assert cal.add_working_days(wib(2026, 2, 2, 15, 45), 0) == wib(2026, 2, 3, 15, 30)


class IdulFitriTests:
    def test_the_package_lists_idul_fitri_2025_and_its_cuti_bersama(self, cal):
        days = {d.date: d.source for d in cal.non_working_days(date(2025, 3, 27), date(2025, 4, 8))}
        assert days[date(2025, 3, 31)] == days[date(2025, 4, 1)] == Source.LIBUR_NASIONAL
        for day in (date(2025, 3, 28), date(2025, 4, 2), date(2025, 4, 3), date(2025, 4, 4)):
            assert days[day] == Source.CUTI_BERSAMA
        assert days[date(2025, 4, 7)] == Source.CUTI_BERSAMA
        assert date(2025, 3, 27) not in days and date(2025, 4, 8) not in days

    def test_a_complaint_before_idul_fitri_2025_waits_for_the_holidays(self, cal):
        # Off from Friday 28 March to Monday 7 April: Tue 8, Wed 9, Thu 10.
        assert cal.add_working_days(wib(2025, 3, 27, 10, 0), 3) == wib(2025, 4, 10, 16, 0)
        assert cal.add_working_days(wib(2025, 3, 26, 10, 0), 1) == wib(2025, 3, 27, 16, 0)
        assert cal.add_working_days(wib(2025, 3, 26, 10, 0), 2) == wib(2025, 4, 8, 16, 0)

    def test_nyepi_and_idul_fitri_2026_by_hand(self, cal):
        # 18 Mar cuti bersama, 19 Nyepi, 20 cuti bersama, 21-22 Idul Fitri (weekend),
        # 23-24 cuti bersama: the first working day after 18 March is Wednesday 25.
        start = wib(2026, 3, 18, 10, 0)
        assert cal.add_working_days(start, 1) == wib(2026, 3, 25, 16, 0)
        assert cal.add_working_days(start, 3) == wib(2026, 3, 27, 16, 0)
        assert cal.add_working_days(wib(2026, 3, 17, 10, 0), 3) == wib(2026, 3, 27, 16, 0)

    def test_a_holiday_on_a_weekend_is_reported_as_the_holiday(self, cal):
        day = cal.reason(date(2026, 3, 21))
        assert day == NonWorkingDay(
            date(2026, 3, 21), "Hari Raya Idul Fitri", Source.LIBUR_NASIONAL
        )


class YearBoundaryTests:
    def test_the_package_lists_cuti_bersama_on_26_december_2025(self):
        listed = {d.date: d for d in indonesian_holidays(2025)}
        assert listed[date(2025, 12, 26)].source == Source.CUTI_BERSAMA, (
            "the holidays package no longer lists 26 Dec 2025; update this test's expectations"
        )

    def test_christmas_cuti_bersama_and_new_year(self, cal):
        # 25 Christmas, 26 cuti bersama, 27-28 weekend, 29 30 31, 1 Jan New Year, 2, 3-4, 5.
        start = wib(2025, 12, 24, 10, 0)
        assert cal.add_working_days(start, 1) == wib(2025, 12, 29, 16, 0)
        assert cal.add_working_days(start, 4) == wib(2026, 1, 2, 16, 0)
        assert cal.add_working_days(start, 5) == wib(2026, 1, 5, 16, 0)
        assert cal.working_days_between(start, wib(2026, 1, 5, 16, 0)) == 5


class OverridesTests:
    def test_an_added_day_is_skipped_and_named(self):
        cal = WorkingCalendar([NonWorkingDay(date(2026, 2, 3), "Hari Jadi", Source.LOKAL)])
        assert cal.add_working_days(wib(2026, 2, 2, 10, 0), 3) == wib(2026, 2, 6, 16, 0)
        assert cal.reason(date(2026, 2, 3)) == (date(2026, 2, 3), "Hari Jadi", "lokal")

    def test_a_removed_day_counts_as_working(self):
        cal = WorkingCalendar(working=[date(2026, 3, 24)])
        assert cal.add_working_days(wib(2026, 3, 18, 10, 0), 3) == wib(2026, 3, 26, 16, 0)
        assert cal.is_removed(date(2026, 3, 24))
        listed = cal.non_working_days(date(2026, 3, 23), date(2026, 3, 25))
        assert [d.date for d in listed] == [date(2026, 3, 23)]
        removed = cal.removed_days(date(2026, 1, 1), date(2026, 12, 31))
        assert removed == [
            NonWorkingDay(
                date(2026, 3, 24), "Cuti Bersama Hari Raya Idul Fitri", Source.CUTI_BERSAMA
            )
        ]

    def test_a_saturday_can_be_made_a_working_day(self):
        cal = WorkingCalendar(working=[date(2026, 2, 7)])
        assert cal.add_working_days(wib(2026, 2, 6, 10, 0), 1) == wib(2026, 2, 7, 16, 0)

    def test_removing_a_working_day_changes_nothing(self):
        cal = WorkingCalendar(working=[date(2026, 2, 3)])
        assert not cal.is_removed(date(2026, 2, 3))
        assert cal.removed_days(date(2026, 1, 1), date(2026, 12, 31)) == []

    def test_an_explicit_day_is_not_removed_by_working(self):
        day = NonWorkingDay(date(2026, 2, 3), "Hari Jadi", Source.LOKAL)
        cal = WorkingCalendar([day], working=[date(2026, 2, 3)])
        assert not cal.is_working_day(date(2026, 2, 3))

    def test_without_the_package_only_weekends_are_off(self):
        cal = WorkingCalendar(holidays=no_holidays)
        assert cal.add_working_days(wib(2026, 3, 18, 10, 0), 3) == wib(2026, 3, 23, 16, 0)


class NonWorkingDaysTests:
    def test_lists_every_source_in_order(self):
        cal = WorkingCalendar([NonWorkingDay(date(2026, 3, 2), "Hari Jadi", Source.LOKAL)])
        days = cal.non_working_days(date(2026, 3, 1), date(2026, 3, 19))
        assert [(d.date.day, d.source) for d in days] == [
            (1, "weekend"),
            (2, "lokal"),
            (7, "weekend"),
            (8, "weekend"),
            (14, "weekend"),
            (15, "weekend"),
            (18, "cuti_bersama"),
            (19, "libur_nasional"),
        ]
        assert days[0].name == "Minggu"

    def test_weekends_can_be_left_out(self, cal):
        days = cal.non_working_days(date(2026, 3, 1), date(2026, 3, 31), weekends=False)
        assert Source.WEEKEND not in {d.source for d in days}
        assert date(2026, 3, 21) in {d.date for d in days}  # Idul Fitri on a Saturday stays

    def test_years_are_loaded_lazily(self):
        asked: list[int] = []

        def provider(year: int):
            asked.append(year)
            return [NonWorkingDay(date(year, 8, 17), "Kemerdekaan", Source.LIBUR_NASIONAL)]

        cal = WorkingCalendar(holidays=provider, preload=[2026])
        assert asked == [2026]
        assert not cal.is_working_day(date(2040, 8, 17))
        assert cal.is_working_day(date(2040, 8, 16))
        assert asked == [2026, 2040]


class WorkingDaysBetweenTests:
    def test_round_trips_with_add_working_days(self, cal):
        start = wib(2025, 12, 15, 0, 0)
        for step in range(0, 24 * 130, 7):  # every 7 hours for 130 days
            a = start + timedelta(hours=step)
            for n in (1, 2, 3, 5, 10):
                due = cal.add_working_days(a, n)
                assert cal.working_days_between(a, due) == n, (a, n)
                assert cal.add_working_days(a, cal.working_days_between(a, due)) == due

    def test_a_paused_clock_resumes_with_what_was_left(self, cal):
        received = wib(2026, 2, 2, 10, 0)  # due Thursday 5 Feb 16:00
        due = cal.add_working_days(received, 3)
        paused = wib(2026, 2, 3, 11, 0)  # Tuesday: Wednesday and Thursday are left
        left = cal.working_days_between(paused, due)
        assert left == 2
        resumed = wib(2026, 2, 26, 9, 0)  # the citizen answers on a Thursday
        assert cal.add_working_days(resumed, left) == wib(2026, 3, 2, 16, 0)  # 27 Fri, 2 Mon
        # Across Imlek (16 cuti bersama, 17 Imlek): resumed Thursday 12 -> 13 Fri, 18 Wed.
        assert cal.add_working_days(wib(2026, 2, 12, 9, 0), left) == wib(2026, 2, 18, 16, 0)

    def test_a_pause_across_the_holidays_keeps_the_days_left(self, cal):
        paused = wib(2026, 3, 17, 10, 0)
        left = cal.working_days_between(paused, wib(2026, 3, 27, 16, 0))
        assert left == 3
        assert cal.add_working_days(wib(2026, 3, 18, 9, 0), left) == wib(2026, 3, 27, 16, 0)

    def test_zero_when_due_today(self, cal):
        assert cal.working_days_between(wib(2026, 2, 2, 10, 0), wib(2026, 2, 2, 16, 0)) == 0

    def test_a_day_only_counts_once_it_has_closed(self, cal):
        a = wib(2026, 2, 2, 10, 0)
        assert cal.working_days_between(a, wib(2026, 2, 4, 15, 59)) == 1
        assert cal.working_days_between(a, wib(2026, 2, 4, 16, 0)) == 2

    def test_negative_when_overdue(self, cal):
        due = wib(2026, 2, 6, 16, 0)  # Friday
        assert cal.working_days_between(wib(2026, 2, 6, 17, 0), due) == 0
        assert cal.working_days_between(wib(2026, 2, 10, 10, 0), due) == -1  # Monday closed
        assert cal.working_days_between(wib(2026, 2, 11, 16, 0), due) == -3


class CalendarDaysTests:
    def test_due_at_the_end_of_the_tenth_day(self, cal):
        due = cal.add_calendar_days(wib(2026, 3, 18, 10, 0), 10)
        assert due.isoformat() == "2026-03-28T23:59:59+07:00"

    def test_weekends_and_holidays_are_not_skipped(self, cal):
        assert cal.add_calendar_days(wib(2026, 3, 11, 10, 0), 10) == wib(2026, 3, 21, 23, 59, 59)

    def test_counted_on_the_wib_date(self, cal):
        start = datetime(2026, 3, 17, 18, 0, tzinfo=UTC)  # 18 March 01:00 WIB
        assert cal.add_calendar_days(start, 1) == wib(2026, 3, 19, 23, 59, 59)


class ModuleFunctionsTests:
    def test_add_working_days_uses_the_package(self):
        assert add_working_days(wib(2026, 3, 18, 10, 0), 3) == wib(2026, 3, 27, 16, 0)

    def test_add_working_days_keeps_its_keyword_arguments(self):
        due = add_working_days(wib(2026, 2, 2, 10, 0), 3, tz=WIB, close=time(15, 0))
        assert due == wib(2026, 2, 5, 15, 0)

    def test_is_working_day_knows_holidays(self):
        assert not is_working_day(date(2026, 3, 19))
        assert not is_working_day(date(2026, 2, 7))
        assert is_working_day(date(2026, 2, 2))

    def test_the_default_calendar_is_shared(self):
        assert workdays.default_calendar() is workdays.default_calendar()
