"""Public reference data: categories, units and areas of a jurisdiction; who is calling."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import access
from aduan.api import serializers as s
from aduan.api.apis.base import ApiView
from aduan.api.pagination import KeysetPagination
from aduan.api.schema import LANGUAGE_HEADER, errors
from aduan.organisation.models import Area, Category, Unit


class ReferenceListApi(ApiView):
    pagination_class = KeysetPagination
    keyset_ordering = ["id"]
    filter_input: type = s.JurisdictionInput

    def filtered(self, request: Request) -> dict[str, Any]:
        params = self.filter_input(data=request.query_params)
        params.is_valid(raise_exception=True)
        data: dict[str, Any] = params.validated_data
        data["_jurisdiction"] = access.jurisdiction_for(self.caller, data.get("jurisdiction"))
        return data

    def rows(self, data: dict[str, Any]) -> QuerySet:
        raise NotImplementedError

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.rows(self.filtered(request)))
        serializer = self.get_serializer_class()(page, many=True)
        return self.get_paginated_response(serializer.data)


@extend_schema_view(
    get=extend_schema(
        operation_id="categories_list",
        summary="Complaint categories",
        description="Active categories; `code` is what a complaint's `category` takes.",
        parameters=[s.JurisdictionInput, LANGUAGE_HEADER],
        responses={200: s.CategoryOutput(many=True), **errors(400, 401, 404)},
        tags=["reference"],
    )
)
class CategoryListApi(ReferenceListApi):
    serializer_class = s.CategoryOutput

    def rows(self, data: dict[str, Any]) -> QuerySet:
        return Category.objects.filter(
            jurisdiction=data["_jurisdiction"], is_active=True
        ).select_related("default_unit")


@extend_schema_view(
    get=extend_schema(
        operation_id="units_list",
        summary="Units (OPD, kecamatan, kelurahan, puskesmas, …)",
        parameters=[s.UnitFilterInput, LANGUAGE_HEADER],
        responses={200: s.UnitOutput(many=True), **errors(400, 401, 404)},
        tags=["reference"],
    )
)
class UnitListApi(ReferenceListApi):
    serializer_class = s.UnitOutput
    filter_input = s.UnitFilterInput

    def rows(self, data: dict[str, Any]) -> QuerySet:
        qs = Unit.objects.filter(jurisdiction=data["_jurisdiction"], is_active=True)
        if data.get("kind"):
            qs = qs.filter(kind=data["kind"])
        return qs.select_related("parent", "area")


@extend_schema_view(
    get=extend_schema(
        operation_id="areas_list",
        summary="Areas (kecamatan and kelurahan)",
        parameters=[s.AreaFilterInput, LANGUAGE_HEADER],
        responses={200: s.AreaOutput(many=True), **errors(400, 401, 404)},
        tags=["reference"],
    )
)
class AreaListApi(ReferenceListApi):
    serializer_class = s.AreaOutput
    filter_input = s.AreaFilterInput

    def rows(self, data: dict[str, Any]) -> QuerySet:
        qs = Area.objects.filter(jurisdiction=data["_jurisdiction"])
        if data.get("kind"):
            qs = qs.filter(kind=data["kind"])
        if data.get("parent"):
            qs = qs.filter(parent__code=data["parent"])
        return qs.select_related("parent")


class MeApi(ApiView):
    @extend_schema(
        operation_id="me_retrieve",
        summary="Who am I",
        description="The caller as the API sees it: kind, user, token scopes and units.",
        parameters=[LANGUAGE_HEADER],
        responses={200: s.MeOutput, **errors(401)},
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        caller = self.caller
        user = caller.user
        token = caller.token
        jurisdiction = None
        if token is not None:
            jurisdiction = token.jurisdiction.slug
        elif user is not None and user.jurisdiction is not None:
            jurisdiction = user.jurisdiction.slug
        body = {
            "kind": caller.kind,
            "jurisdiction": jurisdiction,
            "user": s.MeUserOutput(user).data if user is not None else None,
            "token": None,
        }
        if token is not None:
            body["token"] = s.MeTokenOutput(
                {
                    "name": token.name,
                    "key_prefix": token.key_prefix,
                    "scopes": list(token.scopes or []),
                    "units": sorted(token.units.values_list("code", flat=True)),
                    "created_at": token.created_at,
                    "last_used_at": token.last_used_at,
                    "expires_at": token.expires_at,
                }
            ).data
        return Response(body)
