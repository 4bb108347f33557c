"""Reads of the replies app: the templates offered for a complaint and reply quality."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from aduan.lib.refcache import LocalCache
from aduan.organisation.selectors import REFERENCE_SECONDS
from aduan.replies import checker
from aduan.replies.models import ReplyReview, ResponseTemplate

if TYPE_CHECKING:
    from aduan.complaints.models import Complaint
    from aduan.organisation.models import Jurisdiction, Unit


def unit_names(jurisdiction_id: int | None) -> tuple[str, ...]:
    """The short names of the jurisdiction's units, which the checker never calls jargon."""
    if jurisdiction_id is None:
        return ()
    from aduan.organisation.selectors import reference

    units = reference(jurisdiction_id).units.values()  # the per-process reference cache
    return tuple(sorted({unit.short_name for unit in units if unit.short_name}))


def templates_for(complaint: Complaint) -> QuerySet[ResponseTemplate]:
    """The active templates that fit the complaint: jurisdiction-wide or of its unit, for
    every category or for its own; the most specific first within each situation."""
    qs = ResponseTemplate.objects.filter(jurisdiction_id=complaint.jurisdiction_id, is_active=True)
    qs = qs.filter(Q(unit__isnull=True) | Q(unit_id=complaint.unit_id))
    qs = qs.filter(Q(category__isnull=True) | Q(category_id=complaint.category_id))
    return qs.order_by(*TEMPLATE_ORDER)


TEMPLATE_ORDER = ("situation", "unit_id", "category_id", "title")

_active_templates: LocalCache[tuple[ResponseTemplate, ...]] = LocalCache(
    "reply_templates",
    seconds=REFERENCE_SECONDS,
    invalidated_by=("replies.ResponseTemplate",),
)


def fitting_templates(complaint: Complaint) -> list[ResponseTemplate]:
    """What ``templates_for`` gives, in the same order, from the jurisdiction's active
    templates kept in the reference cache (``aduan.lib.refcache``): the complaint page offers
    them under every action that writes to the citizen. Shared between requests: read only."""
    every = _active_templates.get(
        complaint.jurisdiction_id,
        lambda: tuple(
            ResponseTemplate.objects.filter(
                jurisdiction_id=complaint.jurisdiction_id, is_active=True
            ).order_by(*TEMPLATE_ORDER)
        ),
    )
    unit_ids = (None, complaint.unit_id)
    category_ids = (None, complaint.category_id)
    return [t for t in every if t.unit_id in unit_ids and t.category_id in category_ids]


@dataclass(frozen=True)
class QualityRow:
    """One group (a unit or an officer) in one month, or over the whole period when
    ``month`` is None."""

    month: date | None
    key: int | None
    name: str
    unit: str
    replies: int
    mean_score: float
    acceptable_pct: float
    top_flaws: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class ReplyQuality:
    start: date
    end: date
    units: list[QualityRow]
    officers: list[QualityRow]

    @property
    def replies(self) -> int:
        return sum(row.replies for row in self.units)


def _numbers() -> dict[str, Any]:
    """The figures of a group of verdicts: count, mean score, acceptable, each flaw."""
    flaws = {
        f"flaw_{code}": Count("id", filter=Q(flaw_codes__contains=f" {code} "))
        for code in checker.FLAWS
    }
    return {
        "n": Count("id"),
        "mean": Avg("score"),
        "ok": Count("id", filter=Q(acceptable=True)),
        **flaws,
    }


def _reviews(
    jurisdiction: Jurisdiction,
    start: date,
    end: date,
    unit: Unit | None,
    unit_ids: Iterable[int] | None,
) -> QuerySet[ReplyReview]:
    """Verdicts on replies sent from ``start`` to ``end`` (inclusive, local dates), of
    ``unit`` (or ``unit_ids``) when given."""
    tz = timezone.get_current_timezone()
    qs = ReplyReview.objects.filter(
        jurisdiction=jurisdiction,
        created_at__gte=datetime.combine(start, time.min, tz),
        created_at__lt=datetime.combine(end + timedelta(days=1), time.min, tz),
    )
    if unit is not None:
        qs = qs.filter(unit=unit)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    return qs


