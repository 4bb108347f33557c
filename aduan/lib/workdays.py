"""Working-day arithmetic in the jurisdiction's local time (WIB by default).

Counting rule (SP4N-LAPOR! practice): a complaint received on any day counts from the next
working day; it is due at the end of office hours on the last counted day. This version knows
weekends only; national holidays and cuti bersama come with the SLA calendar.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
OFFICE_CLOSE = time(16, 0)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5


def add_working_days(
    start: datetime, days: int, *, tz: ZoneInfo = WIB, close: time = OFFICE_CLOSE
) -> datetime:
    """The moment ``days`` working days after ``start`` ends (aware datetime in ``tz``)."""
    day = start.astimezone(tz).date()
    counted = 0
    while counted < max(days, 0):
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    if days <= 0:
        while not is_working_day(day):
            day += timedelta(days=1)
    return datetime.combine(day, close, tz)
