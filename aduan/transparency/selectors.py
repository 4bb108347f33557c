"""Reads behind the public transparency page: the list, one complaint, the statistics.

Everything starts from ``publish.public_q()`` (never rahasia, never hidden). The list pages
with a keyset (``submitted_at``, ``id``) on the partial index ``c_public_list``, so that a
page costs the same whatever the table's size; each view runs a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import (
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone

from aduan.complaints.choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    ArchiveReason,
    ComplaintStatus,
    EventKind,
    Privacy,
)
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.complaints.selectors import ORDERINGS, decode_position, position_of
from aduan.lib import keyset
from aduan.organisation.models import Jurisdiction
from aduan.transparency.publish import public_q

S = ComplaintStatus
PAGE_SIZE = 20
#: Newest first, the inbox's default order and cursor (on the index ``c_public_list``).
NEWEST_FIRST = ORDERINGS[""]
#: Seconds the statistics of one jurisdiction and year are kept in the cache.
STATS_CACHE_SECONDS = 300
#: Public timeline events shown on the public pages (what happened, and the unit's answers).
SHOWN_EVENTS = (
    EventKind.SUBMITTED,
    EventKind.VERIFIED,
    EventKind.PROCESSING,
    EventKind.FOLLOW_UP,
    EventKind.RESOLVED,
    EventKind.CITIZEN_SATISFIED,
    EventKind.REOPENED,
    EventKind.REFERRED,
    EventKind.ARCHIVED,
    EventKind.MERGED,
    EventKind.TAPD_DECIDED,
)


def listed(jurisdiction: Jurisdiction) -> QuerySet[Complaint]:
    """Complaints on the public list: public ones, without spam and merged duplicates."""
    return (
        Complaint.objects.filter(public_q(), jurisdiction=jurisdiction)
        .exclude(status=S.DIGABUNG)
        .exclude(status=S.DIARSIPKAN, archive_reason=ArchiveReason.SPAM)
    )


def _answers() -> Prefetch:
    return Prefetch(
        "events",
        queryset=ComplaintEvent.objects.filter(kind=EventKind.FOLLOW_UP, is_public=True).order_by(
            "-created_at", "-id"
        ),
        to_attr="public_answers",
    )


@dataclass
class ListFilters:
    q: str = ""
    category: str = ""  # category code
    area: int | None = None
    state: str = ""  # "terbuka" | "selesai" | ""


@dataclass
class ListPage:
    items: list[Complaint]
    next_cursor: str = ""
    filters: ListFilters = field(default_factory=ListFilters)


def public_list(jurisdiction: Jurisdiction, filters: ListFilters, *, cursor: str = "") -> ListPage:
    """One page of the public list, newest first. Two queries (the page, its answers)."""
    qs = listed(jurisdiction)
    term = " ".join(filters.q.split()).lower()[:100]
    if term:
        qs = qs.filter(Q(tracking_code__iexact=term) | Q(public_search__contains=term))
    if filters.category:
        qs = qs.filter(category__code=filters.category)
    if filters.area:
        qs = qs.filter(area_id=filters.area)
    if filters.state == "terbuka":
        qs = qs.filter(status__in=[*OPEN_STATUSES])
    elif filters.state == "selesai":
        qs = qs.filter(status__in=[*CLOSED_STATUSES])
    window = keyset.read(
        qs.select_related("category", "area", "unit").prefetch_related(_answers()),
        NEWEST_FIRST,
        decode_position(cursor, NEWEST_FIRST),  # None (the first page) unless one of ours
        size=PAGE_SIZE,
    )
    next_cursor = position_of(window.rows[-1], NEWEST_FIRST) if window.has_next else ""
    return ListPage(window.rows, next_cursor, filters)


def public_get(jurisdiction: Jurisdiction, tracking_code: str) -> Complaint | None:
    """One public complaint with its shown public timeline (``shown_events``); None when
    it does not exist or is not public, the same for both."""
    return (
        Complaint.objects.filter(
            public_q(), jurisdiction=jurisdiction, tracking_code=tracking_code.strip().upper()
        )
        .select_related("category", "area", "unit", "merged_into", "referred_to")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=ComplaintEvent.objects.filter(
                    is_public=True, kind__in=SHOWN_EVENTS
                ).order_by("created_at", "id"),
                to_attr="shown_events",
            )
        )
        .first()
    )


# --------------------------------------------------------------------------- statistics


@dataclass
class Statistics:
    year: int | None
    total: int = 0
    open: int = 0
    finished: int = 0
    by_category: list[dict[str, Any]] = field(default_factory=list)
    by_unit: list[dict[str, Any]] = field(default_factory=list)
    by_area: list[dict[str, Any]] = field(default_factory=list)
    answered: int = 0
    answered_timed: int = 0  # answered, with a resolution target to compare with
    answered_in_time: int = 0
    median_days: float | None = None
    ratings: int = 0
    rating_average: float | None = None
    rated_resolved: int = 0

    @property
    def in_time_percent(self) -> float | None:
        if not self.answered_timed:
            return None
        return round(100 * self.answered_in_time / self.answered_timed, 1)

    @property
    def resolved_percent(self) -> float | None:
        if not self.ratings:
            return None
        return round(100 * self.rated_resolved / self.ratings, 1)


def _counted(jurisdiction: Jurisdiction, year: int | None) -> QuerySet[Complaint]:
    """What the statistics count: every complaint but the confidential ones (nothing of a
    rahasia complaint is public, not even that it exists)."""
    qs = Complaint.objects.filter(jurisdiction=jurisdiction).exclude(privacy=Privacy.RAHASIA)
    if year is not None:
        tz = timezone.get_current_timezone()
        start = datetime.combine(datetime(year, 1, 1).date(), time.min, tz)  # noqa: DTZ001
        end = datetime.combine(datetime(year + 1, 1, 1).date(), time.min, tz)  # noqa: DTZ001
        qs = qs.filter(submitted_at__gte=start, submitted_at__lt=end)
    return qs


def _groups(qs: QuerySet[Complaint], name: str) -> list[dict[str, Any]]:
    rows = qs.values(name).annotate(n=Count("id")).order_by("-n", name)
    return [{"name": row[name] or "", "n": row["n"]} for row in rows]


def statistics(jurisdiction: Jurisdiction, year: int | None = None) -> Statistics:
    """The public statistics; seven queries, or none while the cached copy is fresh.

    "Answered" is a complaint with the unit's first follow-up; "in time" when that came by
    the resolution target. Days to answer count calendar days from receipt.
    """
    key = f"aduan:transparency:stats:{jurisdiction.pk}:{year or 'all'}"
    cached = cache.get(key)
    if isinstance(cached, Statistics):
        return cached
    from aduan.surveys.models import Rating

    qs = _counted(jurisdiction, year)
    stats = Statistics(year=year)
    for row in qs.values("status").annotate(n=Count("id")).order_by():
        stats.total += row["n"]
        if row["status"] in OPEN_STATUSES:
            stats.open += row["n"]
        elif row["status"] == S.SELESAI:
            stats.finished += row["n"]
    stats.by_category = _groups(qs, "category__name")
    stats.by_unit = _groups(qs, "unit__name")
    stats.by_area = _groups(qs, "area__name")
    answered = qs.filter(first_follow_up_at__isnull=False)
    timed = Q(resolution_due_at__isnull=False)
    counts = answered.aggregate(
        answered=Count("id"),
        timed=Count("id", filter=timed),
        in_time=Count("id", filter=timed & Q(first_follow_up_at__lte=F("resolution_due_at"))),
    )
    stats.answered = counts["answered"]
    stats.answered_timed = counts["timed"]
    stats.answered_in_time = counts["in_time"]
    if stats.answered:
        stats.median_days = _median_days(answered, stats.answered)
    rating = Rating.objects.filter(complaint__in=qs).aggregate(
        n=Count("id"), avg=Avg("score"), resolved=Count("id", filter=Q(resolved=True))
    )
    stats.ratings = rating["n"]
    stats.rating_average = round(float(rating["avg"]), 2) if rating["avg"] is not None else None
    stats.rated_resolved = rating["resolved"]
    cache.set(key, stats, STATS_CACHE_SECONDS)
    return stats


def _median_days(answered: QuerySet[Complaint], n: int) -> float:
    """The median time to the first follow-up, in days: the middle one or two rows of the
    database's own ordering (one query, nothing loaded but those rows)."""
    waited = ExpressionWrapper(
        F("first_follow_up_at") - F("submitted_at"), output_field=DurationField()
    )
    middle = list(
        answered.annotate(waited=waited)
        .order_by("waited", "id")
        .values_list("waited", flat=True)[(n - 1) // 2 : n // 2 + 1]
    )
    values = [w if isinstance(w, timedelta) else timedelta(microseconds=int(w)) for w in middle]
    mean = sum(values, timedelta()) / len(values)
    return round(mean.total_seconds() / 86400, 1)


def stats_cache_clear(jurisdiction: Jurisdiction, years: list[int | None]) -> None:
    cache.delete_many([f"aduan:transparency:stats:{jurisdiction.pk}:{y or 'all'}" for y in years])
