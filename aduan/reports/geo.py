"""The staff map's data: complaint markers without identity, and kelurahan totals placed
at the kelurahan centroids.

Kelurahan boundaries of Kota Pekalongan are not shipped: no open, checked source was at
hand, and a drawn guess would look more precise than it is. The map draws each kelurahan
as a circle of ``APPROX_RADIUS_M`` around its approximate centroid (``Area.latitude`` and
``longitude``, marked approximate in the defaults) and says so.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from aduan.accounts.models import User
from aduan.complaints import permissions
from aduan.complaints.choices import OPEN_STATUSES, ComplaintStatus
from aduan.complaints.selectors import complaints_visible_to
from aduan.organisation.models import Area, Category
from aduan.reports import selectors as sel

MAX_MARKERS = 1000
APPROX_RADIUS_M = 550


def map_scope(user: User) -> sel.Scope | None:
    """The whole jurisdiction for those who read everything, the user's units otherwise."""
    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return None
    if user.reads_everything:
        return sel.Scope(jurisdiction=user.jurisdiction)  # type: ignore[arg-type]
    return sel.Scope(
        jurisdiction=user.jurisdiction,  # type: ignore[arg-type]
        units=frozenset(permissions.unit_ids(user)),
    )


def _statuses(status: str) -> list[str] | None:
    if status == "terbuka":
        return [*OPEN_STATUSES]
    return [status] if status else None


def map_data(user: User, filters: sel.Filters, *, status: str = "") -> dict[str, Any]:
    scope = map_scope(user)
    if scope is None:
        return {"markers": [], "areas": [], "truncated": False}
    statuses = _statuses(status)
    start, end = filters.bounds()
    complaints = complaints_visible_to(user).filter(
        submitted_at__gte=start, submitted_at__lt=end, latitude__isnull=False
    )
    if filters.unit:
        complaints = complaints.filter(unit_id=filters.unit)
    if filters.category is not None:
        complaints = complaints.filter(category_id=filters.category.pk)
    if filters.area:
        complaints = complaints.filter(area_id=filters.area)
    if statuses:
        complaints = complaints.filter(status__in=statuses)
    categories = dict(
        Category.objects.filter(jurisdiction=scope.jurisdiction).values_list("id", "name")
    )
    rows = list(
        complaints.order_by("-submitted_at", "-id").values(
            "tracking_code", "latitude", "longitude", "status", "category_id", "submitted_at"
        )[: MAX_MARKERS + 1]
    )
    detail = reverse("complaints:detail", args=["CODE"])
    markers = [
        {
            "code": row["tracking_code"],
            "lat": round(row["latitude"] or 0.0, 5),
            "lon": round(row["longitude"] or 0.0, 5),
            "status": row["status"],
            "status_label": str(ComplaintStatus(row["status"]).label),
            "category": categories.get(row["category_id"], ""),
            "date": timezone.localdate(row["submitted_at"]).isoformat(),
            "url": detail.replace("CODE", row["tracking_code"]),
        }
        for row in rows[:MAX_MARKERS]
    ]
    # Totals per kelurahan from the rollup: every complaint of the period, with or
    # without a point, at its kelurahan's centroid.
    totals = sel.rollup_rows(scope, filters, ["status"], per_area=True)
    if statuses:
        totals = totals.filter(value__in=statuses)
    by_area = dict(totals.values_list("area_id").annotate(n=Sum("n")).values_list("area_id", "n"))
    areas = []
    for area in Area.objects.filter(jurisdiction=scope.jurisdiction, kind="kelurahan").order_by(
        "name"
    ):
        if area.latitude is None or area.longitude is None:
            continue
        params = filters.inbox_params(area=area.pk)
        if status:
            params["status"] = status
        areas.append(
            {
                "id": area.pk,
                "name": area.name,
                "lat": area.latitude,
                "lon": area.longitude,
                "radius_m": APPROX_RADIUS_M,
                "approximate": True,
                "n": by_area.get(area.pk, 0) or 0,
                "url": sel.inbox_url(params),
            }
        )
    return {
        "markers": markers,
        "truncated": len(rows) > MAX_MARKERS,
        "areas": areas,
        "without_area": by_area.get(0, 0) or 0,
    }
