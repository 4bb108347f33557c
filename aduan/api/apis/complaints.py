"""Complaints for staff (list, detail, timeline, attachments) and complaint intake."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import DateTimeField, QuerySet, Value
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiRequest, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import access, idempotency
from aduan.api import serializers as s
from aduan.api.apis.base import ApiView
from aduan.api.pagination import KeysetPagination
from aduan.api.schema import (
    BINARY_RESPONSES,
    CODE_PATH,
    COMPLAINT_CREATE_EXAMPLE,
    COMPLAINT_CREATED_EXAMPLE,
    ERROR_EXAMPLES,
    LANGUAGE_HEADER,
    PREFER_HEADER,
    errors,
)
from aduan.complaints import selectors, services, spam
from aduan.complaints.attachments import serve
from aduan.complaints.choices import Channel
from aduan.complaints.models import Attachment, Complaint
from aduan.lib import ratelimit
from aduan.organisation.models import Area, Category, Jurisdiction, Unit
from aduan.organisation.selectors import active_category, active_jurisdiction, area_resolve
from aduan.sla import clocks

#: Sorts the "due first" order puts complaints without a deadline last.
_NO_DEADLINE = datetime(9999, 12, 31, tzinfo=ZoneInfo("UTC"))

SORTS = {
    "baru": ["-submitted_at", "-id"],
    "lama": ["submitted_at", "id"],
    "batas": ["due_sort", "id"],
}

_UNKNOWN = {
    "category": "Kategori tidak dikenal. / Unknown category.",
    "area": "Kelurahan tidak dikenal. / Unknown kelurahan.",
    "unit": "Unit tidak dikenal. / Unknown unit.",
    "jurisdiction": "Yurisdiksi tidak dikenal. / Unknown jurisdiction.",
}


def unknown(field: str) -> serializers.ValidationError:
    return serializers.ValidationError({field: [_UNKNOWN[field]]})


class JsonOnlyNegotiation(BaseContentNegotiation):
    """File downloads answer with the file whatever Accept says, and errors with JSON."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: Any, format_suffix: Any = None) -> Any:
        return JSONRenderer(), JSONRenderer.media_type


def file_response(attachment: Attachment, *, original: bool = False) -> FileResponse:
    """The file, served so that a browser never runs it (``complaints.attachments.serve``)."""
    return serve(attachment, original=original)


def throttle_submission(
    request: HttpRequest, caller: access.Caller, phone: str, email: str
) -> None:
    """The intake's rate limits (``complaints.spam.intake_limit``): per address for anonymous
    callers, per token or user otherwise, per reporter phone/e-mail always; 429 when over."""
    if caller.token is not None:
        subject = f"token:{caller.token.pk}"
    elif caller.user is not None:
        subject = f"user:{caller.user.pk}"
    else:
        subject = ""
    refused = spam.intake_limit(
        ip="" if subject else ratelimit.client_ip(request),
        token=subject,
        phone=phone,
        email=email,
    )
    if refused is not None:
        exc = exceptions.Throttled(wait=refused.retry_after)
        exc.detail = exceptions.ErrorDetail(
            ratelimit.retry_message(refused.retry_after), code="throttled"
        )
        raise exc


# --------------------------------------------------------------------------- list + create


