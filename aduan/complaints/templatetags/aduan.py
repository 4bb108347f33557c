"""Template helpers of the complaint pages."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from aduan.complaints.choices import CLOSED_STATUSES, STAFF_STAGES
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


def _date_formatter() -> Callable[..., str]:
    """The ``date`` filter's "j M Y H:i" in the active language and time zone, made once per
    page: ``year=False`` leaves the year out ("j M H:i"), ``time=False`` the time ("j M Y")."""
    months = [str(MONTHS_3[m]).title() for m in range(1, 13)]
    tz = timezone.get_current_timezone()

    def when(value: datetime, *, year: bool = True, time: bool = True) -> str:
        local = value.astimezone(tz) if timezone.is_aware(value) else value
        day = f"{local.day} {months[local.month - 1]}"
        if year:
            day = f"{day} {local.year}"
        return f"{day} {local:%H:%M}" if time else day

    return when


@register.simple_tag
def inbox_rows(rows: list[Complaint]) -> SafeString:
    """The inbox table's ``<tr>`` rows, the same markup as a template loop would give, built
    in Python: every inbox page shows 50 of them, and through the template engine (a
    ``{% url %}`` and two ``date`` filters a row) they were most of the page's time."""
    if not rows:
        return format_html('<tr><td colspan="8">{}</td></tr>', gettext("Tidak ada laporan."))
    when = _date_formatter()
    detail = reverse("complaints:detail", args=["KODE-0"]).split("KODE-0")
    urgent = f' <span class="badge overdue">{_esc(gettext("MENDESAK"))}</span>'
    now = timezone.now()

    esc = html.escape  # every value below is a plain ``str`` from the row or the page

    def row(c: Complaint) -> str:
        badges = ""
        if c.privacy != "biasa":
            privacy = esc(c.privacy)
            badges += f' <span class="badge {privacy}">{privacy}</span>'
        if c.needs_tapd:
            badges += ' <span class="badge">TAPD</span>'
        closed = c.status in CLOSED_STATUSES  # ``is_closed``
        if c.is_urgent and not closed:
            badges += urgent
        stage_label = esc(c.stage_label)  # type: ignore[attr-defined]
        due_at = c.due_at
        if due_at and not closed:
            staff_stage = c.stage in STAFF_STAGES
            overdue = staff_stage and due_at < now
            # ``time_left``, at the page's moment
            left = f"{'sisa' if due_at >= now else 'lewat'} {_span(due_at - now)}"
            due = (
                f'<span class="badge {"overdue" if overdue else ""}" title="{stage_label}">'
                f"{esc(when(due_at, year=False))}</span><br>"
                f'<small class="help">{esc(left) if staff_stage else stage_label}</small>'
            )
        elif c.stage == "perencanaan":
            due = '<span class="badge">TAPD</span>'
        else:
            due = "—"
        code = c.tracking_code
        category, area, unit = c.category, c.area, c.unit
        return (
            f'<tr>\n  <td class="nowrap"><a href="{esc(detail[0] + code + detail[1])}">'
            f"{esc(code)}</a></td>\n  <td>{esc(c.summary)}{badges}</td>\n"
            f"  <td>{esc((category.name if category else '') or '—')}</td>\n"
            f"  <td>{esc((area.name if area else '') or '—')}</td>\n"
            f"  <td>{esc((unit.short_name if unit else '') or '—')}</td>\n"
            f'  <td><span class="badge {esc(c.status)}">{esc(c.status_label)}</span></td>\n'  # type: ignore[attr-defined]
            f"  <td>{esc(when(c.submitted_at, time=False))}</td>\n  <td>{due}</td>\n</tr>"
        )

    # The rows' text is escaped as ``format_html`` would (``html.escape`` for a plain string),
    # without its per-argument lazy-string checks: 50 rows of 11 values each.
    return SafeString("\n".join(row(c) for c in rows))


