"""Fixtures of the reports tests: a small history of complaints in every state."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from aduan.complaints import services
from aduan.complaints.models import Complaint
from conftest import at


@dataclass
class History:
    new: Complaint
    at_unit_a: Complaint
    followed_up: Complaint
    finished: Complaint
    archived: Complaint
    tapd: Complaint
    at_unit_b: Complaint
    rahasia: Complaint
    last_year: Complaint


def dispose(people, complaint, unit=None, category=None):
    return services.complaint_dispose(
        complaint=complaint, actor=people.verifier, unit=unit or people.unit_a, category=category
    )


def work(people, complaint, officer=None):
    officer = officer or people.officer_a
    complaint = services.complaint_start(complaint=complaint, actor=officer)
    return services.complaint_follow_up(
        complaint=complaint, actor=officer, text="Sudah kami tangani, silakan diperiksa."
    )


@pytest.fixture
def history(people, submit) -> History:
    """Complaints submitted in October 2026 (one in October 2025) and worked on through
    November, some late and some on time."""
    with at(2025, 10, 6, 9):
        last_year = submit(channel="whatsapp").complaint
    with at(2025, 10, 8, 9):
        last_year = dispose(people, last_year)
    with at(2026, 10, 5, 9):
        new = submit(area="podosugih").complaint
        at_unit_a = submit(channel="email").complaint
        followed_up = submit(report_type="aspirasi").complaint
        finished = submit().complaint
        archived = submit().complaint
        tapd = submit(category="jalan", area="tirto").complaint
        at_unit_b = submit(category="jalan").complaint
        rahasia = submit(privacy="rahasia", latitude=-6.89, longitude=109.67).complaint
    with at(2026, 10, 6, 10):
        at_unit_a = dispose(people, at_unit_a)
        followed_up = dispose(people, followed_up)
        finished = dispose(people, finished)
        rahasia = dispose(people, rahasia)
        archived = services.complaint_archive(
            complaint=archived, actor=people.verifier, reason="spam"
        )
    with at(2026, 10, 20, 10):  # late: the verification deadline has passed
        tapd = dispose(people, tapd, unit=people.unit_b)
        at_unit_b = dispose(people, at_unit_b, unit=people.unit_b)
    with at(2026, 10, 7, 10):
        followed_up = work(people, followed_up)
        finished = work(people, finished)
    with at(2026, 10, 8, 10):
        finished = services.complaint_citizen_respond(complaint=finished, satisfied=True)
    with at(2026, 10, 21, 10):
        tapd = services.complaint_flag_tapd(
            complaint=tapd, actor=people.officer_b, reason="Perlu pengaspalan ulang 300 m."
        )
    return History(
        new=new,
        at_unit_a=at_unit_a,
        followed_up=followed_up,
        finished=finished,
        archived=archived,
        tapd=tapd,
        at_unit_b=at_unit_b,
        rahasia=rahasia,
        last_year=last_year,
    )
