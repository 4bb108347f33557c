"""Counts of complaints: for staff within what they may see, and a public variant."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import access
from aduan.api import serializers as s
from aduan.api.apis.base import ApiView
from aduan.api.i18n import is_english, pick
from aduan.api.schema import LANGUAGE_HEADER, errors
from aduan.complaints.choices import OPEN_STATUSES, STAFF_STAGES, ComplaintStatus, Privacy
from aduan.complaints.models import Complaint


def _between(qs: QuerySet[Complaint], data: dict[str, Any]) -> QuerySet[Complaint]:
    tz = timezone.get_current_timezone()
    start: date | None = data.get("date_from")
    end: date | None = data.get("date_to")
    if start:
        qs = qs.filter(submitted_at__gte=datetime.combine(start, time.min, tz))
    if end:
        qs = qs.filter(submitted_at__lt=datetime.combine(end + timedelta(days=1), time.min, tz))
    return qs


def _none() -> str:
    return pick("(tidak ada)", "(none)")


def by_status(qs: QuerySet[Complaint]) -> list[dict]:
    counts = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    return [
        {"code": value, "label": str(label), "count": counts[value]}
        for value, label in ComplaintStatus.choices
        if counts.get(value)
    ]


def by_category(qs: QuerySet[Complaint]) -> list[dict]:
    rows = (
        qs.order_by()
        .values("category__code", "category__name", "category__name_en")
        .annotate(n=Count("id"))
    )
    english = is_english()
    out = [
        {
            "code": row["category__code"],
            "label": (english and row["category__name_en"]) or row["category__name"] or _none(),
            "count": row["n"],
        }
        for row in rows
    ]
    return sorted(out, key=lambda r: (-r["count"], r["label"]))


def by_unit(qs: QuerySet[Complaint]) -> list[dict]:
    rows = qs.order_by().values("unit__code", "unit__short_name").annotate(n=Count("id"))
    out = [
        {"code": row["unit__code"], "label": row["unit__short_name"] or _none(), "count": row["n"]}
        for row in rows
    ]
    return sorted(out, key=lambda r: (-r["count"], r["label"]))


class StatisticsApi(ApiView):
    permission_classes = [access.CanReadStatistics]

    @extend_schema(
        operation_id="statistics_retrieve",
        summary="Statistics (staff)",
        description=(
            "Counts by status, category and unit over the complaints the caller may see "
            "(session, or a token with `stats:read`)."
        ),
        parameters=[s.StatisticsFilterInput, LANGUAGE_HEADER],
        responses={200: s.StatisticsOutput, **errors(400, 401, 403)},
        tags=["statistics"],
    )
    def get(self, request: Request) -> Response:
        params = s.StatisticsFilterInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        qs = _between(access.visible_complaints(self.caller), params.validated_data)
        statuses = by_status(qs)
        body = {
            "total": sum(row["count"] for row in statuses),
            "open": sum(row["count"] for row in statuses if row["code"] in OPEN_STATUSES),
            "overdue": qs.filter(stage__in=[*STAFF_STAGES], due_at__lt=timezone.now()).count(),
            "by_status": statuses,
            "by_category": by_category(qs),
            "by_unit": by_unit(qs),
        }
        return Response(s.StatisticsOutput(body).data)


class PublicStatisticsApi(ApiView):
    @extend_schema(
        operation_id="statistics_public_retrieve",
        summary="Public statistics",
        description=(
            "Counts by status and category of one jurisdiction, for anyone. Complaints filed "
            "as `rahasia` are never counted here."
        ),
        parameters=[s.PublicStatisticsFilterInput, LANGUAGE_HEADER],
        responses={200: s.PublicStatisticsOutput, **errors(400, 401, 404)},
        tags=["statistics"],
    )
    def get(self, request: Request) -> Response:
        params = s.PublicStatisticsFilterInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        jurisdiction = access.jurisdiction_for(self.caller, data.get("jurisdiction"))
        qs = Complaint.objects.filter(jurisdiction=jurisdiction, held_as_spam=False).exclude(
            privacy=Privacy.RAHASIA
        )
        qs = _between(qs, data)
        statuses = by_status(qs)
        body = {
            "jurisdiction": jurisdiction.slug,
            "total": sum(row["count"] for row in statuses),
            "open": sum(row["count"] for row in statuses if row["code"] in OPEN_STATUSES),
            "done": sum(row["count"] for row in statuses if row["code"] == ComplaintStatus.SELESAI),
            "by_status": statuses,
            "by_category": by_category(qs),
        }
        return Response(s.PublicStatisticsOutput(body).data)
