"""Surveys: the reporter's rating of a finished complaint (citizen), the ratings staff may
see, and the Indeks Kepuasan Masyarakat (IKM) per unit."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, OpenApiRequest, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import access, idempotency
from aduan.api import serializers as s
from aduan.api.apis.base import ApiView
from aduan.api.apis.citizen import CITIZEN, CitizenApi
from aduan.api.apis.complaints import unknown
from aduan.api.pagination import KeysetPagination
from aduan.api.schema import ERROR_EXAMPLES, LANGUAGE_HEADER, errors
from aduan.surveys import selectors, services
from aduan.surveys.models import COMMENT_MAX, Rating

# --------------------------------------------------------------------------- serializers


class RatingInput(serializers.Serializer):
    score = serializers.IntegerField(min_value=1, max_value=5, help_text="1 (worst) to 5 (best).")
    resolved = serializers.BooleanField(help_text="Was the problem solved (masalah selesai)?")
    comment = serializers.CharField(
        required=False, allow_blank=True, max_length=COMMENT_MAX, default=""
    )


class RatingOutput(serializers.Serializer):
    tracking_code = serializers.CharField(source="complaint.tracking_code", read_only=True)
    score = serializers.IntegerField(read_only=True)
    resolved = serializers.BooleanField(read_only=True)
    comment = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class StaffRatingOutput(RatingOutput):
    unit = s.UnitRefOutput(source="complaint.unit", read_only=True, allow_null=True)
    category = s.CategoryRefOutput(source="complaint.category", read_only=True, allow_null=True)


class IkmFilterInput(serializers.Serializer):
    unit = serializers.SlugField(required=False, max_length=60, help_text="Unit code.")
    date_from = serializers.DateField(required=False, help_text="Answers on or after.")
    date_to = serializers.DateField(required=False, help_text="Answers on or before.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return s._check_dates(attrs)


class IkmElementOutput(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text="`u1` … `u9`.")
    name = serializers.CharField(read_only=True, help_text="The element's name (Indonesian).")
    nrr = serializers.DecimalField(
        max_digits=4, decimal_places=2, read_only=True, help_text="Mean answer, 1–4."
    )


class IkmUnitOutput(serializers.Serializer):
    unit = s.UnitRefOutput(read_only=True)
    respondents = serializers.IntegerField(read_only=True)
    population = serializers.IntegerField(
        read_only=True, help_text="Complaints the unit received in the period."
    )
    minimum_sample = serializers.IntegerField(
        read_only=True, help_text="Krejcie–Morgan minimum for the population."
    )
    enough = serializers.BooleanField(read_only=True)
    index = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text="Weighted NRR × 25 (25–100); null without respondents.",
    )
    grade = serializers.CharField(read_only=True, allow_null=True, help_text="A, B, C or D.")
    grade_label = serializers.CharField(read_only=True, allow_null=True)
    elements = IkmElementOutput(many=True, read_only=True)
    weakest = serializers.ListField(child=serializers.CharField(), read_only=True)


class IkmOutput(serializers.Serializer):
    date_from = serializers.DateField(read_only=True, allow_null=True)
    date_to = serializers.DateField(read_only=True, allow_null=True)
    units = IkmUnitOutput(many=True, read_only=True)


def ikm_body(row: selectors.UnitIkm) -> dict:
    result = row.result
    return {
        "unit": row.unit,
        "respondents": row.respondents,
        "population": row.population,
        "minimum_sample": row.minimum_sample,
        "enough": row.enough,
        "index": result.index if result else None,
        "grade": result.grade if result else None,
        "grade_label": result.label if result else None,
        "elements": row.nrr_rows,
        "weakest": result.weakest if result else [],
    }


# --------------------------------------------------------------------------- views


class CitizenRatingApi(CitizenApi):
    @extend_schema(
        operation_id="citizen_complaints_rating_create",
        summary="Rate my finished complaint",
        description=(
            "Once, and only after the complaint is closed as finished (`selesai`). "
            "A second rating, or a rating before then, is a `validation_error`."
        ),
        parameters=[*CITIZEN, idempotency.PARAMETER],
        request={
            "application/json": OpenApiRequest(RatingInput),
            "multipart/form-data": OpenApiRequest(RatingInput),
        },
        responses={201: RatingOutput, **errors(400, 401, 404, 409, 415, 422)},
        examples=[
            OpenApiExample(
                "Rate a finished complaint",
                value={"score": 5, "resolved": True, "comment": "Cepat ditangani, terima kasih."},
                request_only=True,
            ),
            *ERROR_EXAMPLES,
        ],
        tags=["citizen"],
    )
    def post(self, request: Request, code: str) -> Response:
        form = RatingInput(data=request.data)
        form.is_valid(raise_exception=True)
        rating = services.rating_submit(complaint=self.complaint, **form.validated_data)
        return Response(RatingOutput(rating).data, status=status.HTTP_201_CREATED)


class RatingListApi(ApiView):
    permission_classes = [access.CanReadComplaints]
    pagination_class = KeysetPagination
    keyset_ordering = ["-created_at", "-id"]

    def get_queryset(self) -> QuerySet[Rating]:
        return Rating.objects.filter(
            complaint__in=access.visible_complaints(self.caller)
        ).select_related("complaint__unit", "complaint__category")

    @extend_schema(
        operation_id="surveys_ratings_list",
        summary="Ratings of finished complaints (staff)",
        description="The reporters' ratings of the complaints the caller may see, newest first.",
        parameters=[LANGUAGE_HEADER],
        responses={200: StaffRatingOutput(many=True), **errors(400, 401, 403)},
        tags=["surveys"],
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(StaffRatingOutput(page, many=True).data)


class IkmApi(ApiView):
    permission_classes = [access.CanReadStatistics]

    @extend_schema(
        operation_id="surveys_ikm_retrieve",
        summary="Indeks Kepuasan Masyarakat per unit (staff)",
        description=(
            "The IKM (PermenPANRB 14/2017) of each unit the caller may read: verifiers, "
            "supervisors and administrators every unit of their jurisdiction, others their "
            "own units (session, or a token with `stats:read`). Units without respondents "
            "or complaints in the period are left out unless asked for with `unit`."
        ),
        parameters=[IkmFilterInput, LANGUAGE_HEADER],
        responses={200: IkmOutput, **errors(400, 401, 403)},
        tags=["surveys"],
    )
    def get(self, request: Request) -> Response:
        params = IkmFilterInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        date_from: date | None = data.get("date_from")
        date_to: date | None = data.get("date_to")
        units = selectors.ikm_units_visible_to(self.caller.actor)
        if self.caller.token_unit_ids:
            units = units.filter(id__in=self.caller.token_unit_ids)
        units = units.select_related("jurisdiction").order_by("name")
        if data.get("unit"):
            unit = units.filter(code=data["unit"]).first()
            if unit is None:
                raise unknown("unit")
            rows = [selectors.ikm_for(unit=unit, date_from=date_from, date_to=date_to)]
        else:
            rows = [
                row
                for row in (
                    selectors.ikm_for(unit=unit, date_from=date_from, date_to=date_to)
                    for unit in units
                )
                if row.respondents or row.population
            ]
        body = {"date_from": date_from, "date_to": date_to, "units": [ikm_body(r) for r in rows]}
        return Response(IkmOutput(body).data)
