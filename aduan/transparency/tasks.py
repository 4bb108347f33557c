"""The worker's task that keeps the public page's statistics fresh.

The statistics aggregate every public complaint of a jurisdiction (seven figures and three
groupings); at national scale that takes seconds to tens of seconds, far too long for a
visitor's request. The page therefore reads one stored row per jurisdiction and year
(``PublicStatistics``) and the worker recomputes the rows once they are older than
``ADUAN_PUBLIC_STATS_SECONDS``, one row per pass, so that the other tasks (the outbox, the
SLA sweeps) never wait behind more than one computation. A row is claimed by moving its
``computed_at`` forward with a conditional update: two workers never compute the same row.
A past year's row is recomputed once a day (its complaints rarely change); every year
together and this year every ``ADUAN_PUBLIC_STATS_SECONDS``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from aduan.organisation.models import Jurisdiction
from aduan.transparency import selectors
from aduan.transparency.models import PublicStatistics

#: Seconds after which a past year's statistics are recomputed.
PAST_YEAR_SECONDS = 24 * 3600


def _missing(now: datetime) -> tuple[Jurisdiction, int] | None:
    """An active jurisdiction whose default statistics (every year, and this year) were
    never computed: the worker computes them before any visitor asks."""
    year = timezone.localtime(now).year
    have = set(
        PublicStatistics.objects.filter(year__in=(0, year)).values_list("jurisdiction_id", "year")
    )
    for jurisdiction in Jurisdiction.objects.filter(is_active=True).order_by("pk"):
        for y in (0, year):
            if (jurisdiction.pk, y) not in have:
                return jurisdiction, y
    return None


def _recompute(jurisdiction: Jurisdiction, year: int, now: datetime) -> None:
    """Compute and store one row (``year`` 0: every year)."""
    stats = selectors.compute_statistics(jurisdiction, year or None, now=now)
    selectors.store_statistics(jurisdiction, stats)


def refresh_statistics(now: datetime | None = None) -> int:
    """Compute one missing or stale statistics row; 1 when one was computed, else 0."""
    now = now or timezone.now()
    missing = _missing(now)
    if missing is not None:
        _recompute(*missing, now)
        return 1
    stale_before = now - timedelta(seconds=settings.ADUAN_PUBLIC_STATS_SECONDS)
    # A past year's figures change only when its old complaints change: once a day.
    stale = Q(computed_at__lt=stale_before) & (
        Q(year__in=(0, timezone.localtime(now).year))
        | Q(computed_at__lt=now - timedelta(seconds=PAST_YEAR_SECONDS))
    )
    for row in PublicStatistics.objects.filter(stale).order_by("computed_at")[:5]:
        # Claim the row: another worker that read it too finds computed_at moved on.
        claimed = PublicStatistics.objects.filter(pk=row.pk, computed_at=row.computed_at).update(
            computed_at=now
        )
        if not claimed:
            continue
        _recompute(Jurisdiction.objects.get(pk=row.jurisdiction_id), row.year, now)
        return 1
    return 0


def refresh_statistics_task(*, worker_id: str = "", now: datetime | None = None) -> int:
    """Worker task: ``refresh_statistics`` on every pass."""
    return refresh_statistics(now)
