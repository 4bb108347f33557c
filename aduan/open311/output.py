"""Aduan's rows as GeoReport v2 structures (``formats.Node``): services, service definitions,
service requests, updates, discovery. Codes and ids are strings; dates are W3C with a zone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from aduan.complaints.choices import (
    CLOSED_STATUSES,
    ArchiveReason,
    ComplaintStatus,
    EventKind,
    Privacy,
    TapdDecision,
)
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.lib.workdays import WorkingCalendar
from aduan.open311.formats import MEDIA_TYPES, Many, Node, w3c, w3c_formatter
from aduan.open311.selectors import KELURAHAN, RequestEvent, RequestRow, UpdateState
from aduan.open311.status import basic_status, extended_status
from aduan.organisation.models import Area, Category, Jurisdiction
from aduan.sla.calendar import calendar_for
from aduan.sla.clocks import resolution_days_of, service_standard_days, target_from
from aduan.transparency.publish import (
    public_address_of,
    public_note,
    public_note_of,
    public_text_of,
)

S = ComplaintStatus

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
#: When this API last changed (discovery's ``changeset``).
CHANGESET = "2026-11-27T00:00:00+07:00"


def _label(choice: object) -> str:
    """A choice label in Bahasa Indonesia, whatever language the request negotiated."""
    with translation.override("id"):
        return str(choice)


# --------------------------------------------------------------------------- discovery


def discovery(request: HttpRequest, jurisdictions: list[Jurisdiction]) -> Node:
    contacts = []
    for j in jurisdictions:
        name = f"{j.service_name} ({j.name})" if j.service_name else j.name
        contacts.append(f"{name}, WhatsApp {j.contact_whatsapp}" if j.contact_whatsapp else name)
    services_url = request.build_absolute_uri(reverse("open311:services", kwargs={"fmt": "xml"}))
    return {
        "changeset": CHANGESET,
        "contact": "; ".join(contacts) or None,
        "key_service": (
            "api_key diterbitkan oleh administrator Aduan untuk setiap integrasi; hubungi "
            "pengelola layanan. / API keys are issued per integration by the administrator."
        ),
        "endpoints": Many(
            "endpoint",
            [
                {
                    "specification": SPECIFICATION,
                    "url": services_url.rsplit("/", 1)[0],
                    "changeset": CHANGESET,
                    "type": "test" if settings.DEBUG else "production",
                    "formats": Many("format", MEDIA_TYPES),
                }
            ],
        ),
    }


# --------------------------------------------------------------------------- services


def _keywords(category: Category) -> str:
    """The category's examples ("KTP-el, KK, akta") and its English name, comma separated."""
    words = [w.strip() for w in category.description.split(",")]
    if category.name_en:
        words.append(category.name_en)
    unique: dict[str, str] = {}
    for word in words:
        if word:
            unique.setdefault(word.casefold(), word)
    return ", ".join(unique.values())


def service(category: Category) -> Node:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description or category.name,
        "metadata": True,  # every service has the kelurahan attribute
        "type": "realtime",  # POST returns the service_request_id at once
        "keywords": _keywords(category),
        "group": category.default_unit.name if category.default_unit else None,
    }


def services(categories: list[Category]) -> Many:
    return Many("service", [service(c) for c in categories])


def service_definition(category: Category, kelurahan: list[Area]) -> Node:
    return {
        "service_code": category.code,
        "attributes": Many(
            "attribute",
            [
                {
                    "variable": True,
                    "code": KELURAHAN,
                    "datatype": "singlevaluelist",
                    "required": False,
                    "datatype_description": (
                        "Kode kelurahan lokasi masalah (key dari daftar). / Code of the "
                        "kelurahan where the problem is (a key of the list)."
                    ),
                    "order": 1,
                    "description": "Kelurahan",
                    "values": Many(
                        "value",
                        [
                            {
                                "key": area.code,
                                "name": (
                                    f"{area.name} — Kec. {area.parent.name}"
                                    if area.parent
                                    else area.name
                                ),
                            }
                            for area in kelurahan
                        ],
                    ),
                }
            ],
        ),
    }


# --------------------------------------------------------------------------- requests


_ARCHIVE_REASONS = frozenset(ArchiveReason.values)


@functools.cache
def _status_label(status: str) -> str:
    return _label(S(status).label)


