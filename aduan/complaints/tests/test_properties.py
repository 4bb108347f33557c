"""The status machine under random sequences of actions through the services (Hypothesis):
no illegal state is ever reached, every applied action writes exactly one timeline event and
a refused one changes nothing, closed complaints stay closed, and a complaint is reopened
only by its reporter."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aduan.complaints import services, spam
from aduan.complaints.choices import (
    ACTION_STATUSES,
    CLOSED_STATUSES,
    TRANSITIONS,
    UNIT_STATUSES,
    ArchiveReason,
    ComplaintStatus,
    TapdDecision,
    WorkflowError,
)
from aduan.complaints.models import Complaint

S = ComplaintStatus
REFUSALS = (WorkflowError, services.ComplaintInputError, PermissionDenied)


def _officer(people, complaint: Complaint):
    return people.officer_b if complaint.unit_id == people.unit_b.pk else people.officer_a


def _other_unit(people, complaint: Complaint):
    return people.unit_a if complaint.unit_id == people.unit_b.pk else people.unit_b


Action = Callable[[Complaint, object, Complaint], object]

ACTIONS: dict[str, Action] = {
    "dispose": lambda c, p, t: services.complaint_dispose(
        complaint=c, actor=p.verifier, unit=p.unit_a
    ),
    "hold": lambda c, p, t: services.complaint_hold(complaint=c, actor=p.verifier, reason="tunda"),
    "refer": lambda c, p, t: services.complaint_refer(
        complaint=c, actor=p.verifier, note_to_citizen="Silakan lapor ke PLN."
    ),
    "archive": lambda c, p, t: services.complaint_archive(
        complaint=c, actor=p.verifier, reason=ArchiveReason.DUPLICATE
    ),
    "merge": lambda c, p, t: services.complaint_merge(complaint=c, actor=p.verifier, into=t),
    "release_spam": lambda c, p, t: services.complaint_release_spam(complaint=c, actor=p.verifier),
    "request_info_verifier": lambda c, p, t: services.complaint_request_info(
        complaint=c, actor=p.verifier, question="Di RT berapa?"
    ),
    "request_info_unit": lambda c, p, t: services.complaint_request_info(
        complaint=c, actor=_officer(p, c), question="Nomor rumahnya?"
    ),
    "add_info": lambda c, p, t: services.complaint_add_info(complaint=c, message="RT 03 RW 02"),
    "citizen_message": lambda c, p, t: services.complaint_citizen_message(
        complaint=c, message="Mohon segera ditangani."
    ),
    "start": lambda c, p, t: services.complaint_start(complaint=c, actor=_officer(p, c)),
    "wrong_unit_start": lambda c, p, t: services.complaint_start(
        complaint=c, actor=p.officer_b if _officer(p, c) == p.officer_a else p.officer_a
    ),
    "forward": lambda c, p, t: services.complaint_forward(
        complaint=c, actor=_officer(p, c), unit=_other_unit(p, c), reason="Bukan tugas kami."
    ),
    "note": lambda c, p, t: services.complaint_add_note(
        complaint=c, actor=_officer(p, c), text="catatan"
    ),
    "follow_up": lambda c, p, t: services.complaint_follow_up(
        complaint=c, actor=_officer(p, c), text="Sudah diperbaiki."
    ),
    "flag_tapd": lambda c, p, t: services.complaint_flag_tapd(
        complaint=c, actor=_officer(p, c), reason="Perlu anggaran."
    ),
    "tapd_decide": lambda c, p, t: services.complaint_tapd_decide(
        complaint=c, actor=p.tapd, decision=TapdDecision.ROUTINE
    ),
    "resolve": lambda c, p, t: services.complaint_resolve(complaint=c, actor=_officer(p, c)),
    "respond_satisfied": lambda c, p, t: services.complaint_citizen_respond(
        complaint=c, satisfied=True
    ),
    "respond_not": lambda c, p, t: services.complaint_citizen_respond(
        complaint=c, satisfied=False, reason="Masih rusak."
    ),
    "supervisor_dispose": lambda c, p, t: services.complaint_dispose(
        complaint=c, actor=p.supervisor, unit=p.unit_a
    ),
}

#: The status-machine action each test action stands for (``choices.ACTION_STATUSES``).
KEYS = {
    "request_info_verifier": "request_info",
    "request_info_unit": "request_info",
    "wrong_unit_start": "start",
    "supervisor_dispose": "dispose",
    "respond_satisfied": "respond",
    "respond_not": "respond",
    "tapd_decide": "note",  # any open status
}


#: Closing actions last: Hypothesis favours the first elements of a list it samples from,
#: and sequences should travel deep into the workflow before they end.
CLOSING = ("respond_satisfied", "resolve", "refer", "merge", "archive")
ORDER = [name for name in ACTIONS if name not in CLOSING] + list(CLOSING)


def plausible(status: str) -> list[str]:
    """The actions the status machine would allow now (their actors may still be refused)."""
    return [name for name in ORDER if status in ACTION_STATUSES[KEYS.get(name, name)]] or ORDER


PROPERTIES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@PROPERTIES
@given(
    data=st.data(),
    steps=st.integers(min_value=1, max_value=18),
    held=st.sampled_from([False, False, False, True]),
    privacy=st.sampled_from(["biasa", "anonim", "rahasia"]),
)
def test_random_action_sequences_keep_the_status_machine(
    people, submit, data, steps, held, privacy
):
    """Each step draws, three times in four, an action the status allows now (so that
    sequences travel deep into the workflow), otherwise any action at all."""
    complaint = submit(
        privacy=privacy, spam_reasons=[spam.REASON_HONEYPOT] if held else []
    ).complaint
    target = submit(description="Laporan induk: lampu jalan mati di Jl. Hayam Wuruk.").complaint
    applied = 0
    closed_at_status: str | None = None
    for _ in range(steps):
        before = Complaint.objects.get(pk=complaint.pk)
        pool = plausible(before.status) if data.draw(st.integers(0, 3)) else ORDER
        name = data.draw(st.sampled_from(pool))
        events_before = before.events.count()
        try:
            ACTIONS[name](before, people, target)
        except REFUSALS:
            after = Complaint.objects.get(pk=complaint.pk)
            assert (after.status, after.unit_id, after.held_as_spam) == (
                before.status,
                before.unit_id,
                before.held_as_spam,
            ), f"refused {name} changed the complaint"
            assert after.events.count() == events_before, f"refused {name} wrote an event"
            continue
        applied += 1
        after = Complaint.objects.get(pk=complaint.pk)
        assert after.events.count() == events_before + 1, name
        assert after.status in S.values
        if after.status != before.status:
            assert after.status in TRANSITIONS[before.status], (before.status, after.status)
            last = after.events.last()
            assert (last.from_status, last.to_status) == (before.status, after.status)
        if closed_at_status is not None:
            raise AssertionError(f"{name} was applied to a closed complaint")
        if after.status in CLOSED_STATUSES:
            closed_at_status = after.status
            assert after.closed_at is not None or after.status in (S.DIRUJUK, S.DIARSIPKAN)
        if after.status == S.DIBUKA_KEMBALI and before.status != S.DIBUKA_KEMBALI:
            # Reopened only by the reporter (or back from waiting for them).
            assert name == "respond_not" or (
                name in ("add_info", "citizen_message") and before.status == S.MENUNGGU_INFO
            ), name
        if after.status in UNIT_STATUSES:
            assert after.unit_id is not None
        if after.held_as_spam:
            assert after.status in (S.BARU, S.DIARSIPKAN), after.status
    final = Complaint.objects.get(pk=complaint.pk)
    assert final.events.count() == 1 + applied
    if closed_at_status is not None:
        assert final.status == closed_at_status
