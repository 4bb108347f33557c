"""The dashboards' and reports' figures, read from the rollup and a few indexed queries.

Every figure that counts complaints comes with the officer inbox's query string that lists
exactly those complaints (``Figure.link``): the rollup counts complaints by the month they
were submitted in (WIB) and their current unit, category, kelurahan, status, channel and
type, the same columns the inbox filters on. Queries do not grow with the data: each panel
is one grouped query.
"""

from __future__ import annotations

import calendar
import copy
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import quote_plus, urlencode

from django.db.models import Count, Q, QuerySet, Sum
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aduan.accounts.models import User
from aduan.complaints import permissions
from aduan.complaints.choices import (
    OPEN_STATUSES,
    STAFF_STAGES,
    Channel,
    ComplaintStatus,
    ReportType,
    Stage,
    TapdDecision,
)
from aduan.complaints.models import Complaint, ComplaintEvent, PlanningItem
from aduan.organisation.choices import AreaKind, MembershipRole
from aduan.organisation.models import Area, Category, Jurisdiction, Membership, Unit
from aduan.organisation.selectors import reference
from aduan.reports import rollups
from aduan.reports.models import ComplaintRollup
from aduan.surveys import ikm
from aduan.surveys.models import IkmResponse

MONTH_NAMES = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"
)  # fmt: skip


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def month_label(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


# --------------------------------------------------------------------------- scope


@dataclass(frozen=True)
class Scope:
    """Whose complaints a dashboard shows: a jurisdiction, or some of its units."""

    jurisdiction: Jurisdiction
    units: frozenset[int] | None = None  # None: every unit (and none)


def leadership_scope(user: User) -> Scope | None:
    """The whole jurisdiction for those who read every complaint; None for others."""
    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return None
    if not user.reads_everything:
        return None
    return Scope(jurisdiction=user.jurisdiction)  # type: ignore[arg-type]


def unit_scope(user: User, unit: Unit) -> Scope | None:
    """One unit, for its members and for those who read every complaint."""
    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return None
    if unit.jurisdiction_id != user.jurisdiction_id:
        return None
    if not user.reads_everything and unit.pk not in permissions.unit_ids(user):
        return None
    return Scope(jurisdiction=unit.jurisdiction, units=frozenset({unit.pk}))


def sees_officer_workload(user: User, unit: Unit) -> bool:
    """Heads of the unit and those who read every complaint see each officer's work."""
    if user.reads_everything:
        return True
    return Membership.objects.filter(user=user, unit=unit, role=MembershipRole.HEAD).exists()


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    """A period of whole months and optional unit, category and kelurahan."""

    start: date  # first day of the first month
    end: date  # first day of the last month
    unit: int | None = None
    category: Category | None = None
    area: int | None = None

    @classmethod
    def default(cls, today: date | None = None) -> Filters:
        today = today or timezone.localdate()
        end = today.replace(day=1)
        return cls(start=add_months(end, -11), end=end)

    @property
    def months(self) -> list[date]:
        out, month = [], self.start
        while month <= self.end:
            out.append(month)
            month = add_months(month, 1)
        return out

    @property
    def last_day(self) -> date:
        return month_end(self.end)

    def bounds(self) -> tuple[datetime, datetime]:
        """The period as aware moments: its first instant and the instant after it."""
        tz = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tz),
            datetime.combine(self.last_day + timedelta(days=1), time.min, tz),
        )

    def inbox_params(self, *, period: bool = True, **extra: Any) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if period:
            params["date_from"] = self.start.isoformat()
            params["date_to"] = self.last_day.isoformat()
        if self.unit:
            params["unit"] = self.unit
        if self.category is not None:
            params["category"] = self.category.code
        if self.area:
            params["area"] = self.area
        params.update({k: v for k, v in extra.items() if v not in (None, "")})
        return params

    def query(self, **override: Any) -> str:
        """This dashboard's own query string (with some values changed)."""
        params: dict[str, Any] = {
            "dari": f"{self.start:%Y-%m}",
            "sampai": f"{self.end:%Y-%m}",
            "unit": self.unit or "",
            "kategori": self.category.code if self.category else "",
            "kelurahan": self.area or "",
        }
        params.update(override)
        return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def inbox_url(params: dict[str, Any]) -> str:
    """The inbox with ``params`` (``urlencode`` of scalar values; a dashboard makes hundreds
    of these from a few dozen distinct values, so each value is quoted once)."""
    query = "&".join(f"{_quoted(str(k))}={_quoted(str(v))}" for k, v in params.items())
    return _inbox_path(get_script_prefix()) + "?" + query


