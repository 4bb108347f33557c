"""``POST /api/v1/replies/check/``: the tone checker's verdict on a draft reply, for staff
(a session, or a token of a staff user with ``complaints:read``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import access, idempotency
from aduan.api.apis.base import ApiView
from aduan.api.schema import ERROR_EXAMPLES, LANGUAGE_HEADER, errors
from aduan.replies import checker, selectors


class ReplyCheckInput(serializers.Serializer):
    reply = serializers.CharField(
        max_length=settings.ADUAN_MAX_DESCRIPTION_CHARS,
        trim_whitespace=True,
        help_text="The draft reply to the citizen.",
        error_messages={
            "blank": "Balasan wajib diisi. / The reply is required.",
            "required": "Balasan wajib diisi. / The reply is required.",
            "max_length": "Balasan terlalu panjang. / The reply is too long.",
        },
    )
    complaint = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=settings.ADUAN_MAX_DESCRIPTION_CHARS,
        help_text="The complaint's text, for context (optional).",
    )
    complaint_id = serializers.CharField(
        required=False,
        max_length=32,
        help_text=(
            "Tracking code of a complaint the caller may see; its description is the "
            "context (instead of `complaint`)."
        ),
    )


class FlawOutput(serializers.Serializer):
    code = serializers.ChoiceField(choices=list(checker.FLAWS), read_only=True)
    words = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Words that caused it."
    )
    suggestion = serializers.CharField(read_only=True, help_text="A better phrasing.")
    message = serializers.CharField(read_only=True, help_text="What is wrong (Indonesian).")


class VerdictOutput(serializers.Serializer):
    score = serializers.IntegerField(read_only=True, help_text="0–100.")
    acceptable = serializers.BooleanField(read_only=True)
    flaws = FlawOutput(many=True, read_only=True)


class ReplyCheckApi(ApiView):
    permission_classes = [access.CanReadComplaints]

    @extend_schema(
        operation_id="replies_check",
        summary="Check the tone of a draft reply (staff)",
        description=(
            "The reply-tone checker's verdict: a score of 0–100, whether the reply is "
            "acceptable to send, and its flaws with the words that caused them and a better "
            "phrasing. Nothing is stored. Give the complaint's text as `complaint`, or a "
            "tracking code the caller may see as `complaint_id`."
        ),
        parameters=[LANGUAGE_HEADER, idempotency.PARAMETER],
        request=ReplyCheckInput,
        responses={200: VerdictOutput, **errors(400, 401, 403, 404, 409, 415, 422)},
        examples=[
            OpenApiExample(
                "A curt reply",
                value={"reply": "sudah dicek.", "complaint_id": "ADU-2026-000123"},
                request_only=True,
            ),
            *ERROR_EXAMPLES,
        ],
        tags=["replies"],
    )
    def post(self, request: Request) -> Response:
        form = ReplyCheckInput(data=request.data)
        form.is_valid(raise_exception=True)
        data: dict[str, Any] = form.validated_data
        context = data.get("complaint") or ""
        jurisdiction_id = getattr(self.caller.user, "jurisdiction_id", None)
        if data.get("complaint_id"):
            complaint = access.complaint_for(self.caller, data["complaint_id"])
            context, jurisdiction_id = complaint.description, complaint.jurisdiction_id
        verdict = checker.check(data["reply"], context, selectors.unit_names(jurisdiction_id))
        return Response(VerdictOutput(verdict.as_dict()).data)
