"""Everything one dashboard shows, gathered once for the page and the PDF reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from aduan.complaints.choices import ComplaintStatus, Stage, TapdDecision
from aduan.organisation.models import Unit
from aduan.replies.selectors import QualityRow, reply_quality_by_unit
from aduan.reports import charts, rollups
from aduan.reports import selectors as sel
from aduan.reports.selectors import add_months

MILESTONE_LABELS = {
    "dur_verifikasi": gettext_lazy("Sampai terverifikasi"),
    "dur_tindak_lanjut_awal": gettext_lazy("Sampai tindak lanjut pertama"),
    "dur_penyelesaian": gettext_lazy("Sampai selesai"),
}
STAGE_LABELS = {str(stage): str(Stage(stage).label) for stage in rollups.SLA_STAGES}


def hours_label(hours: float | None) -> str:
    if hours is None:
        return "–"
    if hours < 48:
        return _("%(n)s jam") % {"n": f"{hours:.0f}"}
    return _("%(n)s hari") % {"n": f"{hours / 24:.1f}".replace(".", ",")}


@dataclass
class Dashboard:
    scope: sel.Scope
    filters: sel.Filters
    labels: sel.Labels | None  # None once cached (see __getstate__)
    total: sel.Figure
    months: list[sel.MonthPoint]
    breakdowns: dict[str, list[sel.Figure]]
    backlog: list[sel.BacklogRow]
    durations: dict[str, dict[int | None, sel.Durations]]
    sla: dict[str, dict[int | None, sel.Compliance]]
    satisfaction: dict[int | None, sel.Satisfaction]
    ikm: list[sel.UnitIkmRow]
    tapd: sel.TapdSummary
    issues: list[sel.AreaIssues]
    replies: dict[int | None, QualityRow] = field(default_factory=dict)
    officers: list[sel.OfficerRow] | None = None
    charts: dict[str, charts.Chart] = field(default_factory=dict)
    #: When the figures were read (a cached board shows its age).
    built_at: datetime = field(default_factory=timezone.now)

    def __getstate__(self) -> dict[str, Any]:
        # Cached without the labels' model instances (read only while building): a third
        # of the pickle and most of the time to load it.
        return {**self.__dict__, "labels": None}

    # ---- tables the templates and the PDF print

    @property
    def backlog_totals(self) -> tuple[int, int]:
        return sum(r.open for r in self.backlog), sum(r.overdue for r in self.backlog)

    @property
    def duration_rows(self) -> list[dict[str, Any]]:
        rows = []
        for dim, label in MILESTONE_LABELS.items():
            overall = self.durations[dim].get(None)
            rows.append(
                {
                    "label": str(label),
                    "count": overall.count if overall else 0,
                    "median": hours_label(overall.median if overall else None),
                    "p90": hours_label(overall.p90 if overall else None),
                }
            )
        return rows

    @property
    def sla_rows(self) -> list[dict[str, Any]]:
        rows = []
        for stage, label in STAGE_LABELS.items():
            overall = self.sla[stage].get(None) or sel.Compliance(0, 0)
            rows.append(
                {
                    "label": str(label),
                    "on_time": overall.on_time,
                    "late": overall.late,
                    "percent": overall.percent,
                }
            )
        return rows

    @property
    def unit_rows(self) -> list[dict[str, Any]]:
        """Per unit: received, SLA compliance of its stages, median resolution, rating."""
        ikm_by_unit = {row.unit_id: row for row in self.ikm}
        rows = []
        for figure in self.breakdowns["unit"]:
            unit_id = figure.key
            finished = [self.sla[stage].get(unit_id) for stage in STAGE_LABELS]
            on_time = sum(c.on_time for c in finished if c)
            done = sum(c.finished for c in finished if c)
            resolution = self.durations["dur_penyelesaian"].get(unit_id)
            rating = self.satisfaction.get(unit_id)
            rows.append(
                {
                    "figure": figure,
                    "sla": 100 * on_time / done if done else None,
                    "sla_n": done,
                    "resolution": hours_label(resolution.median if resolution else None),
                    "rating": rating.average if rating else None,
                    "ratings": rating.count if rating else 0,
                    "ikm": ikm_by_unit.get(unit_id),
                    "replies": self.replies.get(unit_id),
                }
            )
        return rows

    @property
    def tapd_rows(self) -> list[tuple[str, int]]:
        return [
            (str(TapdDecision(code).label), self.tapd.decisions.get(code, 0))
            for code in TapdDecision.values
        ]

    @property
    def backlog_stages(self) -> list[str]:
        return [str(Stage(stage).label) for stage in sel.BACKLOG_STAGES]

    @property
    def sla_percent(self) -> float | None:
        rows = self.sla_rows
        done = sum(r["on_time"] + r["late"] for r in rows)
        return 100 * sum(r["on_time"] for r in rows) / done if done else None

    @property
    def finished(self) -> sel.Figure:
        for figure in self.breakdowns["status"]:
            if figure.key == "selesai":
                return figure
        return sel.Figure("selesai", str(ComplaintStatus.SELESAI.label), 0)

    @property
    def overall_rating(self) -> sel.Satisfaction:
        return self.satisfaction.get(None) or sel.Satisfaction(0, 0)


def reply_summary(scope: sel.Scope, filters: sel.Filters) -> dict[int | None, QualityRow]:
    """Per unit (and ``None``: all units in scope): replies, mean score, share acceptable, over
    the dashboard's months, from the replies app's reply-quality figures (two queries)."""
    unit_ids = scope.units
    if filters.unit is not None:
        unit_ids = (
            frozenset({filters.unit}) & unit_ids
            if unit_ids is not None
            else frozenset({filters.unit})
        )
    return reply_quality_by_unit(
        scope.jurisdiction,
        filters.start,
        add_months(filters.end, 1) - timedelta(days=1),
        unit_ids=unit_ids,
    )


def build(scope: sel.Scope, filters: sel.Filters, *, unit: Unit | None = None,
          officers: bool = False) -> Dashboard:  # fmt: skip
    """Read every panel (a fixed number of queries) and lay out the charts."""
    labels = sel.Labels.load(scope.jurisdiction)
    matrix = sel.area_category_counts(scope, filters)
    breakdowns = {
        group: sel.breakdown(scope, filters, group, labels, matrix) for group in sel.BREAKDOWNS
    }
    board = Dashboard(
        scope=scope,
        filters=filters,
        labels=labels,
        total=sel.total(scope, filters, breakdowns["status"]),
        months=sel.volume_by_month(scope, filters),
        breakdowns=breakdowns,
        backlog=sel.backlog(scope, filters, labels),
        durations=sel.durations(scope, filters),
        sla=sel.sla_compliance(scope, filters),
        satisfaction=sel.satisfaction(scope, filters),
        ikm=sel.ikm_by_unit(scope, filters, labels),
        tapd=sel.tapd_pipeline(scope, filters),
        issues=sel.top_issues_by_area(scope, filters, labels, counts=matrix),
        replies=reply_summary(scope, filters),
        officers=sel.officer_workload(unit, filters) if unit is not None and officers else None,
    )
    board.charts = _charts(board)
    return board


def cached_build(scope: sel.Scope, filters: sel.Filters, *, unit: Unit | None = None,
                 officers: bool = False) -> Dashboard:  # fmt: skip
    """``build``, kept in the shared cache for ``ADUAN_DASHBOARD_CACHE_SECONDS`` per scope,
    filters and language: the leaders who open the same dashboard in the same minute (and
    its PDF after it) share one reading of the figures. 0 turns the cache off."""
    seconds = settings.ADUAN_DASHBOARD_CACHE_SECONDS
    if seconds <= 0:
        return build(scope, filters, unit=unit, officers=officers)
    units = ",".join(map(str, sorted(scope.units))) if scope.units is not None else "*"
    key = ":".join(
        str(part)
        for part in (
            "aduan:dashboard",
            scope.jurisdiction.pk,
            units,
            filters.start,
            filters.end,
            filters.unit or "",
            filters.category.pk if filters.category is not None else "",
            filters.area or "",
            unit.pk if unit is not None else "",
            int(officers),
            get_language() or "",
        )
    )
    board = cache.get(key)
    if isinstance(board, Dashboard):
        return board
    board = build(scope, filters, unit=unit, officers=officers)
    cache.set(key, board, seconds)
    return board


def _bars(figures: list[sel.Figure], limit: int = 12) -> list[charts.Bar]:
    return [charts.Bar(f.label, f.n, f.link) for f in figures[:limit]]


def _charts(board: Dashboard) -> dict[str, charts.Chart]:
    b = board.breakdowns
    late, other = _("Lewat batas waktu"), _("Terbuka lainnya")
    on_time, late_stage = _("Tepat waktu"), _("Terlambat")
    out = {
        "months": charts.months(
            _("Laporan diterima per bulan"),
            [p.label for p in board.months],
            [p.n for p in board.months],
            [p.previous for p in board.months],
            links=[p.link for p in board.months],
        ),
        "category": charts.hbars(_("Laporan per kategori"), _bars(b["category"])),
        "unit": charts.hbars(_("Laporan per unit"), _bars(b["unit"])),
        "area": charts.hbars(_("Laporan per kelurahan"), _bars(b["area"], 27)),
        "channel": charts.hbars(
            _("Laporan per kanal"), _bars(b["channel"]), color=charts.PALETTE[1]
        ),
        "type": charts.hbars(_("Laporan per jenis"), _bars(b["type"]), color=charts.PALETTE[1]),
        "status": charts.hbars(
            _("Laporan per status"), _bars(b["status"]), color=charts.PALETTE[4]
        ),
    }
    out["backlog"] = charts.stacked(
        _("Laporan terbuka per unit: lewat batas waktu dan masih dalam waktu"),
        [
            (
                row.label,
                [
                    charts.Segment(late, row.overdue, row.link_overdue),
                    charts.Segment(other, row.open - row.overdue, row.link_open),
                ],
            )
            for row in board.backlog[:15]
        ],
        [late, other],
        colors=(charts.PALETTE[6], charts.PALETTE[1]),
    )
    out["sla"] = charts.stacked(
        _("Kepatuhan batas waktu per tahap"),
        [
            (
                row["label"],
                [
                    charts.Segment(on_time, row["on_time"]),
                    charts.Segment(late_stage, row["late"]),
                ],
            )
            for row in board.sla_rows
        ],
        [on_time, late_stage],
        colors=(charts.PALETTE[5], charts.PALETTE[6]),
    )
    return out