def _row(values: dict[str, Any], key: int | None, name: str, unit: str, top: int) -> QualityRow:
    flaws = [(code, values[f"flaw_{code}"]) for code in checker.FLAWS if values[f"flaw_{code}"]]
    flaws.sort(key=lambda item: -item[1])  # stable: ties keep the checker's order
    month = values.get("month")
    if isinstance(month, datetime):
        month = timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
    n = values["n"]
    return QualityRow(
        month=month,
        key=key,
        name=name,
        unit=unit,
        replies=n,
        mean_score=round(float(values["mean"] or 0), 1),
        acceptable_pct=round(100 * values["ok"] / n, 1) if n else 0.0,
        top_flaws=flaws[:top],
    )


#: The columns that name a unit's group of verdicts.
_UNIT_FIELDS = ("unit_id", "unit__name", "unit__short_name")


def _unit_row(values: dict[str, Any], top: int) -> QualityRow:
    return _row(
        values,
        values["unit_id"],
        values["unit__name"] or "—",
        values["unit__short_name"] or "",
        top,
    )


def reply_quality(
    jurisdiction: Jurisdiction,
    start: date,
    end: date,
    unit: Unit | None = None,
    *,
    unit_ids: Iterable[int] | None = None,
    top_flaws: int = 3,
) -> ReplyQuality:
    """Replies, mean score, share acceptable and the most frequent flaws per unit and per
    officer, by month, for replies sent from ``start`` to ``end`` (inclusive, local dates).
    ``unit`` (or ``unit_ids``) narrows to those units. Two queries, whatever the volume."""
    tz = timezone.get_current_timezone()
    qs = _reviews(jurisdiction, start, end, unit, unit_ids).annotate(
        month=TruncMonth("created_at", tzinfo=tz)
    )
    numbers = _numbers()
    unit_rows = (
        qs.values("month", *_UNIT_FIELDS)
        .annotate(**numbers)
        .order_by("month", "unit__name", "unit_id")
    )
    officer_rows = (
        qs.values(
            "month",
            "officer_id",
            "officer__first_name",
            "officer__last_name",
            "officer__username",
            "unit__short_name",
        )
        .annotate(**numbers)
        .order_by("month", "officer__first_name", "officer__username", "officer_id")
    )
    units = [_unit_row(v, top_flaws) for v in unit_rows]
    officers = [
        _row(
            v,
            v["officer_id"],
            " ".join(x for x in (v["officer__first_name"], v["officer__last_name"]) if x)
            or v["officer__username"]
            or "—",
            v["unit__short_name"] or "",
            top_flaws,
        )
        for v in officer_rows
    ]
    return ReplyQuality(start=start, end=end, units=units, officers=officers)


def reply_quality_by_unit(
    jurisdiction: Jurisdiction,
    start: date,
    end: date,
    *,
    unit_ids: Iterable[int] | None = None,
    top_flaws: int = 3,
) -> dict[int | None, QualityRow]:
    """The figures of ``reply_quality`` per unit over the whole period (``month`` None),
    and under None those of every reply counted. Two queries, whatever the volume."""
    qs = _reviews(jurisdiction, start, end, None, unit_ids)
    numbers = _numbers()
    rows: dict[int | None, QualityRow] = {
        v["unit_id"]: _unit_row(v, top_flaws)
        for v in qs.values(*_UNIT_FIELDS).annotate(**numbers).order_by()
        if v["unit_id"] is not None
    }
    total = qs.aggregate(**numbers)
    if total["n"]:
        rows[None] = _row(total, None, "", "", top_flaws)
    return rows
