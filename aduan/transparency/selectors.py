"""Reads behind the public transparency page: the list, one complaint, the statistics.

Everything starts from ``publish.public_q()`` (never rahasia, never hidden). The list pages
with a keyset (``submitted_at``, ``id``) on the partial index ``c_public_list``, so that a
page costs the same whatever the table's size; each view runs a fixed number of queries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, fields
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
from aduan.organisation.selectors import reference
from aduan.transparency.models import PublicStatistics
from aduan.transparency.publish import public_q

S = ComplaintStatus
PAGE_SIZE = 20
#: Newest first, the inbox's default order and cursor (on the index ``c_public_list``).
NEWEST_FIRST = ORDERINGS[""]
#: Seconds a process keeps the stored statistics of one jurisdiction and year in the cache.
STATS_CACHE_SECONDS = 60
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
    #: When these figures were computed (the page says so).
    computed_at: datetime | None = None

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

    def to_data(self) -> dict[str, Any]:
        """The figures as stored in ``PublicStatistics.data`` (JSON)."""
        data = asdict(self)
        del data["year"], data["computed_at"]
        return data

    @classmethod
    def from_row(cls, row: PublicStatistics) -> Statistics:
        known = {f.name for f in fields(cls)} - {"year", "computed_at"}
        values = {k: v for k, v in row.data.items() if k in known}
        return cls(year=row.year or None, computed_at=row.computed_at, **values)


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


def _ranked(counts: Counter[str]) -> list[dict[str, Any]]:
    """Groups by name, the largest first (then by name)."""
    return [
        {"name": name, "n": n} for name, n in sorted(counts.items(), key=lambda g: (-g[1], g[0]))
    ]


def compute_statistics(
    jurisdiction: Jurisdiction, year: int | None = None, *, now: datetime | None = None
) -> Statistics:
    """The public statistics from the complaints themselves: one grouped pass over the
    counted complaints (status, category, unit and kelurahan together), the median wait and
    the ratings: three queries, each reading every counted complaint once. Too dear for a
    visitor's request at scale: ``statistics`` reads the stored result. ``now``: the time
    the figures are stamped with (the worker's pass).

    "Answered" is a complaint with the unit's first follow-up; "in time" when that came by
    the resolution target. Days to answer count calendar days from receipt.
    """
    from aduan.surveys.models import Rating

    qs = _counted(jurisdiction, year)
    ref = reference(jurisdiction.pk)
    stats = Statistics(year=year)
    by_category: Counter[str] = Counter()
    by_unit: Counter[str] = Counter()
    by_area: Counter[str] = Counter()
    answered = Q(first_follow_up_at__isnull=False)
    timed = answered & Q(resolution_due_at__isnull=False)
    groups = (
        qs.values("status", "category_id", "unit_id", "area_id")
        .annotate(
            n=Count("id"),
            answered=Count("id", filter=answered),
            timed=Count("id", filter=timed),
            in_time=Count("id", filter=timed & Q(first_follow_up_at__lte=F("resolution_due_at"))),
        )
        .order_by()
    )
    for g in groups:
        n = g["n"]
        stats.total += n
        if g["status"] in OPEN_STATUSES:
            stats.open += n
        elif g["status"] == S.SELESAI:
            stats.finished += n
        category = ref.categories.get(g["category_id"])
        unit = ref.units.get(g["unit_id"])
        area = ref.areas.get(g["area_id"])
        by_category[category.name if category else ""] += n
        by_unit[unit.name if unit else ""] += n
        by_area[area.name if area else ""] += n
        stats.answered += g["answered"]
        stats.answered_timed += g["timed"]
        stats.answered_in_time += g["in_time"]
    stats.by_category = _ranked(by_category)
    stats.by_unit = _ranked(by_unit)
    stats.by_area = _ranked(by_area)
    if stats.answered:
        stats.median_days = _median_days(qs.filter(answered), stats.answered)
    rating = Rating.objects.filter(complaint__in=qs).aggregate(
        n=Count("id"), avg=Avg("score"), resolved=Count("id", filter=Q(resolved=True))
    )
    stats.ratings = rating["n"]
    stats.rating_average = round(float(rating["avg"]), 2) if rating["avg"] is not None else None
    stats.rated_resolved = rating["resolved"]
    stats.computed_at = now or timezone.now()
    return stats


def store_statistics(jurisdiction: Jurisdiction, stats: Statistics) -> None:
    """Keep ``stats`` as the jurisdiction's row for its year (replacing the older one)."""
    PublicStatistics.objects.bulk_create(
        [
            PublicStatistics(
                jurisdiction=jurisdiction,
                year=stats.year or 0,
                data=stats.to_data(),
                computed_at=stats.computed_at or timezone.now(),
            )
        ],
        update_conflicts=True,
        unique_fields=["jurisdiction", "year"],
        update_fields=["data", "computed_at"],
    )
    cache.delete(_stats_key(jurisdiction.pk, stats.year))


def _stats_key(jurisdiction_id: int, year: int | None) -> str:
    return f"aduan:transparency:stats:{jurisdiction_id}:{year or 'all'}"


def statistics(jurisdiction: Jurisdiction, year: int | None = None) -> Statistics:
    """The public statistics as last computed: the stored row (one query), or none while
    the cached copy is fresh. A jurisdiction and year never asked for before are computed
    now and stored; from then on the worker keeps the row fresh
    (``tasks.refresh_statistics_task``) and a visitor never waits for the aggregates."""
    key = _stats_key(jurisdiction.pk, year)
    cached = cache.get(key)
    if isinstance(cached, Statistics):
        return cached
    row = PublicStatistics.objects.filter(jurisdiction=jurisdiction, year=year or 0).first()
    if row is not None:
        stats = Statistics.from_row(row)
    else:
        stats = compute_statistics(jurisdiction, year)
        store_statistics(jurisdiction, stats)
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
