"""Reads behind the Open311 endpoints. Public reads: confidential (rahasia) complaints are
never returned, whatever is asked."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.db.models import Case, F, JSONField, Q, QuerySet, Value, When

from aduan.complaints.choices import EventKind, Privacy, TapdDecision
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.open311.formats import Open311Error
from aduan.open311.status import statuses_for
from aduan.organisation.choices import AreaKind
from aduan.organisation.models import Area, Category, Jurisdiction
from aduan.organisation.selectors import area_resolve, categories_to_choose
from aduan.transparency.publish import is_public_values, public_q

#: The code of the one attribute every service defines: the kelurahan of the problem.
KELURAHAN = "kelurahan"
#: Rows one GET requests (or servicerequestupdates) returns at most.
DEFAULT_MAX_ROWS = 1000


def max_rows() -> int:
    """The row cap: ``settings.ADUAN_OPEN311_MAX_ROWS``, 1,000 unless set."""
    return int(getattr(settings, "ADUAN_OPEN311_MAX_ROWS", DEFAULT_MAX_ROWS))


# --------------------------------------------------------------------------- jurisdictions


def active_jurisdictions() -> list[Jurisdiction]:
    return list(Jurisdiction.objects.filter(is_active=True).select_related("operator_unit"))


def jurisdiction_get(jurisdiction_id: str | None) -> Jurisdiction:
    """The jurisdiction a call is about. ``jurisdiction_id`` (the slug) is optional while the
    installation serves one active jurisdiction; with several it is required (400). An
    unknown or inactive one is a 404."""
    qs = Jurisdiction.objects.filter(is_active=True).select_related("operator_unit")
    if jurisdiction_id:
        found = qs.filter(slug=jurisdiction_id).first()
        if found is None:
            raise Open311Error(
                404,
                f"jurisdiction_id '{jurisdiction_id}' tidak dikenal / unknown jurisdiction_id",
            )
        return found
    candidates = list(qs[:2])
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise Open311Error(404, "Tidak ada yurisdiksi aktif / no active jurisdiction")
    raise Open311Error(
        400,
        "jurisdiction_id wajib: server ini melayani beberapa yurisdiksi / "
        "jurisdiction_id is required: this server hosts several jurisdictions",
    )


# --------------------------------------------------------------------------- services


def service_list(jurisdiction: Jurisdiction) -> list[Category]:
    """The services: the categories a complaint can be put in (the intake's own rule)."""
    return list(
        categories_to_choose(jurisdiction.pk)
        .select_related("default_unit")
        .order_by("position", "name", "pk")
    )


def active_category(jurisdiction: Jurisdiction, code: str) -> Category | None:
    """The service of ``code``, or None when no category a complaint can be put in has it."""
    return categories_to_choose(jurisdiction.pk).filter(code=code).first()


def service_get(jurisdiction: Jurisdiction, code: str) -> Category:
    category = active_category(jurisdiction, code)
    if category is None:
        raise Open311Error(404, f"service_code '{code}' tidak dikenal / unknown service_code")
    return category


def kelurahan_list(jurisdiction: Jurisdiction) -> list[Area]:
    """The values of the ``kelurahan`` attribute."""
    return list(
        Area.objects.filter(jurisdiction=jurisdiction, kind=AreaKind.KELURAHAN)
        .select_related("parent")
        .order_by("name", "pk")
    )


def kelurahan_find(jurisdiction: Jurisdiction, value: str) -> Area | None:
    """The kelurahan an ``attribute[kelurahan]`` value names: its code (the attribute's
    keys) or, leniently, its name or a former name (``area_resolve``)."""
    area = Area.objects.filter(
        jurisdiction=jurisdiction, kind=AreaKind.KELURAHAN, code=value
    ).first()
    if area is None:
        area = area_resolve(jurisdiction=jurisdiction, text=value)
    return area if area is not None and area.kind == AreaKind.KELURAHAN else None


# --------------------------------------------------------------------------- requests


def tracking_codes(values: list[str]) -> list[str]:
    return [v.strip().upper() for v in values if v.strip()]


@dataclass
class RequestQuery:
    """The filters of GET requests, already checked (``views`` parses them)."""

    start: datetime
    end: datetime
    ids: list[str] = field(default_factory=list)  # overrides every other filter
    service_codes: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)  # "open" / "closed"
    page: int = 1
    page_size: int = DEFAULT_MAX_ROWS