@functools.lru_cache(maxsize=4096)
def _quoted(value: str) -> str:
    return quote_plus(value)


@functools.lru_cache(maxsize=8)
def _inbox_path(script_prefix: str) -> str:
    """The inbox's path (a dashboard links hundreds of figures: reverse it once)."""
    return reverse("complaints:inbox", args=["semua"])


@dataclass
class Figure:
    """One number on a dashboard, its label and the list it counts."""

    key: Any
    label: str
    n: int
    link: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Labels:
    units: dict[int, Unit]
    categories: dict[int, Category]
    areas: dict[int, Area]

    @classmethod
    def load(cls, jurisdiction: Jurisdiction) -> Labels:
        """From the reference cache (no query while it is fresh)."""
        ref = reference(jurisdiction.pk)
        units = {}
        for pk, shared in ref.units.items():
            unit = copy.copy(shared)  # the cached one is shared between requests
            unit.jurisdiction = jurisdiction  # read per unit (IKM weights): no query each
            units[pk] = unit
        return cls(
            units=units,
            categories=ref.categories,
            areas={pk: a for pk, a in ref.areas.items() if a.kind == AreaKind.KELURAHAN},
        )

    def unit(self, pk: int) -> str:
        unit = self.units.get(pk)
        return str(unit) if unit else _("(belum ada unit)")

    def category(self, pk: int) -> str:
        category = self.categories.get(pk)
        return category.name if category else _("(tanpa kategori)")

    def area(self, pk: int) -> str:
        area = self.areas.get(pk)
        return area.name if area else _("(tanpa kelurahan)")


# --------------------------------------------------------------------------- rollup reads


def rollup_rows(
    scope: Scope,
    filters: Filters,
    dims: list[str],
    *,
    start: date | None = None,
    by_area: bool = True,
    per_area: bool = False,
) -> QuerySet[ComplaintRollup]:
    """The rollup rows of ``dims`` in scope and filters.

    ``by_area=False`` for the dims kept without kelurahan (the duration histograms), which
    ignore the kelurahan filter. Without a kelurahan filter the state dims are read from
    their all-kelurahan rows, unless ``per_area`` (grouping by kelurahan) asks for the
    per-kelurahan ones.
    """
    qs = ComplaintRollup.objects.filter(
        jurisdiction_id=scope.jurisdiction.pk,
        dim__in=dims,
        month__gte=start or filters.start,
        month__lte=filters.end,
    )
    if scope.units is not None:
        qs = qs.filter(unit_id__in=scope.units)
    if filters.unit:
        qs = qs.filter(unit_id=filters.unit)
    if filters.category is not None:
        qs = qs.filter(category_id=filters.category.pk)
    summed = all(dim in rollups.SUMMED_DIMS for dim in dims)
    if filters.area and by_area:
        qs = qs.filter(area_id=filters.area)
    elif summed and not per_area:
        qs = qs.filter(area_id=rollups.ALL_AREAS)
    elif summed:
        qs = qs.filter(area_id__gte=0)
    return qs


def _complaints(scope: Scope, filters: Filters) -> QuerySet[Complaint]:
    qs = Complaint.objects.filter(jurisdiction_id=scope.jurisdiction.pk)
    if scope.units is not None:
        qs = qs.filter(unit_id__in=scope.units)
    if filters.unit:
        qs = qs.filter(unit_id=filters.unit)
    if filters.category is not None:
        qs = qs.filter(category_id=filters.category.pk)
    if filters.area:
        qs = qs.filter(area_id=filters.area)
    return qs