class ComplaintListCreateApi(ApiView):
    pagination_class = KeysetPagination

    def get_permissions(self) -> list:
        if self.request.method == "POST":
            return [access.CanSubmit(), AllowAny()]  # AllowAny: the schema's "no auth" option
        return [access.CanReadComplaints()]

    def get_keyset_ordering(self, request: Request) -> list[str]:
        return SORTS[self.filters.get("sort") or "baru"]

    def get_queryset(self) -> QuerySet[Complaint]:
        caller = self.caller
        assert caller.user is not None  # noqa: S101 - CanReadComplaints
        data = self.filters
        jurisdiction_id = caller.user.jurisdiction_id or 0

        def resolve(model: type[Unit] | type[Area], field: str) -> int | None:
            code = data.get(field)
            if not code:
                return None
            pk = (
                model.objects.filter(jurisdiction_id=jurisdiction_id, code=code)
                .values_list("pk", flat=True)
                .first()
            )
            if pk is None:
                raise unknown(field)
            return pk

        if (
            data.get("category")
            and not Category.objects.filter(
                jurisdiction_id=jurisdiction_id, code=data["category"]
            ).exists()
        ):
            raise unknown("category")
        filters = selectors.InboxFilters(
            queue=data.get("queue", ""),
            status=data.get("status", ""),
            category=data.get("category", ""),
            area=resolve(Area, "area"),
            unit=resolve(Unit, "unit"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            q=data.get("q", ""),
            due=data.get("due", ""),
        )
        qs = access.narrow(caller, selectors.complaint_list(caller.user, filters))
        if data.get("sort") == "batas":
            qs = qs.annotate(
                due_sort=Coalesce("due_at", Value(_NO_DEADLINE, output_field=DateTimeField()))
            )
        return qs

    @extend_schema(
        operation_id="complaints_list",
        summary="List complaints (officer inbox)",
        description=(
            "The complaints the caller may see, newest first, with the inbox filters. Staff "
            "only (session, or a token with `complaints:read`); a token limited to units sees "
            "only theirs. No reporter identity is listed."
        ),
        parameters=[s.ComplaintFilterInput, LANGUAGE_HEADER],
        responses={200: s.ComplaintListItemOutput(many=True), **errors(400, 401, 403)},
        tags=["complaints"],
    )
    def get(self, request: Request) -> Response:
        params = s.ComplaintFilterInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        self.filters: dict[str, Any] = params.validated_data
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.ComplaintListItemOutput(page, many=True).data)

    @extend_schema(
        operation_id="complaints_create",
        summary="Submit a complaint",
        description=(
            "The one intake, as the web form uses it. Anonymous citizens (channel `api`), "
            "integrations (token with `complaints:submit`) and staff may submit. The answer "
            "holds the tracking code and the secret that opens the complaint for the citizen "
            "(`/citizen/complaints/{code}/`). Send an `Idempotency-Key`: a retry then returns "
            "the first answer and files nothing twice. With `Prefer: respond-async` and a "
            "JSON body the same checks run, the submission is stored and the answer is "
            "`202 Accepted` at once (`Preference-Applied: respond-async`); the worker "
            "records the complaint within seconds under the code and secret given."
        ),
        parameters=[idempotency.PARAMETER, PREFER_HEADER, LANGUAGE_HEADER],
        request={
            "application/json": OpenApiRequest(s.ComplaintCreateInput),
            "multipart/form-data": OpenApiRequest(s.ComplaintCreateMultipartInput),
        },
        responses={
            201: s.ComplaintCreatedOutput,
            202: OpenApiResponse(
                s.ComplaintAcceptedOutput,
                description=(
                    "Stored, to be recorded by the worker (`Prefer: respond-async`). Headers: "
                    "`Preference-Applied: respond-async`, `Location` (the citizen endpoint)."
                ),
            ),
            **errors(400, 401, 403, 404, 409, 415, 422, 429),
        },
        examples=[COMPLAINT_CREATE_EXAMPLE, COMPLAINT_CREATED_EXAMPLE, *ERROR_EXAMPLES[:2]],
        tags=["complaints"],
    )
    def post(self, request: Request) -> Response:
        caller = self.caller
        multipart = (request.content_type or "").startswith("multipart/")
        input_class = s.ComplaintCreateMultipartInput if multipart else s.ComplaintCreateInput
        form = input_class(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        prepared = prepare_submission(request, caller, data)
        key = self.idempotency_key
        result = services.complaint_submit(
            jurisdiction=prepared.jurisdiction,
            **prepared.arguments,
            category=prepared.category,
            area=prepared.area,
            attachments=data.get("attachments") or [],
            submission_key=idempotency.submission_key(caller.idempotency_key, key) if key else None,
        )
        complaint = result.complaint
        api_url = request.build_absolute_uri(
            reverse("api:citizen-complaint", args=[complaint.tracking_code])
        )
        expected = clocks.expected_completion(complaint)
        body = {
            "tracking_code": complaint.tracking_code,
            "secret": result.secret,
            "status": complaint.status,
            "status_label": str(complaint.get_status_display()),
            "submitted_at": complaint.submitted_at,
            "expected_completion": expected,
            "status_page_url": request.build_absolute_uri(
                reverse("complaints:citizen_status", args=[complaint.tracking_code, result.secret])
            ),
            "api_url": api_url,
        }
        return Response(
            s.ComplaintCreatedOutput(body).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": api_url},
        )


@dataclass
class PreparedSubmission:
    """A submission's checked fields resolved for the intake service."""

    jurisdiction: Jurisdiction
    category: Category | None
    area: Area | None
    #: ``complaint_submit``'s other arguments.
    arguments: dict[str, Any]


def prepare_submission(
    request: HttpRequest, caller: access.Caller, data: dict[str, Any]
) -> PreparedSubmission:
    """The steps after the input's shape is checked, the same for the synchronous intake and
    the asynchronous one (``apis.intake``): the jurisdiction, the rate limits, the category
    and kelurahan (from the reference cache), the channel. Raises what the API answers."""
    jurisdiction = submission_jurisdiction(caller, data.get("jurisdiction"))
    throttle_submission(request, caller, data["reporter_phone"], data["reporter_email"])
    category = None
    if data.get("category"):
        category = active_category(jurisdiction=jurisdiction, code=data["category"])
        if category is None:
            raise unknown("category")
    area = None
    if (data.get("area") or "").strip():
        area = area_resolve(jurisdiction=jurisdiction, text=data["area"])
        if area is None:
            raise unknown("area")
    if caller.kind == access.ANONYMOUS:
        channel = Channel.API
    else:
        channel = data.get("channel") or Channel.API
    arguments = {
        "channel": channel,
        **{name: data[name] for name in _SUBMIT_ARGUMENTS},
    }
    return PreparedSubmission(jurisdiction, category, area, arguments)


#: The checked fields passed to ``complaint_submit`` as they are.
_SUBMIT_ARGUMENTS = (
    "report_type",
    "title",
    "description",
    "address",
    "latitude",
    "longitude",
    "privacy",
    "reporter_name",
    "reporter_phone",
    "reporter_email",
    "media_url",
)


def submission_jurisdiction(caller: access.Caller, slug: str | None) -> Jurisdiction:
    if caller.jurisdiction_id is not None:
        jurisdiction = active_jurisdiction(caller.jurisdiction_id)
        if jurisdiction is None or (slug and slug != jurisdiction.slug):
            raise unknown("jurisdiction")
        return jurisdiction
    try:
        return access.jurisdiction_for(caller, slug)
    except Http404 as exc:
        raise unknown("jurisdiction") from exc


# --------------------------------------------------------------------------- one complaint


class StaffComplaintApi(ApiView):
    """Base of the views about one complaint the staff caller can see."""

    permission_classes = [access.CanReadComplaints]

    def prepare(self, request: Request, *args: Any, **kwargs: Any) -> None:
        self.complaint = access.complaint_for(self.caller, kwargs["code"])


class ComplaintDetailApi(StaffComplaintApi):
    @extend_schema(
        operation_id="complaints_retrieve",
        summary="One complaint",
        description=(
            "The complaint with its clock, planning state and the actions the caller may take "
            "now. `reporter` is null unless the caller may see the identity: verifiers always, "
            "the handling unit for `biasa` and `rahasia` reports, nobody else; anonymous "
            "(`anonim`) reporters only to verifiers."
        ),
        parameters=[CODE_PATH, LANGUAGE_HEADER],
        responses={200: s.ComplaintDetailOutput, **errors(401, 403, 404)},
        tags=["complaints"],
    )
    def get(self, request: Request, code: str) -> Response:
        return Response(
            s.ComplaintDetailOutput(self.complaint, context={"caller": self.caller}).data
        )


class ComplaintEventsApi(StaffComplaintApi):
    pagination_class = KeysetPagination
    keyset_ordering = ["id"]

    @extend_schema(
        operation_id="complaints_events_list",
        summary="Timeline of a complaint",
        description="Every event, internal ones included (`is_public: false`), oldest first.",
        parameters=[CODE_PATH, LANGUAGE_HEADER],
        responses={200: s.EventOutput(many=True), **errors(400, 401, 403, 404)},
        tags=["complaints"],
    )
    def get(self, request: Request, code: str) -> Response:
        events = selectors.timeline(self.complaint, public_only=False)
        page = self.paginate_queryset(events)
        return self.get_paginated_response(s.EventOutput(page, many=True).data)


def staff_download_url(request: Request, complaint: Complaint) -> Callable[[Attachment], str]:
    def url(attachment: Attachment) -> str:
        return request.build_absolute_uri(
            reverse("api:complaint-attachment", args=[complaint.tracking_code, attachment.pk])
        )

    return url


class ComplaintAttachmentsApi(StaffComplaintApi):
    pagination_class = KeysetPagination
    keyset_ordering = ["id"]

    @extend_schema(
        operation_id="complaints_attachments_list",
        summary="Attachments of a complaint",
        parameters=[CODE_PATH, LANGUAGE_HEADER],
        responses={200: s.AttachmentOutput(many=True), **errors(400, 401, 403, 404)},
        tags=["complaints"],
    )
    def get(self, request: Request, code: str) -> Response:
        page = self.paginate_queryset(self.complaint.attachments.all())
        context = {"download_url": staff_download_url(request, self.complaint)}
        return self.get_paginated_response(
            s.AttachmentOutput(page, many=True, context=context).data
        )


class ComplaintAttachmentFileApi(StaffComplaintApi):
    content_negotiation_class = JsonOnlyNegotiation

    @extend_schema(
        operation_id="complaints_attachments_download",
        summary="Download an attachment",
        parameters=[CODE_PATH],
        responses={**BINARY_RESPONSES, **errors(401, 403, 404)},
        tags=["complaints"],
    )
    def get(self, request: Request, code: str, pk: int) -> FileResponse:
        attachment = get_object_or_404(Attachment, pk=pk, complaint=self.complaint)
        return file_response(attachment)
