"""Input and output serializers of the API (HackSoft style: plain serializers, no model
serializers; inputs are parsed here and handed to ``complaints.services``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField

from aduan.accounts.audit import record_identity_view
from aduan.accounts.models import IdentitySurface
from aduan.api import submission
from aduan.api.i18n import pick
from aduan.complaints import permissions, selectors
from aduan.complaints.choices import (
    ArchiveReason,
    Channel,
    ComplaintStatus,
    Privacy,
    ReportType,
    Stage,
    TapdDecision,
)
from aduan.complaints.models import Attachment, Complaint, ComplaintEvent, PlanningItem
from aduan.sla import clocks

# --------------------------------------------------------------------------- references


class CategoryRefOutput(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class AreaRefOutput(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class UnitRefOutput(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    short_name = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class CategoryOutput(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    default_unit = serializers.CharField(
        source="default_unit.code", read_only=True, allow_null=True, default=None
    )
    sla_days = serializers.IntegerField(read_only=True, help_text="Working days to resolve.")
    typically_needs_planning = serializers.BooleanField(read_only=True)


class UnitOutput(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    short_name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    parent = serializers.CharField(
        source="parent.code", read_only=True, allow_null=True, default=None
    )
    area = serializers.CharField(source="area.code", read_only=True, allow_null=True, default=None)


class AreaOutput(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    parent = serializers.CharField(
        source="parent.code", read_only=True, allow_null=True, default=None
    )
    latitude = serializers.FloatField(read_only=True, allow_null=True)
    longitude = serializers.FloatField(read_only=True, allow_null=True)


class UnitFilterInput(serializers.Serializer):
    jurisdiction = serializers.SlugField(required=False, max_length=60)
    kind = serializers.ChoiceField(
        choices=["opd", "kecamatan", "kelurahan", "puskesmas", "rsud", "bumd", "external"],
        required=False,
    )


class AreaFilterInput(serializers.Serializer):
    jurisdiction = serializers.SlugField(required=False, max_length=60)
    kind = serializers.ChoiceField(choices=["kecamatan", "kelurahan"], required=False)
    parent = serializers.SlugField(required=False, max_length=60, help_text="Kecamatan code.")


class JurisdictionInput(serializers.Serializer):
    jurisdiction = serializers.SlugField(
        required=False,
        max_length=60,
        help_text="Jurisdiction slug; default: the caller's, else the site's.",
    )


# --------------------------------------------------------------------------- complaints

_DATE_MIN, _DATE_MAX = date(2000, 1, 1), date(2100, 12, 31)


def _check_dates(attrs: dict[str, Any]) -> dict[str, Any]:
    for name in ("date_from", "date_to"):
        value = attrs.get(name)
        if value is not None and not _DATE_MIN <= value <= _DATE_MAX:
            raise serializers.ValidationError(
                {name: [pick("Tanggal di luar jangkauan.", "Date out of range.")]}
            )
    return attrs


class ComplaintFilterInput(serializers.Serializer):
    """The filters of the officer inbox."""

    queue = serializers.ChoiceField(
        choices=["verifikasi", "unit"],
        required=False,
        help_text="`verifikasi`: the verification queue; `unit`: my units' open complaints.",
    )
    status = serializers.ChoiceField(
        choices=["terbuka", *ComplaintStatus.values],
        required=False,
        help_text="A status, or `terbuka` for every open status.",
    )
    category = serializers.SlugField(required=False, max_length=60, help_text="Category code.")
    area = serializers.SlugField(required=False, max_length=60, help_text="Area (kelurahan) code.")
    unit = serializers.SlugField(required=False, max_length=60, help_text="Unit code.")
    date_from = serializers.DateField(required=False, help_text="Submitted on or after.")
    date_to = serializers.DateField(required=False, help_text="Submitted on or before.")
    q = serializers.CharField(
        required=False, max_length=200, help_text="Tracking code, or words in the text."
    )
    due = serializers.ChoiceField(
        choices=["lewat", "hari_ini"],
        required=False,
        help_text="`lewat`: overdue; `hari_ini`: due today.",
    )
    sort = serializers.ChoiceField(
        choices=["baru", "lama", "batas"],
        required=False,
        default="baru",
        help_text="`baru`: newest first (default); `lama`: oldest first; `batas`: due first.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _check_dates(attrs)


class ReporterOutput(serializers.Serializer):
    name = serializers.CharField(source="reporter_name", read_only=True)
    phone = serializers.CharField(source="reporter_phone", read_only=True)
    email = serializers.CharField(source="reporter_email", read_only=True)


class ComplaintListItemOutput(serializers.Serializer):
    tracking_code = serializers.CharField(read_only=True)
    report_type = serializers.ChoiceField(choices=ReportType.choices, read_only=True)
    report_type_label = serializers.CharField(source="get_report_type_display", read_only=True)
    status = serializers.ChoiceField(choices=ComplaintStatus.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    privacy = serializers.ChoiceField(choices=Privacy.choices, read_only=True)
    channel = serializers.ChoiceField(choices=Channel.choices, read_only=True)
    summary = serializers.CharField(read_only=True)
    category = CategoryRefOutput(read_only=True, allow_null=True)
    area = AreaRefOutput(read_only=True, allow_null=True)
    unit = UnitRefOutput(read_only=True, allow_null=True)
    submitted_at = serializers.DateTimeField(read_only=True)
    stage = serializers.ChoiceField(choices=Stage.choices, read_only=True)
    due_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="Deadline of the current stage."
    )
    is_overdue = serializers.BooleanField(read_only=True)
    needs_tapd = serializers.BooleanField(read_only=True)
    support_count = serializers.IntegerField(read_only=True)


class PlanningOutput(serializers.Serializer):
    flagged_at = serializers.DateTimeField(read_only=True)
    flagged_on_time = serializers.BooleanField(read_only=True)
    note = serializers.CharField(read_only=True)
    scope = serializers.CharField(read_only=True)
    decision = serializers.CharField(read_only=True, help_text="Empty until TAPD decides.")
    decision_label = serializers.CharField(source="get_decision_display", read_only=True)
    public_label = serializers.CharField(read_only=True)
    budget_year = serializers.IntegerField(read_only=True, allow_null=True)
    programme = serializers.CharField(read_only=True)
    estimated_cost = serializers.DecimalField(
        max_digits=16, decimal_places=0, read_only=True, allow_null=True
    )
    reason = serializers.CharField(read_only=True)
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True)


class ComplaintDetailOutput(ComplaintListItemOutput):
    """Needs ``context["caller"]``: the reporter's identity is shown only to those who may
    see it (``permissions.can_see_identity``), the actions only to those who may take them."""

    title = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    address = serializers.CharField(read_only=True)
    latitude = serializers.FloatField(read_only=True, allow_null=True)
    longitude = serializers.FloatField(read_only=True, allow_null=True)
    media_url = serializers.CharField(read_only=True)
    suggested_unit = UnitRefOutput(read_only=True, allow_null=True)
    referred_to = UnitRefOutput(read_only=True, allow_null=True)
    merged_into = serializers.CharField(
        source="merged_into.tracking_code", read_only=True, allow_null=True, default=None
    )
    verified_at = serializers.DateTimeField(read_only=True, allow_null=True)
    first_follow_up_at = serializers.DateTimeField(read_only=True, allow_null=True)
    resolved_at = serializers.DateTimeField(read_only=True, allow_null=True)
    closed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    resolution_due_at = serializers.DateTimeField(read_only=True, allow_null=True)
    expected_completion = serializers.SerializerMethodField()
    identity_visible = serializers.SerializerMethodField()
    reporter = serializers.SerializerMethodField()
    available_actions = serializers.SerializerMethodField()
    planning = serializers.SerializerMethodField()

    def _user(self) -> Any:
        return self.context["caller"].user

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_expected_completion(self, obj: Complaint) -> str | None:
        moment = clocks.expected_completion(obj)
        return serializers.DateTimeField().to_representation(moment) if moment else None

    def get_identity_visible(self, obj: Complaint) -> bool:
        return permissions.can_see_identity(self._user(), obj)

    @extend_schema_field(ReporterOutput(allow_null=True))
    def get_reporter(self, obj: Complaint) -> dict | None:
        if not permissions.can_see_identity(self._user(), obj):
            return None
        record_identity_view(user=self._user(), complaint=obj, surface=IdentitySurface.API)
        return ReporterOutput(obj).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_available_actions(self, obj: Complaint) -> list[str]:
        caller = self.context["caller"]
        if not caller.has_scope("complaints:write"):
            return []
        user = caller.user
        actions = permissions.available_actions(user, obj)
        if permissions.can_decide_tapd(user, obj) and self._planning(obj) is not None:
            actions.append("tapd_decide")
        return actions

    def _planning(self, obj: Complaint) -> PlanningItem | None:
        cache = self.context.setdefault("_planning", {})
        if obj.pk not in cache:
            cache[obj.pk] = selectors.planning_item(obj)
        return cache[obj.pk]

    @extend_schema_field(PlanningOutput(allow_null=True))
    def get_planning(self, obj: Complaint) -> dict | None:
        item = self._planning(obj)
        return PlanningOutput(item).data if item is not None else None


def _unit_ref(event: ComplaintEvent, name: str) -> dict | None:
    unit = getattr(event, name)
    return UnitRefOutput(unit).data if unit is not None else None


class AttachmentRefOutput(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="original_name", read_only=True)
    content_type = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True)


class EventOutput(serializers.Serializer):
    """A timeline event as staff see it."""

    id = serializers.IntegerField(read_only=True)
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    actor = serializers.SerializerMethodField()
    from_status = serializers.CharField(read_only=True, help_text="Empty when unchanged.")
    to_status = serializers.CharField(read_only=True, help_text="Empty when unchanged.")
    from_unit = UnitRefOutput(read_only=True, allow_null=True)
    to_unit = UnitRefOutput(read_only=True, allow_null=True)
    message = serializers.CharField(read_only=True)
    is_public = serializers.BooleanField(read_only=True)
    stage = serializers.CharField(
        source="data.stage", read_only=True, default="", help_text="Clock stage it set."
    )
    stage_due_at = serializers.DateTimeField(source="clock_due", read_only=True, allow_null=True)
    attachments = AttachmentRefOutput(many=True, read_only=True)

    def get_actor(self, obj: ComplaintEvent) -> str:
        return obj.actor_label or pick("Sistem", "System")


class CitizenEventOutput(serializers.Serializer):
    """A public timeline event as the reporter sees it (no staff names)."""

    id = serializers.IntegerField(read_only=True)
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    actor = serializers.SerializerMethodField()
    to_status = serializers.CharField(read_only=True)
    to_unit = serializers.CharField(
        source="to_unit.name", read_only=True, allow_null=True, default=None
    )
    message = serializers.CharField(read_only=True)
    attachments = AttachmentRefOutput(many=True, read_only=True)

    def get_actor(self, obj: ComplaintEvent) -> str:
        if obj.actor_id is not None:
            return pick("Petugas", "Officer")
        return obj.actor_label or pick("Sistem", "System")


class AttachmentOutput(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="original_name", read_only=True)
    content_type = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True)
    from_citizen = serializers.BooleanField(read_only=True)
    uploaded_at = serializers.DateTimeField(read_only=True)
    event = serializers.IntegerField(source="event_id", read_only=True, allow_null=True)
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, obj: Attachment) -> str:
        return self.context["download_url"](obj)


class ComplaintCreateInput(serializers.Serializer):
    """A new complaint, as JSON (no files) or multipart (with ``attachments``). Its fields
    are made from ``api.submission.RULES`` and checked by ``api.submission.clean``, the
    rules the asynchronous intake applies too."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {**submission.serializer_fields(), **super().get_fields()}

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        values, problems = submission.clean(data)
        if "non_field_errors" in problems:  # not an object at all
            raise serializers.ValidationError(problems)
        extra = {
            name: field
            for name, field in self.fields.items()
            if name not in submission.RULES and not field.read_only
        }
        for name, field in extra.items():  # the multipart input's attachments
            try:
                values[name] = field.run_validation(field.get_value(data))
            except serializers.ValidationError as exc:
                problems[name] = exc.detail
            except SkipField:
                pass
        if problems:
            raise serializers.ValidationError(problems)
        return values


