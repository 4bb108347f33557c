"""The monthly and annual PDF reports, for the mayor or for the Ombudsman's assessment.

Built from the same ``dashboard.build`` as the pages, so every figure in the PDF is the
figure on the dashboard for the same period. Pure Python (reportlab); the charts are the
dashboard's, drawn as reportlab graphics.
"""

from __future__ import annotations

import io

from django.utils import timezone, translation
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from aduan.reports import charts, dashboard
from aduan.reports import selectors as sel

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip

AUDIENCES = {
    "walikota": "Laporan kepada Wali Kota",
    "ombudsman": "Bahan penilaian kepatuhan pengelolaan pengaduan (Ombudsman RI)",
}


def period_label(filters: sel.Filters, kind: str) -> str:
    if kind == "bulanan":
        return f"{MONTHS_ID[filters.start.month - 1]} {filters.start.year}"
    if filters.start.year == filters.end.year:
        return f"Tahun {filters.start.year}"
    return f"{sel.month_label(filters.start)} – {sel.month_label(filters.end)}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%".replace(".", ",")


def _num(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _table(rows: list[list[str]], widths: list[float] | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 8.5),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf1")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dde1e7")),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _drawing(chart: charts.Chart):
    """The chart scaled to the text width of the page."""
    return charts.to_drawing(chart, scale=470 / chart.width)


def render(
    scope: sel.Scope, filters: sel.Filters, *, kind: str, audience: str = "walikota"
) -> bytes:
    """The report as PDF bytes (in Indonesian, whatever the page's language)."""
    with translation.override("id"):
        return _render(scope, filters, kind=kind, audience=audience)


