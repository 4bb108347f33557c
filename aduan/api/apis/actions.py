"""``POST /complaints/{code}/actions/{action}/``: one endpoint per workflow action, each a
thin adapter over its ``complaints.services`` function.

Order of checks: the complaint must be visible (404), the caller allowed to take the action
by role and unit (403), the input valid (400), and the status must allow it (409)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiRequest,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import access, idempotency
from aduan.api import serializers as s
from aduan.api.apis.base import ApiView
from aduan.api.apis.complaints import StaffComplaintApi, unknown
from aduan.api.models import Scope
from aduan.api.schema import CODE_PATH, ERROR_EXAMPLES, LANGUAGE_HEADER, errors
from aduan.complaints import permissions, services
from aduan.complaints.models import Complaint
from aduan.organisation.models import Category, Unit

Run = Callable[[access.Caller, Complaint, dict[str, Any]], object]


@dataclass(frozen=True)
class ActionSpec:
    name: str
    summary: str
    who: str
    input: type[serializers.Serializer]
    run: Run
    multipart_input: type[serializers.Serializer] | None = None
    example: dict[str, Any] | None = None


def _unit(complaint: Complaint, code: str, field: str) -> Unit:
    unit = Unit.objects.filter(jurisdiction_id=complaint.jurisdiction_id, code=code).first()
    if unit is None:
        raise (
            unknown("unit")
            if field == "unit"
            else serializers.ValidationError({field: ["Instansi tidak dikenal. / Unknown body."]})
        )
    return unit


def _dispose(caller: access.Caller, complaint: Complaint, data: dict[str, Any]) -> object:
    category = None
    if data.get("category"):
        category = Category.objects.filter(
            jurisdiction_id=complaint.jurisdiction_id, code=data["category"]
        ).first()
        if category is None:
            raise unknown("category")
    return services.complaint_dispose(
        complaint=complaint,
        actor=caller.actor,
        unit=_unit(complaint, data["unit"], "unit"),
        category=category,
        note=data["note"],
    )


def _refer(caller: access.Caller, complaint: Complaint, data: dict[str, Any]) -> object:
    body = _unit(complaint, data["body"], "body") if data.get("body") else None
    return services.complaint_refer(
        complaint=complaint,
        actor=caller.actor,
        note_to_citizen=data["note_to_citizen"],
        body=body,
    )


def _merge(caller: access.Caller, complaint: Complaint, data: dict[str, Any]) -> object:
    try:
        into = access.complaint_for(caller, data["into"])
    except Http404 as exc:
        raise serializers.ValidationError(
            {"into": ["Laporan tujuan tidak ditemukan. / Target complaint not found."]}
        ) from exc
    return services.complaint_merge(
        complaint=complaint,
        actor=caller.actor,
        into=into,
    )


def _forward(caller: access.Caller, complaint: Complaint, data: dict[str, Any]) -> object:
    return services.complaint_forward(
        complaint=complaint,
        actor=caller.actor,
        unit=_unit(complaint, data["unit"], "unit"),
        reason=data["reason"],
    )


VERIFIERS = "Verifiers (and administrators), while the complaint is new or on hold."
UNIT = "Officers of the handling unit (and administrators)."

ACTIONS: list[ActionSpec] = [
    ActionSpec(
        "dispose",
        "Verify and dispose to a unit",
        VERIFIERS,
        s.DisposeInput,
        _dispose,
        example={"unit": "disdukcapil", "category": "adminduk", "note": "Mohon segera."},
    ),
    ActionSpec(
        "hold",
        "Put on hold",
        "Verifiers, while the complaint is new.",
        s.ReasonInput,
        lambda c, complaint, d: services.complaint_hold(
            complaint=complaint,
            actor=c.actor,
            reason=d["reason"],
        ),
        example={"reason": "Menunggu konfirmasi lokasi dari kelurahan."},
    ),
    ActionSpec(
        "refer",
        "Refer elsewhere (not our authority)",
        VERIFIERS,
        s.ReferInput,
        _refer,
        example={"note_to_citizen": "Silakan hubungi PLN UP3 Pekalongan (123)."},
    ),
    ActionSpec(
        "archive",
        "Archive (spam, duplicate, incomplete)",
        VERIFIERS,
        s.ArchiveInput,
        lambda c, complaint, d: services.complaint_archive(
            complaint=complaint,
            actor=c.actor,
            reason=d["reason"],
            note=d["note"],
        ),
        example={"reason": "spam"},
    ),
    ActionSpec(
        "merge",
        "Merge into another complaint",
        "Verifiers.",
        s.MergeInput,
        _merge,
        example={"into": "ADU-2026-000120"},
    ),
    ActionSpec(
        "start",
        "Start working on it",
        UNIT,
        s.EmptyInput,
        lambda c, complaint, d: services.complaint_start(
            complaint=complaint,
            actor=c.actor,
        ),
    ),
    ActionSpec(
        "request_info",
        "Ask the reporter for information",
        "Verifiers while new or on hold; the handling unit afterwards.",
        s.QuestionInput,
        lambda c, complaint, d: services.complaint_request_info(
            complaint=complaint,
            actor=c.actor,
            question=d["question"],
        ),
        example={"question": "Mohon sebutkan nomor rumah atau patokan terdekat."},
    ),
    ActionSpec(
        "forward",
        "Forward to another unit",
        "The handling unit or a verifier.",
        s.ForwardInput,
        _forward,
        example={"unit": "dpupr", "reason": "Jalan kota: kewenangan DPUPR."},
    ),
    ActionSpec(
        "note",
        "Add an internal note",
        "The handling unit or a verifier. Never shown to the citizen.",
        s.TextInput,
        lambda c, complaint, d: services.complaint_add_note(
            complaint=complaint,
            actor=c.actor,
            text=d["text"],
        ),
        example={"text": "Sudah dikoordinasikan dengan lurah."},
    ),
    ActionSpec(
        "follow_up",
        "Post the follow-up the citizen reads",
        UNIT,
        s.FollowUpInput,
        lambda c, complaint, d: services.complaint_follow_up(
            complaint=complaint,
            actor=c.actor,
            text=d["text"],
            attachments=d.get("attachments") or [],
        ),
        multipart_input=s.FollowUpMultipartInput,
        example={"text": "Lampu sudah diganti pada 18 Maret oleh petugas PJU."},
    ),
    ActionSpec(
        "flag_tapd",
        "Flag for planning and budget (TAPD)",
        UNIT,
        s.FlagTapdInput,
        lambda c, complaint, d: services.complaint_flag_tapd(
            complaint=complaint,
            actor=c.actor,
            reason=d["reason"],
            scope=d["scope"],
        ),
        example={"reason": "Perlu pelebaran saluran 200 m.", "scope": "Drainase Jl. Merdeka"},
    ),
    ActionSpec(
        "resolve",
        "Close as resolved",
        UNIT + " Only after a follow-up.",
        s.ResolveInput,
        lambda c, complaint, d: services.complaint_resolve(
            complaint=complaint,
            actor=c.actor,
            note=d["note"],
        ),
    ),
    ActionSpec(
        "tapd_decide",
        "TAPD's decision on a flagged complaint",
        "TAPD members and administrators, on a complaint flagged for TAPD.",
        s.TapdDecideInput,
        lambda c, complaint, d: services.complaint_tapd_decide(
            complaint=complaint,
            actor=c.actor,
            decision=d["decision"],
            budget_year=d["budget_year"],
            programme=d["programme"],
            estimated_cost=d["estimated_cost"],
            reason=d["reason"],
        ),
        example={"decision": "dijadwalkan", "budget_year": 2027, "programme": "Rehab drainase"},
    ),
]


def may_take(caller: access.Caller, complaint: Complaint, action: str) -> bool:
    """The role and unit check (the status is the service's to check)."""
    user = caller.user
    if user is None:
        return False
    if action == "tapd_decide":
        return permissions.can_decide_tapd(user, complaint)
    return permissions.may(user, complaint, action)


class ComplaintActionApi(StaffComplaintApi):
    permission_classes = [access.CanActOnComplaints]
    spec: ActionSpec

    def prepare(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().prepare(request, *args, **kwargs)
        if not may_take(self.caller, self.complaint, self.spec.name):
            raise PermissionDenied(
                "Anda tidak berwenang melakukan tindakan ini. / You may not take this action."
            )

    def post(self, request: Request, code: str) -> Response:
        spec = self.spec
        multipart = (request.content_type or "").startswith("multipart/")
        input_class = spec.multipart_input if multipart and spec.multipart_input else spec.input
        form = input_class(data=request.data)
        form.is_valid(raise_exception=True)
        spec.run(self.caller, self.complaint, form.validated_data)
        complaint = Complaint.objects.get(pk=self.complaint.pk)
        detail = None
        if self.caller.has_scope(Scope.READ):
            try:
                visible = access.complaint_for(self.caller, complaint.tracking_code)
            except Http404:
                pass
            else:
                detail = s.ComplaintDetailOutput(visible, context={"caller": self.caller}).data
        body = {
            "action": spec.name,
            "tracking_code": complaint.tracking_code,
            "status": complaint.status,
            "status_label": str(complaint.get_status_display()),
            "complaint": detail,
        }
        return Response(body)


def _view(spec: ActionSpec) -> type[ApiView]:
    request: dict[str, Any] = {"application/json": OpenApiRequest(spec.input)}
    if spec.multipart_input is not None:
        request["multipart/form-data"] = OpenApiRequest(spec.multipart_input)
    else:
        request["multipart/form-data"] = OpenApiRequest(spec.input)
    examples = [*ERROR_EXAMPLES]
    if spec.example is not None:
        examples.insert(0, OpenApiExample(spec.summary, value=spec.example, request_only=True))
    name = "".join(part.title() for part in spec.name.split("_"))
    view = type(f"Complaint{name}Api", (ComplaintActionApi,), {"spec": spec})
    return extend_schema_view(
        post=extend_schema(
            operation_id=f"complaints_{spec.name}",
            summary=spec.summary,
            description=(
                f"Who: {spec.who} Needs `complaints:write` for tokens. The answer carries the "
                "complaint after the action (null when the caller can no longer see it)."
            ),
            parameters=[CODE_PATH, idempotency.PARAMETER, LANGUAGE_HEADER],
            request=request,
            responses={200: s.ActionResultOutput, **errors(400, 401, 403, 404, 409, 415, 422)},
            examples=examples,
            tags=["actions"],
        )
    )(view)


ACTION_VIEWS: dict[str, type[ApiView]] = {spec.name: _view(spec) for spec in ACTIONS}
