"""The reporter's own complaint, opened with its tracking code and secret: read it, answer
a request for information, respond to the follow-up. No account, no identity shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiRequest, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import access, idempotency
from aduan.api import serializers as s
from aduan.api.apis.base import ApiView
from aduan.api.apis.complaints import JsonOnlyNegotiation, file_response
from aduan.api.pagination import KeysetPagination
from aduan.api.schema import (
    BINARY_RESPONSES,
    CODE_PATH,
    ERROR_EXAMPLES,
    LANGUAGE_HEADER,
    SECRET_HEADER,
    SECRET_QUERY,
    errors,
)
from aduan.complaints import selectors, services
from aduan.complaints.choices import QUEUED_LABEL, QUEUED_MESSAGE, QUEUED_STATUS
from aduan.complaints.models import Attachment, Complaint, QueuedSubmission

CITIZEN = [CODE_PATH, SECRET_HEADER, SECRET_QUERY, LANGUAGE_HEADER]


def citizen_download_url(request: Request, complaint: Complaint) -> Callable[[Attachment], str]:
    def url(attachment: Attachment) -> str:
        return request.build_absolute_uri(
            reverse("api:citizen-attachment", args=[complaint.tracking_code, attachment.pk])
        )

    return url


class CitizenApi(ApiView):
    """Open to anyone who holds the code and the secret; a wrong secret is a 404."""

    def prepare(self, request: Request, *args: Any, **kwargs: Any) -> None:
        secret = request.headers.get("X-Tracking-Secret") or request.query_params.get("secret", "")
        self.complaint = access.complaint_for_citizen(kwargs["code"], secret)

    def complaint_body(self) -> dict:
        complaint = (
            Complaint.objects.select_related(
                "category", "area", "unit", "suggested_unit", "jurisdiction", "merged_into"
            )
            .select_related("referred_to")
            .get(pk=self.complaint.pk)
        )
        return s.CitizenComplaintOutput(complaint).data


class CitizenComplaintApi(CitizenApi):
    queued: QueuedSubmission | None = None

    def prepare(self, request: Request, *args: Any, **kwargs: Any) -> None:
        try:
            super().prepare(request, *args, **kwargs)
        except Http404:
            # Acknowledged with ``Prefer: respond-async`` and not yet recorded: say so.
            secret = request.headers.get("X-Tracking-Secret") or request.query_params.get(
                "secret", ""
            )
            code = kwargs["code"]
            if not access.TRACKING_CODE.match(code.strip().upper()) or len(secret) > 64:
                raise
            self.queued = selectors.queued_for_citizen(code, secret)
            if self.queued is None:
                raise

    @extend_schema(
        operation_id="citizen_complaints_retrieve",
        summary="My complaint (tracking code + secret)",
        description=(
            "The complaint. A submission acknowledged with `202 Accepted` "
            "(`Prefer: respond-async`) that is not yet recorded answers `202` with its "
            "tracking code, the status `diterima` and a message, and nothing else; ask again "
            "a few seconds later."
        ),
        parameters=CITIZEN,
        responses={
            200: s.CitizenComplaintOutput,
            202: s.QueuedSubmissionOutput,
            **errors(401, 404),
        },
        tags=["citizen"],
    )
    def get(self, request: Request, code: str) -> Response:
        if self.queued is not None:
            body = {
                "tracking_code": self.queued.tracking_code,
                "status": QUEUED_STATUS,
                "status_label": str(QUEUED_LABEL),
                "message": str(QUEUED_MESSAGE),
                "submitted_at": self.queued.received_at,
            }
            return Response(s.QueuedSubmissionOutput(body).data, status=202)
        return Response(self.complaint_body())


class CitizenEventsApi(CitizenApi):
    pagination_class = KeysetPagination
    keyset_ordering = ["id"]

    @extend_schema(
        operation_id="citizen_complaints_events_list",
        summary="My complaint's public timeline",
        parameters=CITIZEN,
        responses={200: s.CitizenEventOutput(many=True), **errors(400, 401, 404)},
        tags=["citizen"],
    )
    def get(self, request: Request, code: str) -> Response:
        events = selectors.timeline(self.complaint, public_only=True)
        page = self.paginate_queryset(events)
        return self.get_paginated_response(s.CitizenEventOutput(page, many=True).data)


class CitizenAttachmentFileApi(CitizenApi):
    content_negotiation_class = JsonOnlyNegotiation

    @extend_schema(
        operation_id="citizen_complaints_attachments_download",
        summary="Download an attachment of my complaint",
        description="The reporter's own files and those on public timeline events.",
        parameters=[CODE_PATH, SECRET_HEADER, SECRET_QUERY],
        responses={**BINARY_RESPONSES, **errors(401, 404)},
        tags=["citizen"],
    )
    def get(self, request: Request, code: str, pk: int) -> FileResponse:
        attachment = get_object_or_404(
            Attachment.objects.select_related("event"), pk=pk, complaint=self.complaint
        )
        if not attachment.from_citizen and not (attachment.event and attachment.event.is_public):
            raise Http404("Berkas tidak ditemukan. / File not found.")
        return file_response(attachment)


class CitizenAddInfoApi(CitizenApi):
    @extend_schema(
        operation_id="citizen_complaints_add_info",
        summary="Answer the request for information",
        description="Only while the complaint waits for the reporter (`menunggu_info`).",
        parameters=[*CITIZEN, idempotency.PARAMETER],
        request={
            "application/json": OpenApiRequest(s.AddInfoInput),
            "multipart/form-data": OpenApiRequest(s.AddInfoMultipartInput),
        },
        responses={200: s.CitizenComplaintOutput, **errors(400, 401, 404, 409, 415, 422)},
        examples=[
            OpenApiExample(
                "Answer",
                value={"message": "Rumah nomor 12, sebelah musala Al-Ikhlas."},
                request_only=True,
            ),
            *ERROR_EXAMPLES,
        ],
        tags=["citizen"],
    )
    def post(self, request: Request, code: str) -> Response:
        multipart = (request.content_type or "").startswith("multipart/")
        form = (s.AddInfoMultipartInput if multipart else s.AddInfoInput)(data=request.data)
        form.is_valid(raise_exception=True)
        services.complaint_add_info(
            complaint=self.complaint,
            message=form.validated_data["message"],
            attachments=form.validated_data.get("attachments") or [],
        )
        return Response(self.complaint_body())


class CitizenRespondApi(CitizenApi):
    @extend_schema(
        operation_id="citizen_complaints_respond",
        summary="Respond to the follow-up",
        description=(
            "Satisfied closes the complaint; not satisfied (with a reason) reopens it for the "
            "unit. Only after a follow-up (`ditindaklanjuti`)."
        ),
        parameters=[*CITIZEN, idempotency.PARAMETER],
        request={
            "application/json": OpenApiRequest(s.RespondInput),
            "multipart/form-data": OpenApiRequest(s.RespondInput),
        },
        responses={200: s.CitizenComplaintOutput, **errors(400, 401, 404, 409, 415, 422)},
        examples=[
            OpenApiExample(
                "Not satisfied",
                value={"satisfied": False, "reason": "Lampu mati lagi sejak kemarin."},
                request_only=True,
            ),
            *ERROR_EXAMPLES,
        ],
        tags=["citizen"],
    )
    def post(self, request: Request, code: str) -> Response:
        form = s.RespondInput(data=request.data)
        form.is_valid(raise_exception=True)
        services.complaint_citizen_respond(
            complaint=self.complaint,
            satisfied=form.validated_data["satisfied"],
            reason=form.validated_data["reason"],
        )
        return Response(self.complaint_body())