@register.simple_tag
def overdue_rows(rows: list[dict[str, Any]]) -> SafeString:
    """The overdue page's ``<tr>`` rows (``selectors.overdue_counts``, with the view's
    links), the markup the template loop gave (``test_overdue_rows.py`` holds them equal),
    built in Python: a unit and stage a row, about 30 rows, each a ``date`` filter and a
    dozen template lookups."""
    if not rows:
        empty = gettext("Tidak ada laporan yang lewat batas waktu.")
        return SafeString(f'<tr><td colspan="4">{empty}</td></tr>')
    when = _date_formatter()
    more = gettext("lebih dari %(n)s")
    esc = html.escape

    def row(r: dict[str, Any]) -> str:
        unit = esc(r["unit__short_name"]) if r["unit__short_name"] else "Dinkominfo (verifikasi)"
        count = more % {"n": esc(str(r["n"]))} if r["capped"] else esc(str(r["n"]))
        if r["link"]:
            count = f'<a href="{esc(r["link"])}">{count}</a>'
        oldest = when(r["oldest_due"]) if r["oldest_due"] else ""
        return (
            f"<tr><td>{unit}</td><td>{_esc(r['stage_label'])}</td><td>{count}</td>"
            f"<td>{oldest}</td></tr>\n"
        )

    return SafeString("".join(row(r) for r in rows))


@register.simple_tag(takes_context=True)
def timeline_items(context: Any) -> SafeString:
    """The ``<li>`` items of ``_timeline.html`` for ``events`` (``selectors.timeline``), the
    markup the template loop gave (``test_timeline.py`` holds them equal), built in Python:
    a dozen conditions, two dates and the attachments' links for each event were most of
    the complaint page's template time. ``staff_view``: the officer's page (actors by name,
    clock stages, staff attachment links, originals for whoever may see the reporter);
    otherwise the citizen's (``secret`` in the links)."""
    events = context.get("events") or []
    if not events:
        return SafeString("")
    staff_view = bool(context.get("staff_view"))
    show_identity = bool(context.get("show_identity"))
    code = context["complaint"].tracking_code
    when = _date_formatter()
    # Translations as ``{% translate %}`` gives them: the project's own text, not escaped.
    internal = f' <span class="badge">{gettext("internal")}</span>'
    officer = gettext("Petugas")
    stage_word = gettext("Tahap")
    due_word = gettext("batas waktu")
    original_word = gettext("asli (dengan EXIF/GPS)")

    def link(attachment: Any) -> str:
        if staff_view:
            url = reverse("complaints:staff_attachment", args=[code, attachment.pk])
        else:
            args = [code, context.get("secret", ""), attachment.pk]
            url = reverse("complaints:citizen_attachment", args=args)
        href = _esc(url)
        name = _esc(attachment.original_name)
        if attachment.is_image:
            html_ = f'<a href="{href}"><img src="{href}" alt="{name}" loading="lazy"></a>'
        else:
            html_ = f'<a href="{href}">{name}</a>'
        if staff_view and show_identity and attachment.original:
            html_ += f' <a href="{href}?asli=1" class="help" rel="nofollow">{original_word}</a>'
        return f"\n      \n      {html_}\n    "

    def item(e: Any) -> str:
        actor = _esc(e.actor_label) if e.actor_label else "Sistem"
        if not staff_view and e.actor_id:
            actor = officer
        line = f"{when(e.created_at)} · {actor}"
        if e.to_unit:
            line += f" → {_esc(e.to_unit)}"
        if e.from_status and e.to_status and e.from_status != e.to_status:
            line += f" · {_esc(e.get_from_status_display())} → {_esc(e.get_to_status_display())}"
        message = f'<div class="msg">{_esc(e.message)}</div>' if e.message else ""
        clock = ""
        if staff_view and e.clock_due:
            clock = (
                f'<div class="help">{stage_word}: {_esc(e.clock_stage)} · {due_word} '
                f"{when(e.clock_due)}</div>"
            )
        attachments = e.attachments.all()
        thumbs = (
            '<div class="thumbs">' + "".join(link(a) for a in attachments) + "</div>"
            if attachments
            else ""
        )
        return (
            f'\n  <li class="{"" if e.is_public else "internal"}" data-kind="{_esc(e.kind)}">\n'
            f"    <strong>{_esc(e.get_kind_display())}</strong>{'' if e.is_public else internal}\n"
            f'    <div class="when">{line}</div>\n    {message}\n    {clock}\n    {thumbs}\n'
            "  </li>\n"
        )

    return SafeString("".join(item(e) for e in events))


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
