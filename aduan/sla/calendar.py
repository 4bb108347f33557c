"""The working calendar of a jurisdiction: the ``holidays`` package merged with the
administrators' ``CalendarDay`` rows and the jurisdiction's office close time.

``calendar_for`` is cheap enough to call on every request: calendars are kept per process
and checked against a version read from the database with one small aggregate query (the
count and latest change of the rows that apply). Because the version lives in the database,
every process (web workers, the SLA worker, management commands) sees a change as soon as it
is committed. In addition a ``post_save``/``post_delete`` signal drops this process's
calendars at once, so a change is seen inside its own transaction and a rolled-back change
cannot leave a calendar behind that a later change of the same version would hide.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Q
from django.utils import timezone

from aduan.lib.refcache import LocalCache
from aduan.lib.workdays import (
    OFFICE_CLOSE,
    WIB,
    NonWorkingDay,
    WorkingCalendar,
)
from aduan.sla.choices import KIND_SOURCE, CalendarDayKind
from aduan.sla.models import CalendarDay

if TYPE_CHECKING:
    from aduan.organisation.models import Jurisdiction

logger = logging.getLogger(__name__)

#: Package years loaded up front around today; others are loaded when first asked for.
YEARS_AROUND = 2


@dataclass(frozen=True)
class _Entry:
    version: tuple[int, datetime | None]
    close: time
    calendar: WorkingCalendar


_cache: dict[int | None, _Entry] = {}
_lock = threading.Lock()
#: The rows' version is read again after this long: a holiday added in another process
#: counts here within these seconds (at once in the process that saved it).
_versions: LocalCache[tuple[int, datetime | None]] = LocalCache(
    "calendar versions", seconds=10.0, invalidated_by=("sla.CalendarDay",)
)


def office_close(jurisdiction: Jurisdiction | None) -> time:
    """The jurisdiction's end of office hours, ``settings["office_close"]`` ("HH:MM", WIB).

    A missing or unreadable value gives 16:00 (an unreadable one is logged).
    """
    settings = jurisdiction.settings if jurisdiction is not None else None
    raw = settings.get("office_close") if isinstance(settings, dict) else None
    if not raw:
        return OFFICE_CLOSE
    try:
        return time.fromisoformat(str(raw)).replace(tzinfo=None)  # always WIB
    except ValueError:
        logger.warning(
            "jurisdiction %s: office_close %r is not HH:MM; using %s",
            jurisdiction.slug if jurisdiction is not None else "-",
            raw,
            OFFICE_CLOSE,
        )
        return OFFICE_CLOSE


def _rows(jurisdiction_id: int | None):
    scope = Q(jurisdiction__isnull=True)
    if jurisdiction_id is not None:
        scope |= Q(jurisdiction_id=jurisdiction_id)
    return CalendarDay.objects.filter(scope)


def _version(jurisdiction_id: int | None) -> tuple[int, datetime | None]:
    found = _rows(jurisdiction_id).aggregate(n=Count("id"), last=Max("updated_at"))
    return (found["n"], found["last"])


def _build(jurisdiction_id: int | None, close: time) -> WorkingCalendar:
    # A jurisdiction's row beats the installation-wide row of the same date.
    chosen: dict[date, tuple[str, str]] = {}
    own: set[date] = set()
    rows = _rows(jurisdiction_id).values_list("date", "kind", "name", "jurisdiction_id")
    for day, kind, name, owner in rows:
        if owner is not None:
            chosen[day] = (kind, name)
            own.add(day)
        elif day not in own:
            chosen[day] = (kind, name)
    extra = [
        NonWorkingDay(day, name, KIND_SOURCE[CalendarDayKind(kind)])
        for day, (kind, name) in chosen.items()
        if kind != CalendarDayKind.WORKING
    ]
    working = [day for day, (kind, _) in chosen.items() if kind == CalendarDayKind.WORKING]
    this_year = timezone.localdate(timezone=WIB).year
    return WorkingCalendar(
        extra,
        working=working,
        close=close,
        tz=WIB,
        preload=range(this_year - YEARS_AROUND, this_year + YEARS_AROUND + 1),
    )


def calendar_for(jurisdiction: Jurisdiction | None) -> WorkingCalendar:
    """The working calendar of ``jurisdiction`` (``None``: the installation-wide one).

    One aggregate query every few seconds to check the version; the calendar itself is rebuilt only
    after a ``CalendarDay`` that applies was added, changed or deleted, or the jurisdiction's
    ``office_close`` setting changed.
    """
    key = jurisdiction.pk if jurisdiction is not None else None
    close = office_close(jurisdiction)
    version = _versions.get(key, lambda: _version(key))
    entry = _cache.get(key)
    if entry is not None and entry.version == version and entry.close == close:
        return entry.calendar
    calendar = _build(key, close)
    with _lock:
        _cache[key] = _Entry(version, close, calendar)
    return calendar


def calendar_cache_clear() -> None:
    """Forget every cached calendar (tests, or after editing rows with ``QuerySet.update``)."""
    with _lock:
        _cache.clear()
    _versions.clear()


__all__ = ["calendar_cache_clear", "calendar_for", "office_close"]
