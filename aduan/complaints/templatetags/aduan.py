"""Template helpers of the complaint pages."""

from __future__ import annotations

import html
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
from aduan.lib.forms import form_fields_html
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
    urgent = f' <span class="badge overdue">{_esc(gettext("MENDESAK"))}</span>'
    now = timezone.now()
    tz = timezone.get_current_timezone()

    def when(value: datetime, with_year: bool) -> str:
        local = value.astimezone(tz)
        if with_year:
            return f"{local.day} {months[local.month - 1]} {local.year}"
        return f"{local.day} {months[local.month - 1]} {local:%H:%M}"

    def row(c: Complaint) -> str:
        badges = ""
        if c.privacy != "biasa":
            privacy = _esc(c.privacy)
            badges += f' <span class="badge {privacy}">{privacy}</span>'
        if c.needs_tapd:
            badges += ' <span class="badge">TAPD</span>'
        closed = c.is_closed
        if c.is_urgent and not closed:
            badges += urgent
        stage_label = _esc(c.stage_label)  # type: ignore[attr-defined]
        if c.due_at and not closed:
            overdue = c.stage in STAFF_STAGES and c.due_at < now
            left = time_left(c)
            due = (
                f'<span class="badge {"overdue" if overdue else ""}" title="{stage_label}">'
                f"{_esc(when(c.due_at, with_year=False))}</span><br>"
                f'<small class="help">{_esc(left) if left else stage_label}</small>'
            )
        elif c.stage == "perencanaan":
            due = '<span class="badge">TAPD</span>'
        else:
            due = "—"
        code = _esc(c.tracking_code)
        return (
            f'<tr>\n  <td class="nowrap"><a href="{_esc(detail[0] + c.tracking_code + detail[1])}">'
            f"{code}</a></td>\n  <td>{_esc(c.summary)}{badges}</td>\n"
            f"  <td>{_esc((c.category.name if c.category else '') or '—')}</td>\n"
            f"  <td>{_esc((c.area.name if c.area else '') or '—')}</td>\n"
            f"  <td>{_esc((c.unit.short_name if c.unit else '') or '—')}</td>\n"
            f'  <td><span class="badge {_esc(c.status)}">{_esc(c.status_label)}</span></td>\n'  # type: ignore[attr-defined]
            f"  <td>{_esc(when(c.submitted_at, with_year=True))}</td>\n  <td>{due}</td>\n</tr>"
        )

    # The rows' text is escaped as ``format_html`` would (``_esc``), without its per-argument
    # lazy-string checks: 50 rows of 11 values each.
    return SafeString("\n".join(row(c) for c in rows))


def _esc(value: object) -> str:
    """``conditional_escape`` without the lazy-translation wrapper: safe strings as they
    are, anything else through ``html.escape`` (which is what ``escape`` does)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


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


@register.simple_tag
def form_fields(form: Any) -> SafeString:
    """The form's fields, each as ``_field.html`` renders it (``aduan.lib.forms``)."""
    return form_fields_html(form)