class ComplaintCreateMultipartInput(ComplaintCreateInput):
    attachments = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text=(
            f"Up to {settings.ADUAN_MAX_ATTACHMENTS} JPEG, PNG, WebP or PDF files of at most "
            f"{settings.ADUAN_MAX_ATTACHMENT_BYTES // 1024 // 1024} MB each."
        ),
    )


class ComplaintCreatedOutput(serializers.Serializer):
    tracking_code = serializers.CharField()
    secret = serializers.CharField(
        help_text="With the tracking code, opens the complaint for the citizen. Shown once."
    )
    status = serializers.CharField()
    status_label = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    expected_completion = serializers.DateTimeField(allow_null=True)
    status_page_url = serializers.URLField(help_text="The citizen's status page on the web.")
    api_url = serializers.URLField(help_text="The citizen endpoint of this complaint.")


class ComplaintAcceptedOutput(serializers.Serializer):
    """The answer to ``Prefer: respond-async``: the submission is stored and will be a
    complaint within seconds, under this code and secret."""

    tracking_code = serializers.CharField()
    secret = serializers.CharField(
        help_text="With the tracking code, opens the complaint for the citizen. Shown once."
    )
    status = serializers.CharField(help_text="`diterima`: received, being recorded.")
    status_label = serializers.CharField()
    submitted_at = serializers.DateTimeField(help_text="When it was received.")
    status_page_url = serializers.URLField(help_text="The citizen's status page on the web.")
    api_url = serializers.URLField(
        help_text="The citizen endpoint of this complaint (`202` until it is recorded)."
    )