@functools.cache
def _reason_label(reason: str) -> str:
    return _label(ArchiveReason(reason).label)


@functools.cache
def _kind_label(kind: str) -> str:
    return _label(EventKind(kind).label)


def _agency(row: RequestRow, jurisdiction: Jurisdiction) -> str | None:
    """Who holds it: the unit; the body it was referred to; else the verifying operator."""
    if row.unit_id is not None:
        return row.unit_name
    if row.referred_to_name is not None:
        return row.referred_to_name
    operator = jurisdiction.operator_unit
    return operator.name if operator is not None else None


def _note(row: RequestRow, event: RequestEvent) -> str:
    return public_note_of(
        event.kind,
        event.message,
        merged_into_public=bool(row.merged_into_code),
        reporter=row.identity,
    )


def status_notes(row: RequestRow, notes: list[str] | None = None) -> str:
    """The status in words, why it closed, and the latest staff message since it entered its
    status (for selesai: the latest one, i.e. the answer). ``notes``: the events' public notes
    when already known."""
    status = row.status
    if status == S.DIGABUNG:
        code = row.merged_into_code
        return f"Digabung dengan laporan {code}." if code else "Digabung dengan laporan lain."
    parts = [_status_label(status)]
    if status == S.DIARSIPKAN and row.archive_reason:
        parts.append(_reason_label(row.archive_reason))
    elif status == S.DIRUJUK and row.referred_to_name is not None:
        parts.append(f"Dirujuk ke {row.referred_to_name}")
    events = row.events
    since = 0
    if status != S.SELESAI:
        for index, event in enumerate(events):
            if event.to_status == status:
                since = index
    for index in range(len(events) - 1, since - 1, -1):
        note = notes[index] if notes is not None else _note(row, events[index])
        if note:
            parts.append(note)
            break
    text = ". ".join(p.strip().rstrip(".") for p in parts if p.strip())
    return text if text.endswith(("!", "?")) else text + "."


def _is_planned(row: RequestRow) -> bool:
    """TAPD scheduled the work in a budget year (its latest public TAPD decision)."""
    planned = False
    for event in row.events:
        if event.kind == EventKind.TAPD_DECIDED:
            planned = (event.data or {}).get("decision") == TapdDecision.SCHEDULED
    return planned


def _note_type(kind: str, to_status: str) -> str:
    if kind == EventKind.SUBMITTED:
        return "opened"
    if to_status in CLOSED_STATUSES:
        return "closed"
    return "activity"


def _update_text(kind: str, data: dict[str, Any] | None, note: str) -> str:
    """The text of one public event: the staff's message (``note``), else what happened."""
    if note:
        return note
    text = _kind_label(kind)
    reason = (data or {}).get("reason") if kind == EventKind.ARCHIVED else None
    if reason in _ARCHIVE_REASONS:
        text += f": {_reason_label(reason)}"
    body = (data or {}).get("body") if kind == EventKind.REFERRED else None
    if body:
        text += f": {body}"
    return text


def update_text(event: ComplaintEvent, complaint: Complaint) -> str:
    """The text of one public event: the staff's message, else what happened."""
    return _update_text(event.kind, event.data, public_note(event, complaint))


class _Expected:
    """``expected_completion`` for the rows of one list: the working calendar and the
    service standards are read once, and only when a row needs them."""

    def __init__(self, jurisdiction: Jurisdiction, rows: list[RequestRow]) -> None:
        self.jurisdiction = jurisdiction
        self.calendar: WorkingCalendar | None = None
        self.standards = service_standard_days(
            {
                (row.unit_id, row.category_id)
                for row in rows
                if row.status not in CLOSED_STATUSES
                and row.resolution_due_at is None
                and row.unit_id is not None
                and row.category_id is not None
            }
        )

    def __call__(self, row: RequestRow) -> datetime | None:
        if row.status in CLOSED_STATUSES:
            return None
        if row.resolution_due_at is not None:
            return row.resolution_due_at
        if self.calendar is None:
            self.calendar = calendar_for(self.jurisdiction)
        days = resolution_days_of(
            self.jurisdiction,
            standard_days=self.standards.get((row.unit_id, row.category_id)),
            category_sla_days=row.category_sla_days if row.category_id is not None else None,
        )
        return target_from(self.jurisdiction, row.submitted_at, days, calendar=self.calendar)