def _render(scope: sel.Scope, filters: sel.Filters, *, kind: str, audience: str) -> bytes:
    board = dashboard.cached_build(scope, filters)
    trend_filters = (
        sel.Filters(start=sel.add_months(filters.start, -11), end=filters.end)
        if kind == "bulanan"
        else filters
    )
    trend = sel.volume_by_month(scope, trend_filters)
    styles = getSampleStyleSheet()
    h1, h2, body = styles["Title"], styles["Heading2"], styles["BodyText"]
    small = ParagraphStyle("small", parent=body, fontSize=8, textColor=colors.HexColor("#5b6473"))
    jurisdiction = scope.jurisdiction
    period = period_label(filters, kind)
    title = f"Laporan {'Bulanan' if kind == 'bulanan' else 'Tahunan'} Pengelolaan Pengaduan"
    story: list = [
        Paragraph(title, h1),
        Paragraph(f"{jurisdiction.name} · {period}", styles["Heading3"]),
        Paragraph(AUDIENCES.get(audience, AUDIENCES["walikota"]), body),
        Paragraph(
            f"Dibuat {timezone.localtime():%d-%m-%Y %H:%M} WIB dari data yang sama dengan "
            "dasbor pimpinan. Laporan dihitung menurut bulan diterimanya.",
            small,
        ),
        Spacer(1, 0.4 * cm),
    ]

    # ---- summary
    by_status = {f.key: f.n for f in board.breakdowns["status"]}
    open_now, overdue_now = board.backlog_totals
    sla_all = [r for r in board.sla_rows if r["on_time"] + r["late"]]
    on_time = sum(r["on_time"] for r in sla_all)
    finished = sum(r["on_time"] + r["late"] for r in sla_all)
    rating = board.overall_rating
    story += [
        Paragraph("Ringkasan", h2),
        _table(
            [
                ["Ukuran", "Nilai"],
                ["Laporan diterima", _num(board.total.n)],
                ["Selesai (dari laporan periode ini)", _num(by_status.get("selesai", 0))],
                ["Terbuka saat ini (semua periode)", _num(open_now)],
                ["Lewat batas waktu saat ini", _num(overdue_now)],
                ["Tahap selesai tepat waktu", _pct(100 * on_time / finished if finished else None)],
                [
                    "Rata-rata kepuasan pelapor (1–5)",
                    "–" if rating.average is None else f"{rating.average:.2f} ({rating.count})",
                ],
                ["Ditandai perlu perencanaan (TAPD)", _num(board.tapd.flagged)],
            ],
            [9 * cm, 4 * cm],
        ),
        Spacer(1, 0.4 * cm),
    ]

    trend_chart = charts.months(
        "Laporan diterima per bulan (12 bulan)" if kind == "bulanan" else "Laporan per bulan",
        [p.label for p in trend],
        [p.n for p in trend],
        [p.previous for p in trend],
        width=700,
    )
    story += [Paragraph(trend_chart.title, h2), _drawing(trend_chart)]

    # ---- SLA and durations
    story += [
        Paragraph("Kepatuhan batas waktu per tahap", h2),
        _table(
            [["Tahap", "Tepat waktu", "Terlambat", "Kepatuhan"]]
            + [
                [r["label"], _num(r["on_time"]), _num(r["late"]), _pct(r["percent"])]
                for r in board.sla_rows
            ],
            [7 * cm, 3 * cm, 3 * cm, 3 * cm],
        ),
        Spacer(1, 0.2 * cm),
        _table(
            [["Waktu sejak diterima", "Jumlah", "Median", "Persentil 90"]]
            + [[r["label"], _num(r["count"]), r["median"], r["p90"]] for r in board.duration_rows],
            [7 * cm, 3 * cm, 3 * cm, 3 * cm],
        ),
        Paragraph(
            "Median dan persentil 90 dihitung dari histogram per jam (perkiraan dalam "
            "rentang kelompok).",
            small,
        ),
    ]

    # ---- units
    unit_table = [["Unit", "Laporan", "Tepat waktu", "Median selesai", "Kepuasan", "IKM"]]
    for row in board.unit_rows:
        ikm_row = row["ikm"]
        unit_table.append(
            [
                row["figure"].label,
                _num(row["figure"].n),
                _pct(row["sla"]),
                row["resolution"],
                "–" if row["rating"] is None else f"{row['rating']:.2f}",
                "–" if ikm_row is None else f"{ikm_row.index} ({ikm_row.grade})",
            ]
        )
    story += [
        Paragraph("Kinerja per unit", h2),
        _table(unit_table, [5.2 * cm, 2 * cm, 2.4 * cm, 2.8 * cm, 2 * cm, 2.4 * cm]),
    ]
    category_chart = charts.hbars(
        "Laporan per kategori", dashboard._bars(board.breakdowns["category"]), width=700
    )
    story += [KeepTogether([Paragraph(category_chart.title, h2), _drawing(category_chart)])]

    # ---- top issues by kelurahan
    issues = [["Kelurahan", "Laporan", "Masalah terbanyak"]]
    for item in board.issues:
        issues.append(
            [
                item.area.label,
                _num(item.area.n),
                Paragraph(", ".join(f"{t.label} ({t.n})" for t in item.top), small),
            ]
        )
    story += [
        Paragraph("Masalah utama per kelurahan", h2),
        _table(issues, [4 * cm, 2 * cm, 10 * cm]),
    ]

    # ---- TAPD
    tapd_rows = [["Perencanaan & anggaran (TAPD)", "Jumlah"]]
    tapd_rows += [
        ["Ditandai unit", _num(board.tapd.flagged)],
        ["  di antaranya terlambat ditandai", _num(board.tapd.flagged_late)],
        ["Menunggu keputusan", _num(board.tapd.pending)],
    ]
    tapd_rows += [[label, _num(n)] for label, n in board.tapd_rows]
    tapd_rows += [
        [f"Direncanakan tahun anggaran {year}", _num(n)]
        for year, n in sorted(board.tapd.planned_by_year.items())
    ]
    story += [Paragraph("Hasil TAPD", h2), _table(tapd_rows, [10 * cm, 3 * cm])]

    # ---- IKM
    if board.ikm:
        story += [
            Paragraph("Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)", h2),
            _table(
                [["Unit", "Responden", "IKM", "Mutu"]]
                + [
                    [r.label, _num(r.respondents), str(r.index), f"{r.grade} ({r.grade_label})"]
                    for r in board.ikm
                ],
                [7 * cm, 3 * cm, 3 * cm, 4 * cm],
            ),
        ]
    if audience == "ombudsman":
        story += [
            Paragraph("Catatan untuk penilaian", h2),
            Paragraph(
                "Setiap laporan tercatat dengan linimasa yang tidak dapat diubah; batas waktu "
                "tiap tahap dihitung dalam hari kerja menurut kalender kerja pemerintah "
                "daerah. Identitas pelapor tidak dimuat dalam laporan ini.",
                body,
            ),
        ]

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=1.8 * cm,
        rightMargin=1.8 * cm,
        topMargin=1.6 * cm,
        bottomMargin=1.6 * cm,
        title=f"{title} · {jurisdiction.name} · {period}",
        author=jurisdiction.name,
        creator="Aduan",
    )
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _footer(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.setFillColor(colors.HexColor("#5b6473"))
    canvas.drawRightString(A4[0] - 1.8 * cm, 1 * cm, f"Halaman {doc.page}")
    canvas.restoreState()