@dataclass
class MonthPoint:
    month: date
    label: str
    n: int
    previous: int  # the same month a year before
    link: str


def volume_by_month(scope: Scope, filters: Filters) -> list[MonthPoint]:
    """Complaints received per month, with the same month of the year before."""
    rows = (
        rollup_rows(scope, filters, ["status"], start=add_months(filters.start, -12))
        .values("month")
        .annotate(n=Sum("n"))
    )
    by_month = {row["month"]: row["n"] or 0 for row in rows}
    out = []
    for month in filters.months:
        params = filters.inbox_params(period=False)
        params.update(date_from=month.isoformat(), date_to=month_end(month).isoformat())
        out.append(
            MonthPoint(
                month=month,
                label=month_label(month),
                n=by_month.get(month, 0),
                previous=by_month.get(add_months(month, -12), 0),
                link=inbox_url(params),
            )
        )
    return out


#: group -> (rollup dim, rollup column, inbox parameter)
BREAKDOWNS = {
    "status": ("status", "value", "status"),
    "category": ("status", "category_id", "category"),
    "unit": ("status", "unit_id", "unit"),
    "area": ("status", "area_id", "area"),
    "channel": ("channel", "value", "channel"),
    "type": ("type", "value", "report_type"),
}


def area_category_counts(scope: Scope, filters: Filters) -> dict[tuple[int, int], int]:
    """Complaints received in the period per (kelurahan, category): one query from which
    the category and kelurahan breakdowns and the issues per kelurahan are all summed."""
    rows = (
        rollup_rows(scope, filters, ["status"], per_area=True)
        .values_list("area_id", "category_id")
        .annotate(n=Sum("n"))
    )
    return {(area, category): n for area, category, n in rows if n}


def breakdown(
    scope: Scope,
    filters: Filters,
    group: str,
    labels: Labels,
    counts: dict[tuple[int, int], int] | None = None,
) -> list[Figure]:
    """Complaints received in the period, grouped; largest first. The category and
    kelurahan groups are summed from ``area_category_counts`` when it is given."""
    dim, column, param = BREAKDOWNS[group]
    if counts is not None and group in ("category", "area"):
        summed: dict[int, int] = defaultdict(int)
        for (area, category), n in counts.items():
            summed[category if group == "category" else area] += n
        rows: Any = [{column: key, "n": n} for key, n in summed.items() if n]
    else:
        per_area = group == "area"
        rows = (
            rollup_rows(scope, filters, [dim], per_area=per_area)
            .values(column)
            .annotate(n=Sum("n"))
        )
    out = []
    for row in rows:
        key, n = row[column], row["n"]
        if not n:
            continue
        if group == "status":
            label, value = str(ComplaintStatus(key).label), key
        elif group == "channel":
            label, value = str(Channel(key).label) if key in Channel.values else key, key
        elif group == "type":
            label, value = str(ReportType(key).label) if key in ReportType.values else key, key
        elif group == "category":
            label = labels.category(key)
            known = labels.categories.get(key)
            value = known.code if known else ""
        elif group == "unit":
            label, value = labels.unit(key), key or ""
        else:
            label, value = labels.area(key), key or ""
        link = inbox_url(filters.inbox_params(**{param: value})) if value else ""
        out.append(Figure(key=key, label=label, n=n, link=link))
    out.sort(key=lambda f: (-f.n, f.label))
    return out


def total(scope: Scope, filters: Filters, by_status: list[Figure] | None = None) -> Figure:
    """All complaints received in the period (the sum of ``by_status`` when given)."""
    if by_status is not None:
        n = sum(figure.n for figure in by_status)
    else:
        n = rollup_rows(scope, filters, ["status"]).aggregate(n=Sum("n"))["n"] or 0
    return Figure(
        key="total", label=_("Laporan diterima"), n=n, link=inbox_url(filters.inbox_params())
    )