def request(
    row: RequestRow,
    *,
    jurisdiction: Jurisdiction,
    expected: Callable[[RequestRow], datetime | None],
    extensions: bool = False,
    w3c: Callable[[datetime | None], str | None] = w3c,
) -> Node:
    events = row.events
    updated = events[-1].created_at if events else row.submitted_at
    # with the notes, every event's public note is needed: each is masked once
    notes = [_note(row, event) for event in events] if extensions else None
    node: dict[str, Node] = {
        "service_request_id": row.tracking_code,
        "status": basic_status(row.status),
        "status_notes": status_notes(row, notes),
        "service_name": row.category_name,
        "service_code": row.category_code,
        "description": public_text_of(
            status=row.status,
            archive_reason=row.archive_reason,
            edited=row.edited_text,
            description=row.description,
            reporter=row.identity,
        )
        or None,
        "agency_responsible": _agency(row, jurisdiction),
        "service_notice": None,
        "requested_datetime": w3c(row.submitted_at),
        "updated_datetime": w3c(updated),
        "expected_datetime": w3c(expected(row)),
        "address": public_address_of(row.address, row.area_name, row.identity) or None,
        "address_id": None,
        "zipcode": None,
        "lat": row.latitude,
        "long": row.longitude,
        "media_url": row.media_url or None,
    }
    if extensions:
        node["attributes"] = {KELURAHAN: row.area_code}
        node["extended_attributes"] = {
            "status": extended_status(
                row.status,
                report_type=row.report_type,
                archive_reason=row.archive_reason,
                planned=_is_planned(row),
            ),
            "aduan_status": row.status,
            "kelurahan": row.area_name,
            "report_type": row.report_type,
            "channel": row.channel,
            "support_count": row.support_count,
            "duplicate_of": row.merged_into_code or None,
        }
        node["notes"] = Many(
            "note",
            [
                {
                    "datetime": w3c(event.created_at),
                    "description": _update_text(event.kind, event.data, note),
                    "type": _note_type(event.kind, event.to_status),
                }
                for event, note in zip(events, notes or [], strict=True)
            ],
        )
    return node


def requests(
    rows: list[RequestRow], *, jurisdiction: Jurisdiction, extensions: bool = False
) -> Many:
    """The list; ``rows`` are ``selectors.request_list``'s (all of ``jurisdiction``). At most
    two queries of its own (the service standards and the working calendar), and only when
    a row is not yet disposed."""
    expected = _Expected(jurisdiction, rows)
    local = w3c_formatter()
    return Many(
        "request",
        [
            request(
                row, jurisdiction=jurisdiction, expected=expected, extensions=extensions, w3c=local
            )
            for row in rows
        ],
    )


def submitted(complaint: Complaint, *, created: bool, account_id: str | None) -> Many:
    """The POST reply: realtime, so a service_request_id and never a token."""
    code = complaint.tracking_code
    if created:
        notice = (
            f"Laporan diterima dengan kode lacak {code}. / Report received, tracking code {code}."
        )
        if complaint.privacy == Privacy.ANONIM:
            notice += (
                " Dikirim sebagai laporan anonim: identitas hanya terlihat oleh verifikator. / "
                "Filed as anonymous: only the verifier sees the identity."
            )
    else:
        notice = (
            f"Laporan ini sudah diterima sebelumnya dengan kode lacak {code}. / This report "
            f"was already received, tracking code {code}."
        )
    return Many(
        "request",
        [{"service_request_id": code, "service_notice": notice, "account_id": account_id}],
    )


def token(complaint: Complaint) -> Many:
    """A token is the service_request_id itself: requests are created synchronously."""
    code = complaint.tracking_code
    return Many("request", [{"service_request_id": code, "token": code}])


def updates(rows: list[tuple[ComplaintEvent, UpdateState]]) -> Many:
    return Many(
        "request_update",
        [
            {
                "update_id": str(event.pk),
                "service_request_id": event.complaint.tracking_code,
                "status": extended_status(
                    state.status,
                    report_type=event.complaint.report_type,
                    archive_reason=state.archive_reason,
                    planned=state.planned,
                ),
                "updated_datetime": w3c(event.created_at),
                "description": update_text(event, event.complaint),
                "media_url": None,
            }
            for event, state in rows
        ],
    )
