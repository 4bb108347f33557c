"""Fixtures of the survey tests: a complaint closed as selesai, with its secret."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from aduan.complaints import services
from aduan.complaints.models import Complaint


@dataclass
class Closed:
    complaint: Complaint
    secret: str


def finish(people, complaint: Complaint) -> Complaint:
    """Dispose to unit A (when new), start, follow up, and the reporter is satisfied:
    selesai."""
    if complaint.status == "baru":
        complaint = services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a
        )
    complaint = services.complaint_start(complaint=complaint, actor=people.officer_a)
    complaint = services.complaint_follow_up(
        complaint=complaint, actor=people.officer_a, text="KTP-el sudah dicetak, silakan ambil."
    )
    return services.complaint_citizen_respond(complaint=complaint, satisfied=True)


@pytest.fixture
def closed(people, submit) -> Closed:
    result = submit()
    return Closed(complaint=finish(people, result.complaint), secret=result.secret)


@pytest.fixture
def open_complaint(people, submit) -> Closed:
    result = submit()
    complaint = services.complaint_dispose(
        complaint=result.complaint, actor=people.verifier, unit=people.unit_a
    )
    return Closed(complaint=complaint, secret=result.secret)


ANSWERS = {f"u{i}": 3 for i in range(1, 10)}
