"""Every role against every action: what the page offers is exactly what the service allows."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from aduan.complaints import permissions, services
from aduan.complaints.choices import ComplaintStatus, WorkflowError

S = ComplaintStatus
pytestmark = pytest.mark.django_db

ROLES = ["verifier", "officer_a", "officer_b", "supervisor", "tapd", "admin"]


def call(action, complaint, user, people, other):
    """Run one action's service with valid arguments."""
    calls = {
        "dispose": lambda: services.complaint_dispose(
            complaint=complaint, actor=user, unit=people.unit_a
        ),
        "hold": lambda: services.complaint_hold(complaint=complaint, actor=user, reason="r"),
        "refer": lambda: services.complaint_refer(
            complaint=complaint, actor=user, note_to_citizen="ke BPJS"
        ),
        "archive": lambda: services.complaint_archive(
            complaint=complaint, actor=user, reason="spam"
        ),
        "merge": lambda: services.complaint_merge(complaint=complaint, actor=user, into=other),
        "start": lambda: services.complaint_start(complaint=complaint, actor=user),
        "request_info": lambda: services.complaint_request_info(
            complaint=complaint, actor=user, question="q?"
        ),
        "forward": lambda: services.complaint_forward(
            complaint=complaint, actor=user, unit=people.unit_b, reason="r"
        ),
        "note": lambda: services.complaint_add_note(complaint=complaint, actor=user, text="t"),
        "follow_up": lambda: services.complaint_follow_up(
            complaint=complaint, actor=user, text="t"
        ),
        "flag_tapd": lambda: services.complaint_flag_tapd(
            complaint=complaint, actor=user, reason="r"
        ),
        "resolve": lambda: services.complaint_resolve(complaint=complaint, actor=user),
    }
    return calls[action]()


def make(status, submit, people):
    """A complaint in ``status`` held by unit A where a unit holds it."""
    c = submit().complaint
    if status == S.BARU:
        return c
    if status == S.DITUNDA:
        return services.complaint_hold(complaint=c, actor=people.verifier, reason="r")
    c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
    if status == S.DIDISPOSISIKAN:
        return c
    if status == S.DIPROSES:
        return services.complaint_start(complaint=c, actor=people.officer_a)
    c = services.complaint_follow_up(complaint=c, actor=people.officer_a, text="t")
    if status == S.DITINDAKLANJUTI:
        return c
    return services.complaint_citizen_respond(complaint=c, satisfied=False, reason="belum")


ACTIONS = [
    "dispose",
    "hold",
    "refer",
    "archive",
    "merge",
    "start",
    "request_info",
    "forward",
    "note",
    "follow_up",
    "flag_tapd",
    "resolve",
]
STATUSES = [S.BARU, S.DITUNDA, S.DIDISPOSISIKAN, S.DIPROSES, S.DITINDAKLANJUTI, S.DIBUKA_KEMBALI]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_offered_actions_succeed_and_the_others_are_refused(status, role, submit, people):
    user = getattr(people, role)
    probe = make(status, submit, people)
    offered = set(permissions.available_actions(user, probe))
    for action in ACTIONS:
        complaint = make(status, submit, people)
        other = submit().complaint
        if action in offered:
            call(action, complaint, user, people, other)  # must not raise
        else:
            try:
                call(action, complaint, user, people, other)
            except (PermissionDenied, services.ComplaintInputError, WorkflowError):
                continue
            pytest.fail(f"{role} could {action} at {status} though it is not offered")


def test_the_expected_roles_do_the_work(submit, people):
    new = make(S.BARU, submit, people)
    assert "dispose" in permissions.available_actions(people.verifier, new)
    assert permissions.available_actions(people.officer_a, new) == []
    disposed = make(S.DIDISPOSISIKAN, submit, people)
    assert {"start", "follow_up", "forward", "flag_tapd", "note"} <= set(
        permissions.available_actions(people.officer_a, disposed)
    )
    assert permissions.available_actions(people.officer_b, disposed) == []
    assert permissions.available_actions(people.supervisor, disposed) == []
    assert permissions.available_actions(people.tapd, disposed) == []
