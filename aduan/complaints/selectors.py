"""Reads of complaints shared by views and channels; permission-aware."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aduan.accounts.models import User
from aduan.complaints import permissions
from aduan.complaints.choices import (
    OPEN_STATUSES,
    STAFF_STAGES,
    UNIT_STATUSES,
    VERIFIER_STATUSES,
    ComplaintStatus,
    Stage,
)
from aduan.complaints.models import Complaint, ComplaintEvent

S = ComplaintStatus


def complaints_visible_to(user: User) -> QuerySet[Complaint]:
    """Every complaint the staff user may see: the jurisdiction's for verifiers, supervisors,
    TAPD and administrators; the current units' for officers; nothing for anyone else."""
    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return Complaint.objects.none()
    qs = Complaint.objects.filter(jurisdiction_id=user.jurisdiction_id)
    if user.reads_everything:
        return qs
    return qs.filter(unit_id__in=permissions.unit_ids(user))


def complaint_get_for_user(user: User, tracking_code: str) -> Complaint:
    """The complaint, or 404 when it does not exist or the user may not see it."""
    complaint = (
        complaints_visible_to(user)
        .select_related(
            "category",
            "area",
            "unit",
            "suggested_unit",
            "suggested_category",
            "merged_into",
            "referred_to",
            "jurisdiction",
        )
        .filter(tracking_code=tracking_code)
        .first()
    )
    if complaint is None:
        raise Http404("Laporan tidak ditemukan. / Complaint not found.")
    return complaint


def complaint_get_for_citizen(tracking_code: str, secret: str) -> Complaint:
    """The complaint behind a citizen's link: code and secret must both match."""
    complaint = (
        Complaint.objects.select_related(
            "category", "area", "unit", "jurisdiction", "merged_into", "referred_to"
        )
        .filter(tracking_code=tracking_code.strip().upper())
        .first()
    )
    if complaint is None or not complaint.check_secret(secret):
        raise Http404("Laporan tidak ditemukan. / Complaint not found.")
    return complaint


def timeline(complaint: Complaint, *, public_only: bool) -> list[ComplaintEvent]:
    qs = complaint.events.select_related("from_unit", "to_unit").prefetch_related("attachments")
    if public_only:
        qs = qs.filter(is_public=True)
    return list(qs)


@dataclass
class InboxFilters:
    """The filters of the officer inbox and verification queue (also used by the API)."""

    queue: str = ""  # "verifikasi" | "unit" | "" (everything visible)
    status: str = ""
    category: str = ""  # category code
    area: int | None = None
    unit: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    due: str = ""  # "lewat" (overdue) | "hari_ini" (due today) | ""
    sort: str = ""  # "batas" (due first) | "lama" (oldest first) | "" (newest first)
    channel: str = ""
    report_type: str = ""
    stage: str = ""  # the SLA clock's current stage


def complaint_list(user: User, filters: InboxFilters) -> QuerySet[Complaint]:
    """The inbox: visible complaints narrowed by ``filters``; constant queries per page."""
    qs = complaints_visible_to(user).select_related("category", "area", "unit")
    if filters.queue == "verifikasi":
        qs = (
            qs.filter(status__in=[*VERIFIER_STATUSES])
            | qs.filter(status=S.MENUNGGU_INFO, status_before_wait__in=[*VERIFIER_STATUSES])
        ).filter(held_as_spam=False)
    elif filters.queue == "spam":  # held for the verifier (complaints.spam)
        qs = qs.filter(held_as_spam=True) if user.is_verifier else qs.none()
    elif filters.queue == "unit":
        qs = qs.filter(
            unit_id__in=permissions.unit_ids(user), status__in=[*UNIT_STATUSES, S.MENUNGGU_INFO]
        )
    if filters.status == "terbuka":
        qs = qs.filter(status__in=[*OPEN_STATUSES])
    elif filters.status:
        qs = qs.filter(status=filters.status)
    if filters.category:
        qs = qs.filter(category__code=filters.category)
    if filters.area:
        qs = qs.filter(area_id=filters.area)
    if filters.unit:
        qs = qs.filter(unit_id=filters.unit)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.report_type:
        qs = qs.filter(report_type=filters.report_type)
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(submitted_at__gte=datetime.combine(filters.date_from, time.min, tz))
    if filters.date_to and filters.date_to < date.max:
        qs = qs.filter(
            submitted_at__lt=datetime.combine(filters.date_to + timedelta(days=1), time.min, tz)
        )
    if filters.q:
        term = filters.q.strip()
        qs = qs.filter(
            Q(tracking_code__iexact=term)
            | Q(description__icontains=term)
            | Q(title__icontains=term)
            | Q(address__icontains=term)
        )
    now = timezone.now()
    staff_clock = Q(stage__in=[*STAFF_STAGES])
    if filters.due == "lewat":
        qs = qs.filter(staff_clock, due_at__lt=now)
    elif filters.due == "hari_ini":
        today = timezone.localdate()
        end = datetime.combine(today + timedelta(days=1), time.min, tz)
        qs = qs.filter(staff_clock, due_at__gte=now, due_at__lt=end)
    if filters.sort == "batas":
        return qs.order_by(F("due_at").asc(nulls_last=True), "id")
    if filters.sort == "lama":
        return qs.order_by("submitted_at", "id")
    return qs.order_by("-submitted_at", "-id")


def overdue_counts(user: User) -> list[dict]:
    """Open complaints overdue now, per unit and stage (for supervisors and verifiers)."""
    rows = (
        complaints_visible_to(user)
        .filter(stage__in=[*STAFF_STAGES], due_at__lt=timezone.now())
        .values("unit__short_name", "stage")
        .annotate(n=Count("id"))
        .order_by("unit__short_name", "stage")
    )
    return [{**row, "stage_label": Stage(row["stage"]).label} for row in rows]


PLANNING_GROUPS = {
    "kategori": ("complaint__category__name", _("Kategori")),
    "kelurahan": ("complaint__area__name", _("Kelurahan")),
    "unit": ("complaint__unit__short_name", _("Unit")),
}


def planning_queue(user: User, *, group: str = "kategori", decided: bool = False) -> list[dict]:
    """TAPD's planning queue: flagged complaints grouped by category, kelurahan or unit,
    each group with its complaints and the number of supporting reports."""
    from aduan.complaints.models import PlanningItem

    field, _label = PLANNING_GROUPS.get(group, PLANNING_GROUPS["kategori"])
    items = PlanningItem.objects.filter(complaint__in=complaints_visible_to(user))
    items = items.exclude(decision="") if decided else items.filter(decision="")
    items = items.select_related(
        "complaint__category", "complaint__area", "complaint__unit"
    ).order_by(field, "flagged_at")
    groups: dict[str, dict] = {}
    for item in items:
        key = _lookup(item, field) or "—"
        bucket = groups.setdefault(key, {"name": key, "items": [], "supporters": 0})
        bucket["items"].append(item)
        bucket["supporters"] += item.complaint.support_count
    return sorted(groups.values(), key=lambda g: (-len(g["items"]), g["name"]))


def _lookup(obj: object, path: str) -> str:
    for part in path.split("__"):
        obj = getattr(obj, part, None)
        if obj is None:
            return ""
    return str(obj)