#: The columns a request of the list reads, in ``RequestRow``'s order (values, never model
#: instances: a list of 1,000 rows builds none).
REQUEST_COLUMNS = (
    "id",
    "tracking_code",
    "status",
    "report_type",
    "channel",
    "archive_reason",
    "description",
    "public_text",
    "address",
    "reporter_name",
    "reporter_phone",
    "reporter_email",
    "submitted_at",
    "resolution_due_at",
    "latitude",
    "longitude",
    "media_url",
    "support_count",
    "category_id",
    "category__name",
    "category__code",
    "category__sla_days",
    "area__name",
    "area__code",
    "unit_id",
    "unit__name",
    "referred_to__name",
    "merged_into__tracking_code",
    "merged_into__privacy",
    "merged_into__public_hidden",
    "merged_into__held_as_spam",
)
#: The events whose ``data`` a request reads (why archived, where referred, TAPD's
#: decision); the others' is not read from the database, let alone decoded.
DATA_KINDS = (EventKind.ARCHIVED, EventKind.REFERRED, EventKind.TAPD_DECIDED)


class RequestEvent(NamedTuple):
    """One public timeline event of a request (oldest first in ``RequestRow.events``);
    ``data`` only for ``DATA_KINDS``, else None."""

    created_at: datetime
    kind: str
    to_status: str
    message: str
    data: dict[str, Any] | None


class RequestRow:
    """What a request of the list shows, read as column values: the complaint, the names of
    its category, kelurahan, unit and referral body, the code of the complaint it was merged
    into when that one is public, and its public timeline. The reporter's identity is here
    only to be masked in the published text; it is never output."""

    __slots__ = (
        "pk",
        "tracking_code",
        "status",
        "report_type",
        "channel",
        "archive_reason",
        "description",
        "edited_text",
        "address",
        "identity",
        "submitted_at",
        "resolution_due_at",
        "latitude",
        "longitude",
        "media_url",
        "support_count",
        "category_id",
        "category_name",
        "category_code",
        "category_sla_days",
        "area_name",
        "area_code",
        "unit_id",
        "unit_name",
        "referred_to_name",
        "merged_into_code",
        "events",
    )

    def __init__(self, values: tuple[Any, ...]) -> None:
        (
            self.pk,
            self.tracking_code,
            self.status,
            self.report_type,
            self.channel,
            self.archive_reason,
            self.description,
            self.edited_text,
            self.address,
            name,
            phone,
            email,
            self.submitted_at,
            self.resolution_due_at,
            self.latitude,
            self.longitude,
            self.media_url,
            self.support_count,
            self.category_id,
            self.category_name,
            self.category_code,
            self.category_sla_days,
            self.area_name,
            self.area_code,
            self.unit_id,
            self.unit_name,
            self.referred_to_name,
            merged_code,
            merged_privacy,
            merged_hidden,
            merged_held,
        ) = values
        self.identity: tuple[str, str, str] = (name, phone, email)
        # only a public complaint is named (is_public_values: not rahasia, hidden or held)
        self.merged_into_code: str = (
            merged_code
            if merged_code is not None
            and is_public_values(merged_privacy, merged_hidden, merged_held)
            else ""
        )
        self.events: list[RequestEvent] = []


def _request_rows(qs: QuerySet[Complaint]) -> list[RequestRow]:
    """The rows of ``qs`` (already ordered and sliced) and their public timelines: two
    queries, whatever the number of rows."""
    rows = [RequestRow(values) for values in qs.values_list(*REQUEST_COLUMNS)]
    if rows:
        by_pk = {row.pk: row for row in rows}
        events = (
            ComplaintEvent.objects.filter(is_public=True, complaint_id__in=list(by_pk))
            .order_by("created_at", "id")
            .values_list(
                "complaint_id",
                "created_at",
                "kind",
                "to_status",
                "message",
                Case(
                    When(kind__in=DATA_KINDS, then=F("data")),
                    default=Value(None),
                    output_field=JSONField(),
                ),
            )
        )
        for complaint_id, *values in events:
            by_pk[complaint_id].events.append(RequestEvent(*values))
    return rows


