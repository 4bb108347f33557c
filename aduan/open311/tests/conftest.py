"""Fixtures of the Open311 tests: an api_key, a reader for both formats, a workflow driver."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from aduan.complaints import services
from aduan.complaints.models import Complaint

XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>'
CONTENT_TYPES = {
    "xml": "text/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
FORMATS = ["xml", "json"]


@pytest.fixture
def api_key(pekalongan) -> str:
    from aduan.api.models import ApiToken, Scope

    _token, raw = ApiToken.issue(
        jurisdiction=pekalongan, name="Aplikasi Warga", scopes=[Scope.OPEN311.value]
    )
    return raw


def url(path: str, fmt: str) -> str:
    """``url("services", "xml")`` -> ``/open311/v2/services.xml``."""
    return f"/open311/v2/{path}.{fmt}"


def read(response, fmt: str) -> Any:
    """The body: JSON data, or the XML root element (declaration and type checked)."""
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    if fmt == "json":
        return json.loads(response.content.decode("utf-8"))
    assert response.content.startswith(XML_DECLARATION)
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    assert "{" not in root.tag  # no namespace
    return root


def element_dict(element: ET.Element) -> dict[str, Any]:
    """An XML element's children as a dict of texts (nested elements as dicts of lists)."""
    out: dict[str, Any] = {}
    for child in element:
        out[child.tag] = child.text if len(child) == 0 else child
    return out


def items(response, fmt: str, item: str) -> list[dict[str, Any]]:
    """The items of a list response, as dicts, from either format."""
    data = read(response, fmt)
    if fmt == "json":
        assert isinstance(data, list)
        return data
    return [element_dict(e) for e in data.findall(item)]


def errors(response, fmt: str) -> list[dict[str, str]]:
    """An error body's errors; each has a string code equal to the HTTP status."""
    found = items(response, fmt, "error")
    assert found
    if fmt == "xml":
        assert read(response, fmt).tag == "errors"
    for error in found:
        assert error["code"] == str(response.status_code)
        assert error["description"]
    return found


class Flow:
    """Moves complaints through the workflow with the real services, as staff would."""

    def __init__(self, people) -> None:
        self.people = people

    def _fresh(self, complaint: Complaint) -> Complaint:
        return Complaint.objects.get(pk=complaint.pk)

    def dispose(self, complaint: Complaint, note: str = "") -> Complaint:
        services.complaint_dispose(
            complaint=complaint, actor=self.people.verifier, unit=self.people.unit_a, note=note
        )
        return self._fresh(complaint)

    def start(self, complaint: Complaint) -> Complaint:
        services.complaint_start(complaint=complaint, actor=self.people.officer_a)
        return self._fresh(complaint)

    def follow_up(self, complaint: Complaint, text: str = "KTP-el sudah dicetak.") -> Complaint:
        services.complaint_follow_up(complaint=complaint, actor=self.people.officer_a, text=text)
        return self._fresh(complaint)

    def resolve(self, complaint: Complaint) -> Complaint:
        complaint = self.follow_up(self.start(self.dispose(complaint)))
        services.complaint_resolve(complaint=complaint, actor=self.people.officer_a)
        return self._fresh(complaint)

    def refer(self, complaint: Complaint, note: str = "Silakan hubungi BPJS.") -> Complaint:
        services.complaint_refer(
            complaint=complaint, actor=self.people.verifier, note_to_citizen=note
        )
        return self._fresh(complaint)

    def archive(self, complaint: Complaint, reason: str = "spam") -> Complaint:
        services.complaint_archive(complaint=complaint, actor=self.people.verifier, reason=reason)
        return self._fresh(complaint)

    def merge(self, complaint: Complaint, into: Complaint) -> Complaint:
        services.complaint_merge(complaint=complaint, actor=self.people.verifier, into=into)
        return self._fresh(complaint)

    def note(self, complaint: Complaint, text: str) -> None:
        services.complaint_add_note(complaint=complaint, actor=self.people.verifier, text=text)

    def request_info(self, complaint: Complaint, question: str = "Mohon kirim NIK.") -> Complaint:
        at_verifier = complaint.status in ("baru", "ditunda")
        actor = self.people.verifier if at_verifier else self.people.officer_a
        services.complaint_request_info(complaint=complaint, actor=actor, question=question)
        return self._fresh(complaint)

    def add_info(self, complaint: Complaint, message: str) -> Complaint:
        services.complaint_add_info(complaint=complaint, message=message)
        return self._fresh(complaint)

    def reopen(self, complaint: Complaint, reason: str = "Belum jadi juga.") -> Complaint:
        services.complaint_citizen_respond(complaint=complaint, satisfied=False, reason=reason)
        return self._fresh(complaint)

    def schedule(self, complaint: Complaint) -> Complaint:
        """Flag for TAPD and have TAPD schedule it in next year's budget."""
        from django.utils import timezone

        services.complaint_flag_tapd(
            complaint=complaint, actor=self.people.officer_a, reason="Perlu anggaran."
        )
        services.complaint_tapd_decide(
            complaint=self._fresh(complaint),
            actor=self.people.tapd,
            decision="dijadwalkan",
            budget_year=timezone.localdate().year + 1,
            programme="Pemeliharaan berkala",
        )
        return self._fresh(complaint)


@pytest.fixture
def flow(people) -> Flow:
    return Flow(people)
