"""Reads of complaints shared by views and channels; permission-aware."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from aduan.accounts.models import User
from aduan.complaints import permissions
from aduan.complaints.choices import (
    OPEN_STATUSES,
    UNIT_STATUSES,
    VERIFIER_STATUSES,
    ComplaintStatus,
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
    overdue: bool = False


def complaint_list(user: User, filters: InboxFilters) -> QuerySet[Complaint]:
    """The inbox: visible complaints narrowed by ``filters``; constant queries per page."""
    qs = complaints_visible_to(user).select_related("category", "area", "unit")
    if filters.queue == "verifikasi":
        qs = qs.filter(status__in=[*VERIFIER_STATUSES]) | qs.filter(
            status=S.MENUNGGU_INFO, status_before_wait__in=[*VERIFIER_STATUSES]
        )
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
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(submitted_at__gte=datetime.combine(filters.date_from, time.min, tz))
    if filters.date_to:
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
    if filters.overdue:
        qs = qs.filter(status__in=[*OPEN_STATUSES], due_at__lt=timezone.now())
    return qs.order_by("-submitted_at", "-id")