def request_list(jurisdiction: Jurisdiction, query: RequestQuery) -> list[RequestRow]:
    """Newest first; at most ``query.page_size`` rows (never more than ``max_rows()``). Two
    queries."""
    qs = Complaint.objects.filter(public_q(), jurisdiction=jurisdiction)
    if query.ids:
        qs = qs.filter(tracking_code__in=tracking_codes(query.ids))
    else:
        qs = qs.filter(submitted_at__gte=query.start, submitted_at__lte=query.end)
        if query.service_codes:
            qs = qs.filter(category__code__in=query.service_codes)
        if query.statuses:
            qs = qs.filter(status__in=statuses_for(query.statuses))
    size = min(query.page_size, max_rows())
    offset = (query.page - 1) * size
    return _request_rows(qs.order_by("-submitted_at", "-id")[offset : offset + size])


def _public_by_code(jurisdiction: Jurisdiction, request_id: str) -> QuerySet[Complaint]:
    return Complaint.objects.filter(
        public_q(), jurisdiction=jurisdiction, tracking_code=request_id.strip().upper()
    )


def _not_found(request_id: str) -> Open311Error:
    return Open311Error(
        404, f"service_request_id '{request_id}' tidak ditemukan / request not found"
    )


def request_row_get(jurisdiction: Jurisdiction, request_id: str) -> RequestRow:
    """``request_get`` as a ``RequestRow`` (what GET requests/{id} shows). Two queries."""
    rows = _request_rows(_public_by_code(jurisdiction, request_id).order_by("pk")[:1])
    if not rows:
        raise _not_found(request_id)
    return rows[0]


def request_get(jurisdiction: Jurisdiction, request_id: str) -> Complaint:
    """One public complaint by its tracking code; 404 when it does not exist or is not public
    (a confidential complaint is not confirmed to exist)."""
    complaint = _public_by_code(jurisdiction, request_id).first()
    if complaint is None:
        raise _not_found(request_id)
    return complaint


# --------------------------------------------------------------------------- updates


@dataclass(frozen=True)
class UpdateState:
    """A complaint's state just after one of its events."""

    status: str
    archive_reason: str
    planned: bool


def update_list(
    jurisdiction: Jurisdiction,
    *,
    start: datetime,
    end: datetime,
    ids: list[str] | None = None,
) -> list[tuple[ComplaintEvent, UpdateState]]:
    """Public timeline events of public complaints in [start, end], oldest first (so that a
    client polling with the last ``updated_datetime`` it saw never skips one), at most
    ``max_rows()``, each with the complaint's state after it. Two queries."""
    qs = (
        ComplaintEvent.objects.filter(
            is_public=True,
            complaint__jurisdiction=jurisdiction,
            created_at__gte=start,
            created_at__lte=end,
        )
        .exclude(complaint__privacy=Privacy.RAHASIA)
        .exclude(complaint__public_hidden=True)
        .select_related("complaint", "complaint__area", "complaint__merged_into")
        .order_by("created_at", "id")
    )
    if ids:
        qs = qs.filter(complaint__tracking_code__in=tracking_codes(ids))
    events = list(qs[: max_rows()])
    if not events:
        return []
    # Every status change (public or internal, e.g. a forward) and every TAPD decision of
    # these complaints: the state after an event that does not change status itself.
    history: dict[int, list[ComplaintEvent]] = defaultdict(list)
    for row in (
        ComplaintEvent.objects.filter(complaint_id__in={e.complaint_id for e in events})
        .filter(~Q(to_status="") | Q(kind=EventKind.TAPD_DECIDED))
        .only("id", "complaint_id", "created_at", "kind", "to_status", "data")
        .order_by("created_at", "id")
    ):
        history[row.complaint_id].append(row)
    return [(event, _state_after(event, history[event.complaint_id])) for event in events]


def _state_after(event: ComplaintEvent, history: list[ComplaintEvent]) -> UpdateState:
    status, reason, planned = "", "", False
    for row in history:
        if (row.created_at, row.id) > (event.created_at, event.id):
            break
        if row.to_status:
            status = row.to_status
            if row.kind == EventKind.ARCHIVED:
                reason = str((row.data or {}).get("reason", ""))
        if row.kind == EventKind.TAPD_DECIDED:
            planned = (row.data or {}).get("decision") == TapdDecision.SCHEDULED
    return UpdateState(status or event.complaint.status, reason, planned)