class QueuedSubmissionOutput(serializers.Serializer):
    """A submission acknowledged and not yet recorded, as its citizen sees it."""

    tracking_code = serializers.CharField()
    status = serializers.CharField(help_text="`diterima`: received, being recorded.")
    status_label = serializers.CharField()
    message = serializers.CharField()
    submitted_at = serializers.DateTimeField()


# --------------------------------------------------------------------------- actions


class EmptyInput(serializers.Serializer):
    pass


class DisposeInput(serializers.Serializer):
    unit = serializers.SlugField(max_length=60, help_text="Code of the unit to handle it.")
    category = serializers.SlugField(
        required=False, max_length=60, help_text="Category code, to correct it."
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class ReferInput(serializers.Serializer):
    note_to_citizen = serializers.CharField(
        allow_blank=True, help_text="Where the citizen should turn."
    )
    body = serializers.SlugField(
        required=False, max_length=60, help_text="Code of the body it belongs to (optional)."
    )


class ArchiveInput(serializers.Serializer):
    reason = serializers.ChoiceField(choices=ArchiveReason.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class MergeInput(serializers.Serializer):
    into = serializers.CharField(max_length=32, help_text="Tracking code of the main complaint.")


class QuestionInput(serializers.Serializer):
    question = serializers.CharField(allow_blank=True)


class ForwardInput(serializers.Serializer):
    unit = serializers.SlugField(max_length=60, help_text="Code of the unit to send it to.")
    reason = serializers.CharField(allow_blank=True)


class TextInput(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)


class FollowUpInput(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, help_text="The answer the citizen reads.")


class FollowUpMultipartInput(FollowUpInput):
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class FlagTapdInput(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)
    scope = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


class ResolveInput(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class TapdDecideInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=TapdDecision.choices)
    budget_year = serializers.IntegerField(
        required=False, allow_null=True, min_value=2000, max_value=2100, default=None
    )
    programme = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    estimated_cost = serializers.DecimalField(
        max_digits=16, decimal_places=0, required=False, allow_null=True, default=None
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ActionResultOutput(serializers.Serializer):
    action = serializers.CharField()
    tracking_code = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    complaint = ComplaintDetailOutput(
        allow_null=True,
        help_text=(
            "The complaint after the action; null when the caller can no longer see it "
            "(e.g. forwarded to another unit) or the token lacks complaints:read."
        ),
    )


# --------------------------------------------------------------------------- citizen


class CitizenComplaintOutput(serializers.Serializer):
    tracking_code = serializers.CharField(read_only=True)
    report_type = serializers.ChoiceField(choices=ReportType.choices, read_only=True)
    report_type_label = serializers.CharField(source="get_report_type_display", read_only=True)
    status = serializers.ChoiceField(choices=ComplaintStatus.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    privacy = serializers.ChoiceField(choices=Privacy.choices, read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True)
    title = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    address = serializers.CharField(read_only=True)
    category = CategoryRefOutput(read_only=True, allow_null=True)
    area = AreaRefOutput(read_only=True, allow_null=True)
    handler = serializers.SerializerMethodField(
        help_text="The unit handling it, or the one it is likely to go to."
    )
    expected_completion = serializers.SerializerMethodField()
    planning = serializers.SerializerMethodField(help_text="TAPD planning status, if flagged.")
    respond_before = serializers.SerializerMethodField()
    add_info_before = serializers.SerializerMethodField()
    support_count = serializers.IntegerField(read_only=True)
    merged_into = serializers.CharField(
        source="merged_into.tracking_code", read_only=True, allow_null=True, default=None
    )
    referred_to = serializers.CharField(
        source="referred_to.name", read_only=True, allow_null=True, default=None
    )
    can_add_info = serializers.SerializerMethodField()
    can_respond = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_handler(self, obj: Complaint) -> str | None:
        unit = obj.unit or obj.suggested_unit
        return unit.name if unit is not None else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_expected_completion(self, obj: Complaint) -> str | None:
        moment = clocks.expected_completion(obj)
        return serializers.DateTimeField().to_representation(moment) if moment else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_planning(self, obj: Complaint) -> str | None:
        item = selectors.planning_item(obj)
        return item.public_label if item is not None else None

    def _due_in(self, obj: Complaint, stage: str) -> str | None:
        if obj.stage == stage and obj.due_at is not None:
            return serializers.DateTimeField().to_representation(obj.due_at)
        return None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_respond_before(self, obj: Complaint) -> str | None:
        return self._due_in(obj, Stage.TANGGAPAN_WARGA)

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_add_info_before(self, obj: Complaint) -> str | None:
        return self._due_in(obj, Stage.MENUNGGU_WARGA)

    def get_can_add_info(self, obj: Complaint) -> bool:
        return obj.status == ComplaintStatus.MENUNGGU_INFO

    def get_can_respond(self, obj: Complaint) -> bool:
        return obj.status == ComplaintStatus.DITINDAKLANJUTI


class AddInfoInput(serializers.Serializer):
    message = serializers.CharField(allow_blank=True, help_text="The answer to the question.")


class AddInfoMultipartInput(AddInfoInput):
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class RespondInput(serializers.Serializer):
    satisfied = serializers.BooleanField(help_text="true: satisfied, closes the complaint.")
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Required when not satisfied: the complaint is reopened.",
    )


# --------------------------------------------------------------------------- statistics


class CountOutput(serializers.Serializer):
    code = serializers.CharField(allow_null=True, help_text="Null: none (e.g. no category).")
    label = serializers.CharField()
    count = serializers.IntegerField()


class StatisticsFilterInput(serializers.Serializer):
    date_from = serializers.DateField(required=False, help_text="Submitted on or after.")
    date_to = serializers.DateField(required=False, help_text="Submitted on or before.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _check_dates(attrs)


class PublicStatisticsFilterInput(StatisticsFilterInput, JurisdictionInput):
    pass


class StatisticsOutput(serializers.Serializer):
    total = serializers.IntegerField()
    open = serializers.IntegerField()
    overdue = serializers.IntegerField(help_text="Open, past a staff deadline.")
    by_status = CountOutput(many=True)
    by_category = CountOutput(many=True)
    by_unit = CountOutput(many=True)


class PublicStatisticsOutput(serializers.Serializer):
    jurisdiction = serializers.CharField()
    total = serializers.IntegerField()
    open = serializers.IntegerField()
    done = serializers.IntegerField()
    by_status = CountOutput(many=True)
    by_category = CountOutput(many=True)


# --------------------------------------------------------------------------- caller


class MeUserOutput(serializers.Serializer):
    username = serializers.CharField()
    display_name = serializers.CharField()
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")


class MeTokenOutput(serializers.Serializer):
    name = serializers.CharField()
    prefix = serializers.CharField(source="key_prefix")
    scopes = serializers.ListField(child=serializers.CharField())
    units = serializers.ListField(child=serializers.CharField(), help_text="Empty: no limit.")
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField(allow_null=True)


class MeOutput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["staff", "integration", "anonymous"])
    jurisdiction = serializers.CharField(allow_null=True)
    user = MeUserOutput(allow_null=True)
    token = MeTokenOutput(allow_null=True)
