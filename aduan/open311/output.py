"""Aduan's rows as GeoReport v2 structures (``formats.Node``): services, service definitions,
service requests, updates, discovery. Codes and ids are strings; dates are W3C with a zone.
"""

from __future__ import annotations

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
)
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.lib.workdays import WorkingCalendar
from aduan.open311.formats import MEDIA_TYPES, Many, Node, w3c
from aduan.open311.selectors import KELURAHAN, UpdateState, is_planned
from aduan.open311.status import basic_status, extended_status
from aduan.organisation.models import Area, Category, Jurisdiction
from aduan.sla.calendar import calendar_for
from aduan.sla.clocks import expected_completion
from aduan.transparency.publish import is_public, public_address, public_note, public_text

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


def _events(complaint: Complaint) -> list[ComplaintEvent]:
    return list(getattr(complaint, "public_events", []))


def _merged_into_code(complaint: Complaint) -> str:
    target = complaint.merged_into
    if target is None or not is_public(target):
        return ""
    return target.tracking_code


def _agency(complaint: Complaint) -> str | None:
    """Who holds it: the unit; the body it was referred to; else the verifying operator."""
    unit = complaint.unit or complaint.referred_to or complaint.jurisdiction.operator_unit
    return unit.name if unit is not None else None


def status_notes(complaint: Complaint) -> str:
    """The status in words, why it closed, and the latest staff message since it entered its
    status (for selesai: the latest one, i.e. the answer)."""
    if complaint.status == S.DIGABUNG:
        code = _merged_into_code(complaint)
        return f"Digabung dengan laporan {code}." if code else "Digabung dengan laporan lain."
    parts = [_label(S(complaint.status).label)]
    if complaint.status == S.DIARSIPKAN and complaint.archive_reason:
        parts.append(_label(ArchiveReason(complaint.archive_reason).label))
    elif complaint.status == S.DIRUJUK and complaint.referred_to is not None:
        parts.append(f"Dirujuk ke {complaint.referred_to.name}")
    events = _events(complaint)
    since = 0
    if complaint.status != S.SELESAI:
        for index, event in enumerate(events):
            if event.to_status == complaint.status:
                since = index
    for event in reversed(events[since:]):
        note = public_note(event, complaint)
        if note:
            parts.append(note)
            break
    text = ". ".join(p.strip().rstrip(".") for p in parts if p.strip())
    return text if text.endswith(("!", "?")) else text + "."


def _extended(complaint: Complaint) -> str:
    return extended_status(
        complaint.status,
        report_type=complaint.report_type,
        archive_reason=complaint.archive_reason,
        planned=is_planned(complaint),
    )


def _note_type(event: ComplaintEvent) -> str:
    if event.kind == EventKind.SUBMITTED:
        return "opened"
    if event.to_status in CLOSED_STATUSES:
        return "closed"
    return "activity"


def update_text(event: ComplaintEvent, complaint: Complaint) -> str:
    """The text of one public event: the staff's message, else what happened."""
    note = public_note(event, complaint)
    if note:
        return note
    text = _label(EventKind(event.kind).label)
    reason = (event.data or {}).get("reason") if event.kind == EventKind.ARCHIVED else None
    if reason in ArchiveReason.values:
        text += f": {_label(ArchiveReason(reason).label)}"
    body = (event.data or {}).get("body") if event.kind == EventKind.REFERRED else None
    if body:
        text += f": {body}"
    return text


def request(
    complaint: Complaint, *, extensions: bool = False, calendar: WorkingCalendar | None = None
) -> Node:
    events = _events(complaint)
    updated = events[-1].created_at if events else complaint.submitted_at
    category = complaint.category
    node: dict[str, Node] = {
        "service_request_id": complaint.tracking_code,
        "status": basic_status(complaint.status),
        "status_notes": status_notes(complaint),
        "service_name": category.name if category else None,
        "service_code": category.code if category else None,
        "description": public_text(complaint) or None,
        "agency_responsible": _agency(complaint),
        "service_notice": None,
        "requested_datetime": w3c(complaint.submitted_at),
        "updated_datetime": w3c(updated),
        "expected_datetime": w3c(expected_completion(complaint, calendar=calendar)),
        "address": public_address(complaint) or None,
        "address_id": None,
        "zipcode": None,
        "lat": complaint.latitude,
        "long": complaint.longitude,
        "media_url": complaint.media_url or None,
    }
    if extensions:
        area = complaint.area
        node["attributes"] = {KELURAHAN: area.code if area else None}
        node["extended_attributes"] = {
            "status": _extended(complaint),
            "aduan_status": complaint.status,
            "kelurahan": area.name if area else None,
            "report_type": complaint.report_type,
            "channel": complaint.channel,
            "support_count": complaint.support_count,
            "duplicate_of": _merged_into_code(complaint) or None,
        }
        node["notes"] = Many(
            "note",
            [
                {
                    "datetime": w3c(event.created_at),
                    "description": update_text(event, complaint),
                    "type": _note_type(event),
                }
                for event in events
            ],
        )
    return node


def requests(complaints: list[Complaint], *, extensions: bool = False) -> Many:
    # One working calendar per jurisdiction for the whole list (each costs a query).
    calendars: dict[int, WorkingCalendar] = {}
    rows = []
    for c in complaints:
        if c.jurisdiction_id not in calendars:
            calendars[c.jurisdiction_id] = calendar_for(c.jurisdiction)
        rows.append(request(c, extensions=extensions, calendar=calendars[c.jurisdiction_id]))
    return Many("request", rows)


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