@dataclass
class Durations:
    """Median and 90th percentile (hours) of one milestone, from the hourly histogram."""

    count: int
    median: float | None
    p90: float | None


def _percentile(histogram: dict[int, int], fraction: float) -> float | None:
    count = sum(histogram.values())
    if not count:
        return None
    target = fraction * count
    seen = 0
    for index in sorted(histogram):
        n = histogram[index]
        if seen + n >= target:
            low, high = rollups.bucket_bounds(index)
            if high is None:
                return low
            return low + (high - low) * ((target - seen) / n)
        seen += n
    return None  # pragma: no cover - target <= count


def durations(scope: Scope, filters: Filters) -> dict[str, dict[int | None, Durations]]:
    """Per milestone (``dur_verifikasi``, ...): overall (key None) and per unit."""
    rows = (
        rollup_rows(scope, filters, list(rollups.MILESTONES), by_area=False)
        .values("dim", "unit_id", "value")
        .annotate(n=Sum("n"))
    )
    hist: dict[str, dict[int | None, dict[int, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for row in rows:
        bucket = int(row["value"])
        hist[row["dim"]][None][bucket] += row["n"]
        hist[row["dim"]][row["unit_id"]][bucket] += row["n"]
    return {
        dim: {
            unit: Durations(
                count=sum(h.values()), median=_percentile(h, 0.5), p90=_percentile(h, 0.9)
            )
            for unit, h in hist[dim].items()
        }
        for dim in rollups.MILESTONES
    }


@dataclass
class Compliance:
    on_time: int
    late: int

    @property
    def finished(self) -> int:
        return self.on_time + self.late

    @property
    def percent(self) -> float | None:
        return 100 * self.on_time / self.finished if self.finished else None


def sla_compliance(scope: Scope, filters: Filters) -> dict[str, dict[int | None, Compliance]]:
    """Per staff stage (verifikasi, tindak_lanjut_awal, penyelesaian): stages finished by
    their deadline, overall (key None) and per unit that held the stage."""
    dims = [f"sla_{stage}" for stage in rollups.SLA_STAGES]
    rows = rollup_rows(scope, filters, dims).values("dim", "unit_id", "value").annotate(n=Sum("n"))
    out: dict[str, dict[int | None, Compliance]] = {
        str(stage): defaultdict(lambda: Compliance(0, 0)) for stage in rollups.SLA_STAGES
    }
    for row in rows:
        stage = row["dim"].removeprefix("sla_")
        for unit in (None, row["unit_id"]):
            item = out[stage][unit]
            if row["value"] == rollups.ON_TIME:
                item.on_time += row["n"]
            else:
                item.late += row["n"]
    return {stage: dict(by_unit) for stage, by_unit in out.items()}  # plain: it is cached


@dataclass
class Satisfaction:
    count: int
    total: int

    @property
    def average(self) -> float | None:
        return self.total / self.count if self.count else None


def satisfaction(scope: Scope, filters: Filters) -> dict[int | None, Satisfaction]:
    """Citizens' ratings (1–5) of complaints submitted in the period; overall and per unit."""
    rows = rollup_rows(scope, filters, ["rating"]).values("unit_id", "value").annotate(n=Sum("n"))
    out: dict[int | None, Satisfaction] = defaultdict(lambda: Satisfaction(0, 0))
    for row in rows:
        for unit in (None, row["unit_id"]):
            out[unit].count += row["n"]
            out[unit].total += row["n"] * int(row["value"])
    return dict(out)  # plain: the dashboard is cached


# --------------------------------------------------------------------------- direct reads


@dataclass
class BacklogRow:
    unit_id: int
    label: str
    by_stage: dict[str, tuple[int, int, str, str]]  # stage -> (open, overdue, links...)
    open: int
    overdue: int
    link_open: str
    link_overdue: str

    @property
    def cells(self) -> list[tuple[int, int, str, str]]:
        """(open, overdue, link, overdue link) per stage of ``BACKLOG_STAGES``."""
        return [self.by_stage.get(str(stage), (0, 0, "", "")) for stage in BACKLOG_STAGES]


BACKLOG_STAGES = (
    Stage.VERIFIKASI,
    Stage.TINDAK_LANJUT_AWAL,
    Stage.PENYELESAIAN,
    Stage.MENUNGGU_WARGA,
    Stage.TANGGAPAN_WARGA,
    Stage.PERENCANAAN,
)


def backlog(scope: Scope, filters: Filters, labels: Labels) -> list[BacklogRow]:
    """Open complaints now, per unit and stage, and how many are past a staff deadline
    (whatever month they came in: the backlog is today's)."""
    now = timezone.now()
    rows = (
        _complaints(scope, filters)
        .filter(status__in=sorted(OPEN_STATUSES))
        .values("unit_id", "stage")
        # Counting a column of the partial index of open complaints (``stage`` is never
        # null) keeps this an index-only scan.
        .annotate(
            n=Count("stage"),
            late=Count("stage", filter=Q(stage__in=sorted(STAFF_STAGES), due_at__lt=now)),
        )
    )
    units: dict[int, BacklogRow] = {}
    for row in rows:
        unit_id = row["unit_id"] or 0
        item = units.get(unit_id)
        if item is None:
            base = filters.inbox_params(period=False, unit=unit_id or None)
            item = units[unit_id] = BacklogRow(
                unit_id=unit_id,
                label=labels.unit(unit_id) if unit_id else _("Verifikator (belum didisposisikan)"),
                by_stage={},
                open=0,
                overdue=0,
                link_open=inbox_url({**base, "status": "terbuka"}) if unit_id else "",
                link_overdue=inbox_url({**base, "due": "lewat"}) if unit_id else "",
            )
        stage = row["stage"] or ""
        base = filters.inbox_params(period=False, unit=unit_id or None)
        link = inbox_url({**base, "status": "terbuka", "stage": stage}) if unit_id else ""
        late_link = inbox_url({**base, "stage": stage, "due": "lewat"}) if unit_id else ""
        previous = item.by_stage.get(stage, (0, 0, link, late_link))
        item.by_stage[stage] = (previous[0] + row["n"], previous[1] + row["late"], link, late_link)
        item.open += row["n"]
        item.overdue += row["late"]
    return sorted(units.values(), key=lambda r: (-r.overdue, -r.open, r.label))


@dataclass
class TapdSummary:
    flagged: int = 0
    pending: int = 0
    flagged_late: int = 0
    decisions: dict[str, int] = field(default_factory=dict)
    planned_by_year: dict[int, int] = field(default_factory=dict)


def tapd_pipeline(scope: Scope, filters: Filters) -> TapdSummary:
    """Complaints flagged for planning and budget in the period, TAPD's decisions and the
    budget years of the planned ones."""
    start, end = filters.bounds()
    items = PlanningItem.objects.filter(
        complaint__in=_complaints(scope, filters), flagged_at__gte=start, flagged_at__lt=end
    )
    summary = TapdSummary()
    for row in items.values("decision", "budget_year", "flagged_on_time").annotate(n=Count("id")):
        n = row["n"]
        summary.flagged += n
        if not row["flagged_on_time"]:
            summary.flagged_late += n
        if not row["decision"]:
            summary.pending += n
            continue
        summary.decisions[row["decision"]] = summary.decisions.get(row["decision"], 0) + n
        if row["decision"] == TapdDecision.SCHEDULED and row["budget_year"]:
            year = row["budget_year"]
            summary.planned_by_year[year] = summary.planned_by_year.get(year, 0) + n
    return summary


@dataclass
class UnitIkmRow:
    unit_id: int
    label: str
    respondents: int
    index: Decimal
    grade: str
    grade_label: str


def ikm_by_unit(scope: Scope, filters: Filters, labels: Labels) -> list[UnitIkmRow]:
    """The IKM (PermenPANRB 14/2017) of each unit from the responses in the period, with the
    default equal weights or the unit's own (``surveys.selectors.unit_weights``)."""
    from aduan.surveys.selectors import unit_weights

    start, end = filters.bounds()
    qs = IkmResponse.objects.filter(
        jurisdiction_id=scope.jurisdiction.pk, created_at__gte=start, created_at__lt=end
    )
    if scope.units is not None:
        qs = qs.filter(unit_id__in=scope.units)
    if filters.unit:
        qs = qs.filter(unit_id=filters.unit)
    rows = qs.values("unit_id").annotate(
        respondents=Count("id"), **{code: Sum(code) for code in ikm.ELEMENT_CODES}
    )
    out = []
    for row in rows:
        count = Decimal(row["respondents"])
        nrr = {code: Decimal(row[code]) / count for code in ikm.ELEMENT_CODES}
        unit = labels.units.get(row["unit_id"])
        weighted = ikm.weighted_nrr(nrr, unit_weights(unit) if unit else None)
        index = ikm.index_value(weighted)
        letter, label = ikm.grade(index)
        out.append(
            UnitIkmRow(
                unit_id=row["unit_id"],
                label=labels.unit(row["unit_id"]),
                respondents=row["respondents"],
                index=index,
                grade=letter,
                grade_label=label,
            )
        )
    out.sort(key=lambda r: (-r.index, r.label))
    return out


#: Timeline entries that count as an officer's work.
WORK_KINDS = ("processing", "follow_up", "forwarded", "info_requested", "note", "tapd_flagged")


@dataclass
class OfficerRow:
    user: User
    role: str
    by_kind: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def officer_workload(unit: Unit, filters: Filters) -> list[OfficerRow]:
    """What each member of the unit did in the period (timeline entries they wrote)."""
    memberships = list(
        Membership.objects.filter(unit=unit).select_related("user").order_by("user__username")
    )
    start, end = filters.bounds()
    rows = (
        ComplaintEvent.objects.filter(
            actor_id__in=[m.user_id for m in memberships],
            created_at__gte=start,
            created_at__lt=end,
            kind__in=WORK_KINDS,
            complaint__jurisdiction_id=unit.jurisdiction_id,
        )
        .values("actor_id", "kind")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows:
        counts[row["actor_id"]][row["kind"]] = row["n"]
    return [
        OfficerRow(user=m.user, role=m.get_role_display(), by_kind=counts.get(m.user_id, {}))
        for m in memberships
    ]


@dataclass
class AreaIssues:
    area: Figure
    top: list[Figure]


def top_issues_by_area(
    scope: Scope,
    filters: Filters,
    labels: Labels,
    *,
    areas: int = 10,
    per_area: int = 3,
    counts: dict[tuple[int, int], int] | None = None,
) -> list[AreaIssues]:
    """The kelurahan with the most complaints, each with its most frequent categories."""
    if counts is None:
        counts = area_category_counts(scope, filters)
    grouped: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (area_id, category_id), n in counts.items():
        grouped[area_id].append((category_id, n))
    out = []
    for area_id, items in grouped.items():
        if not area_id:
            continue
        n = sum(count for _c, count in items)
        area = Figure(
            area_id, labels.area(area_id), n, inbox_url(filters.inbox_params(area=area_id))
        )
        top = []
        ranked = sorted(items, key=lambda i: (-i[1], labels.category(i[0])))[:per_area]
        for category_id, count in ranked:
            category = labels.categories.get(category_id)
            link = (
                inbox_url(filters.inbox_params(area=area_id, category=category.code))
                if category and filters.category is None
                else ""
            )
            top.append(Figure(category_id, labels.category(category_id), count, link))
        out.append(AreaIssues(area=area, top=top))
    out.sort(key=lambda a: (-a.area.n, a.area.label))
    return out[:areas]
