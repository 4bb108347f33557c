"""Working-day arithmetic in local office time (WIB by default). Pure Python: no database.

A :class:`WorkingCalendar` knows which dates are non-working and why (``source``):

``weekend``         Saturday and Sunday;
``libur_nasional``  national holidays (``holidays`` package, Indonesia, category ``public``);
``cuti_bersama``    collective leave set by joint ministerial decree (category ``government``);
``admin``           an extra national day or cuti bersama added by an administrator;
``lokal``           a local non-working day of one deployment (e.g. the city's anniversary).

An administrator can also declare that a listed day (package or weekend) is a working day
after all (``working``); such removals are honoured everywhere.

Counting rule (SP4N-LAPOR! practice): a complaint received on any day counts from the next
working day after the day it was received; it is due at the end of office hours (default
16:00) on the last counted day. In other words the handler gets ``days`` *whole* working days
after the day of receipt: received Monday 10:00 (or Monday 17:00, or the Saturday before)
with 3 working days is due Thursday 16:00 (Wednesday 16:00 for the Saturday).

The database-backed calendar of a jurisdiction (admin overrides, office close time) is built
by ``aduan.sla.calendar.calendar_for``; the module-level functions here use the default
calendar (weekends plus the package) for callers without a jurisdiction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
OFFICE_CLOSE = time(16, 0)
#: End of a calendar day for calendar-day deadlines.
END_OF_DAY = time(23, 59, 59)
#: Monday is 0: Saturday and Sunday.
WEEKEND = frozenset({5, 6})
#: How far the day loops may run before the calendar is declared broken (ten years).
_MAX_SCAN = 3660

_WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


class Source(StrEnum):
    """Why a date is not a working day (values are stored and shown as badges)."""

    WEEKEND = "weekend"
    LIBUR_NASIONAL = "libur_nasional"
    CUTI_BERSAMA = "cuti_bersama"
    ADMIN = "admin"
    LOKAL = "lokal"


#: When one date has several reasons, the most specific one is reported.
_PRIORITY = {
    Source.LOKAL: 0,
    Source.ADMIN: 1,
    Source.LIBUR_NASIONAL: 2,
    Source.CUTI_BERSAMA: 3,
    Source.WEEKEND: 4,
}


class NonWorkingDay(NamedTuple):
    """One non-working date, its name (Bahasa Indonesia) and its source."""

    date: date
    name: str
    source: Source


#: Gives the package (or any other base list) of non-working days of one year.
HolidayProvider = Callable[[int], Iterable[NonWorkingDay]]


@functools.cache
def indonesian_holidays(year: int) -> tuple[NonWorkingDay, ...]:
    """National holidays and cuti bersama of ``year`` from the ``holidays`` package.

    Names are in Bahasa Indonesia; dates the package only estimates say "(perkiraan)". When a
    date is both a holiday and cuti bersama the holiday wins.
    """
    import holidays  # the package is slow to import; only load it when a year is asked for

    found: dict[date, NonWorkingDay] = {}
    for category, source in (
        ("government", Source.CUTI_BERSAMA),
        ("public", Source.LIBUR_NASIONAL),
    ):
        listed = holidays.country_holidays("ID", years=year, categories=(category,), language="id")
        for day, name in listed.items():
            found[day] = NonWorkingDay(day, str(name), source)
    return tuple(sorted(found.values()))


def no_holidays(year: int) -> tuple[NonWorkingDay, ...]:
    """A provider without holidays: weekends and explicit days only (for tests and tools)."""
    return ()


class WorkingCalendar:
    """Which dates are working days, and the arithmetic of SLA deadlines over them.

    ``holidays`` gives the base list of one year (the package by default) and is asked lazily
    for each year the calendar touches; ``preload`` years are fetched at once. ``extra`` days
    are non-working whatever the base says (``admin`` and ``lokal`` days); ``working`` dates
    are working days even if the base list or the weekend says otherwise (an explicit
    ``extra`` day is never removed by them). Deadlines fall at ``close`` in ``tz``.

    Instances are immutable after construction apart from the lazy per-year cache, so one
    calendar can be shared by threads and requests.
    """

    def __init__(
        self,
        extra: Iterable[NonWorkingDay] = (),
        *,
        working: Iterable[date] = (),
        holidays: HolidayProvider = indonesian_holidays,
        close: time = OFFICE_CLOSE,
        tz: tzinfo = WIB,
        weekend: Iterable[int] = WEEKEND,
        preload: Iterable[int] = (),
    ) -> None:
        self.close = close.replace(tzinfo=None)  # a time of day in ``tz``
        self.tz = tz
        self.weekend = frozenset(weekend)
        self._provider = holidays
        self._extra: dict[date, NonWorkingDay] = {}
        for day in extra:
            current = self._extra.get(day.date)
            if current is None or _PRIORITY[day.source] < _PRIORITY[current.source]:
                self._extra[day.date] = day
        self._working = frozenset(working) - set(self._extra)
        self._base: dict[date, NonWorkingDay] = {}
        self._years: set[int] = set()
        for year in preload:
            self._load(year)

    def __repr__(self) -> str:
        return (
            f"<WorkingCalendar close={self.close:%H:%M} tz={self.tz} extra={len(self._extra)} "
            f"working={len(self._working)}>"
        )

    # ------------------------------------------------------------------- which days

    def _load(self, year: int) -> None:
        if year in self._years:
            return
        loaded: dict[date, NonWorkingDay] = {}
        for day in self._provider(year):
            current = loaded.get(day.date)
            if current is None or _PRIORITY[day.source] < _PRIORITY[current.source]:
                loaded[day.date] = day
        self._base.update(loaded)
        self._years.add(year)

    def listed(self, day: date) -> NonWorkingDay | None:
        """Why ``day`` would be non-working before administrators' removals, or ``None``.

        Explicit extra days first, then the base list (package), then the weekend.
        """
        if day in self._extra:
            return self._extra[day]
        self._load(day.year)
        if day in self._base:
            return self._base[day]
        if day.weekday() in self.weekend:
            return NonWorkingDay(day, _WEEKDAY_NAMES[day.weekday()], Source.WEEKEND)
        return None

    def reason(self, day: date) -> NonWorkingDay | None:
        """Why ``day`` is not a working day, or ``None`` when it is one."""
        if day in self._working:
            return None
        return self.listed(day)

    def is_working_day(self, day: date) -> bool:
        return self.reason(day) is None

    def is_removed(self, day: date) -> bool:
        """Whether an administrator made a listed non-working ``day`` a working day."""
        return day in self._working and self.listed(day) is not None

    def non_working_days(
        self, start_date: date, end_date: date, *, weekends: bool = True
    ) -> list[NonWorkingDay]:
        """Every non-working date from ``start_date`` to ``end_date`` (both included), in
        order, with its name and source; removed days are left out. ``weekends=False`` leaves
        out days that are non-working only because they fall on a weekend."""
        days = []
        day = start_date
        while day <= end_date:
            reason = self.reason(day)
            if reason is not None and (weekends or reason.source != Source.WEEKEND):
                days.append(reason)
            day += timedelta(days=1)
        return days

    def removed_days(self, start_date: date, end_date: date) -> list[NonWorkingDay]:
        """The listed non-working dates in the range that administrators made working days,
        with the name and source they would otherwise have."""
        days = []
        for day in sorted(d for d in self._working if start_date <= d <= end_date):
            reason = self.listed(day)
            if reason is not None:
                days.append(reason)
        return days

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        for _ in range(_MAX_SCAN):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError(f"no working day within {_MAX_SCAN} days after {day}")

    # ------------------------------------------------------------------- moments

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the calendar's zone; a naive moment is taken as already local."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            return moment.replace(tzinfo=self.tz)
        return moment.astimezone(self.tz)

    def closing(self, day: date) -> datetime:
        """The end of office hours on ``day`` (aware, in the calendar's zone)."""
        return datetime.combine(day, self.close, self.tz)

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The deadline ``days`` working days after ``start`` (aware, in the calendar's zone).

        The day of ``start`` never counts, whatever the hour: day 1 is the first working day
        after it, and the deadline is the office close of day ``days``. For ``days <= 0`` the
        deadline is the close of the same day when that is a working day and ``start`` is
        before closing, else the close of the next working day.
        """
        local = self.local(start)
        day = local.date()
        if days <= 0:
            if self.is_working_day(day) and local.time() < self.close:
                return self.closing(day)
            return self.closing(self.next_working_day(day))
        for _ in range(days):
            day = self.next_working_day(day)
        return self.closing(day)

    def working_days_between(self, start: datetime, end: datetime) -> int:
        """Whole working days from ``start`` to ``end``, counted like ``add_working_days``.

        For ``start <= end``: the number of working days after the date of ``start`` whose
        office close is at or before ``end``. For ``end < start`` the negative of the count
        the other way round (so an overdue deadline gives ``-1`` once one whole working day
        has closed after it).

        It is the inverse of ``add_working_days``: for ``n >= 1``,
        ``working_days_between(a, add_working_days(a, n)) == n``, and a clock paused at ``p``
        with deadline ``due`` resumes at ``r`` with ``add_working_days(r, left)`` where
        ``left = working_days_between(p, due)``: the rest of the pause day is given up, the
        rest of the resume day is given, exactly as for a newly received complaint. ``0``
        means the deadline is the close of the pause day (or passed less than a whole working
        day ago); resuming with ``add_working_days(r, 0)`` gives the close of the resume day.
        """
        a, b = self.local(start), self.local(end)
        if b < a:
            return -self.working_days_between(end, start)
        last = b.date() if b.time() >= self.close else b.date() - timedelta(days=1)
        count = 0
        day = a.date() + timedelta(days=1)
        while day <= last:
            if self.is_working_day(day):
                count += 1
            day += timedelta(days=1)
        return count

    def add_calendar_days(self, start: datetime, days: int) -> datetime:
        """The deadline ``days`` calendar days after ``start``: the end of that day (23:59:59
        in the calendar's zone), weekends and holidays included and not skipped.

        Received on day D, a 10-day window is open through D+10 23:59:59; ``days <= 0`` gives
        the end of the day of ``start``. The end of the day (rather than the same clock time)
        means one rule for citizens whatever hour the follow-up was posted.
        """
        day = self.local(start).date() + timedelta(days=max(days, 0))
        return datetime.combine(day, END_OF_DAY, self.tz)


@functools.cache
def default_calendar(close: time = OFFICE_CLOSE, tz: tzinfo = WIB) -> WorkingCalendar:
    """Weekends plus the package's national holidays and cuti bersama, no overrides."""
    return WorkingCalendar(close=close, tz=tz)


def is_working_day(day: date) -> bool:
    """Whether ``day`` is a working day in the default calendar."""
    return default_calendar().is_working_day(day)


def add_working_days(
    start: datetime, days: int, *, tz: tzinfo = WIB, close: time = OFFICE_CLOSE
) -> datetime:
    """The deadline ``days`` working days after ``start`` in the default calendar (no
    jurisdiction overrides); see :meth:`WorkingCalendar.add_working_days`."""
    return default_calendar(close, tz).add_working_days(start, days)
