"""Small charts drawn on the server: horizontal bars, stacked bars, months with last year.

A chart is laid out once as a list of shapes (``Chart``), then written either as SVG for
the pages (with a title and description for screen readers, every bar a link to the list
it counts) or as a reportlab ``Drawing`` for the PDF reports. No JavaScript, no fonts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import count

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

PALETTE = ("#0b6e4f", "#175cd3", "#b45309", "#c11574", "#6941c6", "#067647", "#b42318")
INK, MUTED, LINE = "#1d2430", "#5b6473", "#dde1e7"
FONT = 12


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    link: str = ""
    tip: str = ""


@dataclass
class Text:
    x: float
    y: float  # baseline
    text: str
    anchor: str = "start"  # start | middle | end
    size: float = FONT
    fill: str = INK


@dataclass
class Polyline:
    points: list[tuple[float, float]]
    stroke: str
    width: float = 2
    dash: bool = False


@dataclass
class Chart:
    title: str
    description: str
    width: float
    height: float
    shapes: list[Rect | Text | Polyline] = field(default_factory=list)

    def svg(self) -> SafeString:
        return to_svg(self)


@dataclass
class Bar:
    label: str
    value: float
    link: str = ""


@dataclass
class Segment:
    name: str
    value: float
    link: str = ""


def _fmt(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else f"{value:.1f}"


def _truncate(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def hbars(
    title: str, bars: Sequence[Bar], *, width: float = 640, color: str = PALETTE[0], unit: str = ""
) -> Chart:
    """One horizontal bar per item, its value at its end."""
    label_w, row_h, top = min(220.0, width * 0.38), 22.0, 8.0
    height = top + row_h * max(len(bars), 1) + 8
    chart = Chart(title, _describe(title, [(b.label, b.value) for b in bars], unit), width, height)
    biggest = max((b.value for b in bars), default=0) or 1
    span = width - label_w - 60
    for i, bar in enumerate(bars):
        y = top + i * row_h
        w = max(span * bar.value / biggest, 1 if bar.value else 0)
        chart.shapes.append(Text(label_w - 6, y + 15, _truncate(bar.label, 30), anchor="end"))
        chart.shapes.append(
            Rect(label_w, y + 3, w, row_h - 6, color, bar.link, f"{bar.label}: {_fmt(bar.value)}")
        )
        chart.shapes.append(Text(label_w + w + 4, y + 15, _fmt(bar.value) + unit, fill=MUTED))
    if not bars:
        chart.shapes.append(Text(width / 2, top + 15, _("Belum ada data"), "middle", fill=MUTED))
    return chart


def stacked(
    title: str,
    rows: Sequence[tuple[str, Sequence[Segment]]],
    names: Sequence[str],
    *,
    width: float = 640,
    colors: Sequence[str] = PALETTE,
) -> Chart:
    """One horizontal bar per row, split into segments (same order and colours in every
    row), with a legend."""
    label_w, row_h, legend_h = min(220.0, width * 0.38), 22.0, 22.0
    height = legend_h + row_h * max(len(rows), 1) + 8
    pairs = [(label, sum(s.value for s in segments)) for label, segments in rows]
    chart = Chart(title, _describe(title, pairs, ""), width, height)
    x = 0.0
    for i, name in enumerate(names):
        chart.shapes.append(Rect(x, 5, 12, 12, colors[i % len(colors)]))
        chart.shapes.append(Text(x + 16, 15, name, size=11))
        x += 24 + 6.5 * len(name)
    biggest = max((total for _label, total in pairs), default=0) or 1
    span = width - label_w - 60
    for i, (label, segments) in enumerate(rows):
        y = legend_h + i * row_h
        chart.shapes.append(Text(label_w - 6, y + 15, _truncate(label, 30), anchor="end"))
        x = label_w
        for j, segment in enumerate(segments):
            w = span * segment.value / biggest
            if w > 0:
                chart.shapes.append(
                    Rect(
                        x,
                        y + 3,
                        w,
                        row_h - 6,
                        colors[j % len(colors)],
                        segment.link,
                        f"{label} · {segment.name}: {_fmt(segment.value)}",
                    )
                )
            x += w
        chart.shapes.append(Text(x + 4, y + 15, _fmt(pairs[i][1]), fill=MUTED))
    return chart


def months(
    title: str,
    labels: Sequence[str],
    current: Sequence[float],
    previous: Sequence[float] | None = None,
    *,
    links: Sequence[str] = (),
    width: float = 640,
    height: float = 220,
    names: tuple[str, str] | None = None,
) -> Chart:
    """Bars per month, and the same months a year earlier as a dashed line."""
    names = names or (_("Periode ini"), _("Tahun sebelumnya"))
    left, bottom, top = 40.0, 34.0, 26.0
    plot_w, plot_h = width - left - 8, height - top - bottom
    values = list(current) + list(previous or [])
    biggest = max(values, default=0) or 1
    step = plot_w / max(len(labels), 1)
    pairs = [(label, value) for label, value in zip(labels, current, strict=True)]
    chart = Chart(title, _describe(title, pairs, ""), width, height)
    chart.shapes.append(Rect(0, 6, 12, 12, PALETTE[0]))
    chart.shapes.append(Text(16, 16, names[0], size=11))
    if previous is not None:
        chart.shapes.append(Polyline([(120, 12), (140, 12)], PALETTE[2], dash=True))
        chart.shapes.append(Text(144, 16, names[1], size=11))
    base = top + plot_h
    for tick in (0, 0.5, 1):
        y = base - plot_h * tick
        chart.shapes.append(Polyline([(left, y), (width - 8, y)], LINE, width=1))
        chart.shapes.append(Text(left - 4, y + 4, _fmt(round(biggest * tick)), "end", 10, MUTED))
    every = max(1, len(labels) // 12 + (1 if len(labels) > 12 else 0))
    for i, (label, value) in enumerate(pairs):
        h = plot_h * value / biggest
        x = left + i * step + step * 0.15
        link = links[i] if i < len(links) else ""
        chart.shapes.append(
            Rect(x, base - h, step * 0.7, h, PALETTE[0], link, f"{label}: {_fmt(value)}")
        )
        if i % every == 0:
            chart.shapes.append(Text(x + step * 0.35, base + 14, label, "middle", 10, MUTED))
    if previous is not None and len(previous) == len(labels):
        points = [
            (left + i * step + step / 2, base - plot_h * value / biggest)
            for i, value in enumerate(previous)
        ]
        chart.shapes.append(Polyline(points, PALETTE[2], dash=True))
    return chart


def _describe(title: str, pairs: Sequence[tuple[str, float]], unit: str) -> str:
    if not pairs:
        return _("%(title)s: belum ada data.") % {"title": title}
    items = "; ".join(f"{label}: {_fmt(value)}{unit}" for label, value in pairs[:12])
    more = _("; dan %(n)s lainnya") % {"n": len(pairs) - 12} if len(pairs) > 12 else ""
    return f"{title}. {items}{more}."


# --------------------------------------------------------------------------- writers

_ids = count(1)


def to_svg(chart: Chart) -> SafeString:
    n = next(_ids)
    parts = [
        f'<svg class="chart" viewBox="0 0 {chart.width:.0f} {chart.height:.0f}" '
        f'width="100%" role="img" aria-labelledby="ct{n} cd{n}" '
        f'font-family="system-ui,sans-serif" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="ct{n}">{escape(chart.title)}</title>',
        f'<desc id="cd{n}">{escape(chart.description)}</desc>',
    ]
    for shape in chart.shapes:
        if isinstance(shape, Rect):
            rect = (
                f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.w:.1f}" '
                f'height="{shape.h:.1f}" fill="{shape.fill}" rx="2">'
                + (f"<title>{escape(shape.tip)}</title>" if shape.tip else "")
                + "</rect>"
            )
            if shape.link:
                rect = f'<a href="{escape(shape.link)}">{rect}</a>'
            parts.append(rect)
        elif isinstance(shape, Text):
            parts.append(
                f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size:g}" '
                f'fill="{shape.fill}" text-anchor="{shape.anchor}">{escape(shape.text)}</text>'
            )
        else:
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape.points)
            dash = ' stroke-dasharray="6 4"' if shape.dash else ""
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{shape.stroke}" '
                f'stroke-width="{shape.width:g}"{dash}/>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def to_drawing(chart: Chart, *, scale: float = 0.72):
    """The chart as a reportlab Drawing (y axis flipped), ``scale`` points per pixel."""
    from reportlab.graphics.shapes import Drawing, Group, PolyLine, String
    from reportlab.graphics.shapes import Rect as RlRect
    from reportlab.lib.colors import HexColor

    height = chart.height
    group = Group()
    for shape in chart.shapes:
        if isinstance(shape, Rect):
            group.add(
                RlRect(
                    shape.x,
                    height - shape.y - shape.h,
                    shape.w,
                    shape.h,
                    fillColor=HexColor(shape.fill),
                    strokeColor=None,
                )
            )
        elif isinstance(shape, Text):
            group.add(
                String(
                    shape.x,
                    height - shape.y,
                    shape.text,
                    fontName="Helvetica",
                    fontSize=shape.size,
                    fillColor=HexColor(shape.fill),
                    textAnchor=shape.anchor,
                )
            )
        else:
            flat: list[float] = []
            for x, y in shape.points:
                flat.extend([x, height - y])
            group.add(
                PolyLine(
                    flat,
                    strokeColor=HexColor(shape.stroke),
                    strokeWidth=shape.width,
                    strokeDashArray=[6, 4] if shape.dash else None,
                )
            )
    group.scale(scale, scale)
    drawing = Drawing(chart.width * scale, chart.height * scale)
    drawing.add(group)
    return drawing
