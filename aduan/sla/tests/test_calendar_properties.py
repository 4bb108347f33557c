"""Properties of the working-day calendar (aduan.lib.workdays, aduan.sla.calendar) over
generated moments, day counts and administrators' overrides: counting back gives the days
added, deadlines never fall on a non-working day, and later means never earlier."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aduan.lib.workdays import WIB, NonWorkingDay, Source, WorkingCalendar, default_calendar

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Hypothesis takes naive bounds and adds the zone itself.
moments = st.datetimes(
    min_value=datetime(2024, 1, 1),  # noqa: DTZ001
    max_value=datetime(2029, 12, 31),  # noqa: DTZ001
    timezones=st.just(WIB),
)
day_counts = st.integers(min_value=1, max_value=60)
dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31))


@st.composite
def calendars(draw) -> WorkingCalendar:
    """The default calendar, or one with random local days off, working weekends and
    office close times, as administrators may set them."""
    if draw(st.booleans()):
        return default_calendar()
    extra = [
        NonWorkingDay(d, "Hari jadi kota", Source.LOKAL)
        for d in draw(st.lists(dates, max_size=15, unique=True))
    ]
    working = draw(st.lists(dates, max_size=10, unique=True))
    close = draw(st.sampled_from([time(15, 0), time(16, 0), time(16, 30), time(23, 0)]))
    return WorkingCalendar(extra, working=working, close=close)


@SETTINGS
@given(calendar=calendars(), start=moments, days=day_counts)
def test_counting_back_gives_the_days_added(calendar, start, days):
    due = calendar.add_working_days(start, days)
    assert calendar.working_days_between(start, due) == days
    assert calendar.working_days_between(due, start) == -days


@SETTINGS
@given(calendar=calendars(), start=moments, days=st.integers(min_value=-3, max_value=60))
def test_a_deadline_is_never_on_a_non_working_day_and_always_at_close(calendar, start, days):
    due = calendar.add_working_days(start, days)
    assert calendar.is_working_day(due.date())
    assert due.timetz().replace(tzinfo=None) == calendar.close
    assert due > start or (days <= 0 and due >= start)


@SETTINGS
@given(
    calendar=calendars(),
    start=moments,
    days=day_counts,
    later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)),
)
def test_later_starts_never_give_earlier_deadlines(calendar, start, days, later):
    assert calendar.add_working_days(start + later, days) >= calendar.add_working_days(start, days)


@SETTINGS
@given(calendar=calendars(), start=moments, days=day_counts)
def test_more_days_give_strictly_later_deadlines(calendar, start, days):
    assert calendar.add_working_days(start, days + 1) > calendar.add_working_days(start, days)


@SETTINGS
@given(calendar=calendars(), start=moments, a=day_counts, b=day_counts)
def test_adding_in_two_steps_is_adding_once(calendar, start, a, b):
    """A paused clock resumed at a deadline loses and gains nothing."""
    assert calendar.add_working_days(calendar.add_working_days(start, a), b) == (
        calendar.add_working_days(start, a + b)
    )


@SETTINGS
@given(calendar=calendars(), day=dates)
def test_the_next_working_day_is_the_first_one(calendar, day):
    following = calendar.next_working_day(day)
    assert following > day and calendar.is_working_day(following)
    between = day + timedelta(days=1)
    while between < following:
        assert not calendar.is_working_day(between)
        between += timedelta(days=1)


@SETTINGS
@given(start=moments, end=moments)
def test_counting_is_antisymmetric(start, end):
    calendar = default_calendar()
    assert calendar.working_days_between(start, end) == -calendar.working_days_between(end, start)


@pytest.mark.django_db
@SETTINGS
@given(start=moments, days=day_counts)
def test_a_jurisdictions_calendar_keeps_the_same_rules(pekalongan, start, days):
    """The database-backed calendar of a jurisdiction (aduan.sla.calendar)."""
    from aduan.sla.calendar import calendar_for

    calendar = calendar_for(pekalongan)
    due = calendar.add_working_days(start, days)
    assert calendar.is_working_day(due.date())
    assert calendar.working_days_between(start, due) == days
