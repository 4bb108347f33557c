"""Template helpers of the complaint pages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from aduan.complaints.choices import STAFF_STAGES
from aduan.complaints.models import Complaint
from aduan.lib.options import OptionList

register = template.Library()


def _span(delta: timedelta) -> str:
    minutes = int(abs(delta.total_seconds()) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours = rest // 60
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    if hours:
        return f"{hours} jam"
    return f"{max(minutes, 1)} menit"


@register.filter
def time_left(complaint: Complaint) -> str:
    """ "sisa 2 hari 3 jam" or "lewat 1 hari" for the complaint's running staff clock."""
    if complaint.due_at is None or complaint.stage not in STAFF_STAGES:
        return ""
    delta = complaint.due_at - timezone.now()
    return f"sisa {_span(delta)}" if delta.total_seconds() >= 0 else f"lewat {_span(delta)}"


def _months() -> list[str]:
    """Month abbreviations as the ``date`` filter's ``M`` gives them, in the active language."""
    return [str(MONTHS_3[m]).title() for m in range(1, 13)]


@register.simple_tag
def inbox_rows(rows: list[Complaint]) -> SafeString:
    """The inbox table's ``<tr>`` rows, the same markup as a template loop would give, built
    in Python: every inbox page shows 50 of them, and through the template engine (a
    ``{% url %}`` and two ``date`` filters a row) they were most of the page's time."""
    if not rows:
        return format_html('<tr><td colspan="8">{}</td></tr>', gettext("Tidak ada laporan."))
    months = _months()
    detail = reverse("complaints:detail", args=["KODE-0"]).split("KODE-0")
    urgent = format_html(' <span class="badge overdue">{}</span>', gettext("MENDESAK"))
    now = timezone.now()
    tz = timezone.get_current_timezone()

    def when(value: datetime, with_year: bool) -> str:
        local = value.astimezone(tz)
        if with_year:
            return f"{local.day} {months[local.month - 1]} {local.year}"
        return f"{local.day} {months[local.month - 1]} {local:%H:%M}"

    def row(c: Complaint) -> tuple[object, ...]:
        badges = SafeString("")
        if c.privacy != "biasa":
            badges += format_html(' <span class="badge {}">{}</span>', c.privacy, c.privacy)
        if c.needs_tapd:
            badges += SafeString(' <span class="badge">TAPD</span>')
        closed = c.is_closed
        if c.is_urgent and not closed:
            badges += urgent
        stage_label = c.stage_label  # type: ignore[attr-defined]
        if c.due_at and not closed:
            overdue = c.stage in STAFF_STAGES and c.due_at < now
            due = format_html(
                '<span class="badge {}" title="{}">{}</span><br><small class="help">{}</small>',
                "overdue" if overdue else "",
                stage_label,
                when(c.due_at, with_year=False),
                time_left(c) or stage_label,
            )
        elif c.stage == "perencanaan":
            due = SafeString('<span class="badge">TAPD</span>')
        else:
            due = SafeString("—")
        return (
            detail[0] + c.tracking_code + detail[1],
            c.tracking_code,
            c.summary,
            badges,
            (c.category.name if c.category else "") or "—",
            (c.area.name if c.area else "") or "—",
            (c.unit.short_name if c.unit else "") or "—",
            c.status,
            c.status_label,  # type: ignore[attr-defined]
            when(c.submitted_at, with_year=True),
            due,
        )

    return format_html_join(
        "\n",
        '<tr>\n  <td class="nowrap"><a href="{}">{}</a></td>\n  <td>{}{}</td>\n'
        "  <td>{}</td>\n  <td>{}</td>\n  <td>{}</td>\n"
        '  <td><span class="badge {}">{}</span></td>\n  <td>{}</td>\n  <td>{}</td>\n</tr>',
        (row(c) for c in rows),
    )


@register.simple_tag
def select_options(items: Iterable[Any], value: str, label: str, selected: object) -> SafeString:
    """``<option>`` elements for ``items`` (objects with the attributes ``value`` and
    ``label``, or (value, label) pairs when both are empty), the one equal to ``selected``
    marked: the inbox filters' lists of units, kelurahan and categories, in Python rather
    than a template loop per option. An ``OptionList`` (the cached reference lists) is
    rendered once and reused."""
    if isinstance(items, OptionList):
        return items.html(selected)
    chosen = "" if selected is None else str(selected)

    def pair(item: Any) -> tuple[str, object]:
        if not value:
            return str(item[0]), item[1]
        return str(getattr(item, value)), getattr(item, label)

    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((v, SafeString(" selected") if v == chosen else "", text) for v, text in map(pair, items)),
    )
