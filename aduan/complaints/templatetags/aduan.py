"""Template helpers of the complaint pages."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.utils import timezone

from aduan.complaints.choices import STAFF_STAGES
from aduan.complaints.models import Complaint

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
