"""The worker's SLA sweeps: reminders, daily escalation, the citizen's deadlines, and
messages queued in the same transaction as the events that cause them."""

from __future__ import annotations

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from aduan.complaints import services
from aduan.complaints.choices import ComplaintStatus, EventKind, Stage
from aduan.notifications.models import OutboxMessage
from aduan.sla import sweeps
from conftest import at

S = ComplaintStatus
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def head(people):
    from aduan.accounts.models import User
    from aduan.organisation.models import Membership
    from conftest import PASSWORD

    user = User.objects.create_user(
        username="kepala",
        password=PASSWORD,
        jurisdiction=people.jurisdiction,
        role="officer",
        email="kepala@example.org",
    )
    Membership.objects.create(user=user, unit=people.unit_a, role="head")
    return user


def disposed(submit, people, **kwargs):
    with at(2026, 11, 2, 10, 0):  # Monday; adminduk: due Thursday 5 Nov 16:00
        c = submit(**kwargs).complaint
        return services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)


def kinds(complaint) -> list[str]:
    return list(complaint.events.values_list("kind", flat=True))


def inbox(user) -> list[str]:
    return list(
        OutboxMessage.objects.filter(recipient_user=user, channel="inapp").values_list(
            "kind", flat=True
        )
    )


@pytest.mark.django_db
class TestReminders:
    def test_one_reminder_at_three_quarters(self, submit, people):
        c = disposed(submit, people)
        with at(2026, 11, 2, 12, 0):
            assert sweeps.sweep() == 0
        with at(2026, 11, 5, 10, 0):
            assert sweeps.send_reminders(now=datetime.now(WIB)) == 1
            assert sweeps.send_reminders(now=datetime.now(WIB)) == 0
        c.refresh_from_db()
        assert kinds(c).count(EventKind.REMINDER) == 1
        assert "reminder" in inbox(people.officer_a)
        assert "reminder" not in inbox(people.officer_b)

    def test_the_verification_stage_reminds_the_verifiers(self, submit, people):
        with at(2026, 11, 2, 10, 0):
            submit()
        with at(2026, 11, 5, 12, 0):
            sweeps.sweep()
        assert "reminder" in inbox(people.verifier)
        assert "reminder" not in inbox(people.officer_a)


@pytest.mark.django_db
class TestEscalation:
    def test_overdue_escalates_to_the_head_and_dinkominfo_daily(self, submit, people, head):
        c = disposed(submit, people)
        with at(2026, 11, 5, 17, 0):
            sweeps.sweep()
            sweeps.sweep()
        assert kinds(c).count(EventKind.ESCALATED) == 1
        assert "escalation" in inbox(head) and "escalation" in inbox(people.verifier)
        assert "escalation" not in inbox(people.officer_a)  # officers got the reminder
        with at(2026, 11, 6, 12, 0):  # less than a day later
            sweeps.sweep()
        assert kinds(c).count(EventKind.ESCALATED) == 1
        with at(2026, 11, 6, 17, 30):
            sweeps.sweep()
        c.refresh_from_db()
        assert kinds(c).count(EventKind.ESCALATED) == 2 and c.escalation_count == 2
        escalations = c.events.filter(kind=EventKind.ESCALATED)
        assert not any(e.is_public for e in escalations)

    def test_no_escalation_for_a_closed_complaint(self, submit, people, head):
        c = disposed(submit, people)
        with at(2026, 11, 3, 10, 0):
            c = services.complaint_follow_up(complaint=c, actor=people.officer_a, text="Sudah.")
            c = services.complaint_resolve(complaint=c, actor=people.officer_a)
        with at(2026, 11, 10, 17, 0):
            assert sweeps.sweep() == 0
        assert EventKind.ESCALATED not in kinds(c)

    def test_no_escalation_while_paused(self, submit, people, head):
        c = disposed(submit, people)
        with at(2026, 11, 3, 10, 0):
            services.complaint_request_info(complaint=c, actor=people.officer_a, question="KK?")
        with at(2026, 11, 6, 17, 0):  # past the original deadline
            sweeps.sweep()
        assert EventKind.ESCALATED not in kinds(c)


@pytest.mark.django_db
class TestCitizenDeadlines:
    def test_unanswered_request_archives_as_incomplete_and_tells_the_citizen(self, submit, people):
        c = disposed(submit, people)
        with at(2026, 11, 3, 10, 0):
            services.complaint_request_info(complaint=c, actor=people.officer_a, question="KK?")
        with at(2026, 11, 13, 12, 0):  # day 10: still open
            assert sweeps.archive_incomplete(now=datetime.now(WIB)) == 0
        with at(2026, 11, 14, 0, 30):
            assert sweeps.sweep() == 1
        c.refresh_from_db()
        assert c.status == S.DIARSIPKAN and c.archive_reason == "tidak_lengkap"
        event = c.events.last()
        assert event.kind == EventKind.ARCHIVED and event.is_public and event.actor is None
        assert OutboxMessage.objects.filter(complaint=c, kind="archived").count() == 1

    def test_silence_after_a_follow_up_closes_it(self, submit, people):
        c = disposed(submit, people)
        with at(2026, 11, 3, 10, 0):
            services.complaint_follow_up(complaint=c, actor=people.officer_a, text="Sudah jadi.")
        with at(2026, 11, 14, 0, 30):
            sweeps.sweep()
        c.refresh_from_db()
        assert c.status == S.SELESAI and c.stage == Stage.NONE
        assert OutboxMessage.objects.filter(complaint=c, kind="closed").count() == 1
        assert OutboxMessage.objects.filter(complaint=c, kind="survey_invitation").count() == 1

    def test_an_answer_in_time_keeps_it_open(self, submit, people):
        c = disposed(submit, people)
        with at(2026, 11, 3, 10, 0):
            c = services.complaint_request_info(complaint=c, actor=people.officer_a, question="KK?")
        with at(2026, 11, 12, 10, 0):
            services.complaint_add_info(complaint=c, message="Ini KK saya.")
        with at(2026, 11, 14, 0, 30):
            sweeps.archive_incomplete(now=datetime.now(WIB))
        c.refresh_from_db()
        assert c.status != S.DIARSIPKAN


@pytest.mark.django_db
class TestMessages:
    def test_the_receipt_is_queued_with_the_complaint(self, submit):
        c = submit(reporter_phone="", reporter_email="warga@example.org").complaint
        message = OutboxMessage.objects.get(complaint=c, kind="receipt")
        assert message.channel == "email" and message.to_address == "warga@example.org"
        assert c.tracking_code in message.body

    def test_a_failed_submission_queues_nothing(self, submit):
        with pytest.raises(services.ComplaintInputError):
            submit(description="")
        assert OutboxMessage.objects.count() == 0

    def test_internal_notes_never_reach_the_citizen(self, submit, people):
        c = disposed(submit, people)
        services.complaint_add_note(complaint=c, actor=people.officer_a, text="RAHASIA-NOTE")
        services.complaint_forward(
            complaint=c, actor=people.officer_a, unit=people.unit_b, reason="RAHASIA-FWD"
        )
        citizen = OutboxMessage.objects.filter(complaint=c, recipient_user__isnull=True)
        assert citizen.exists()
        for message in citizen:
            assert "RAHASIA" not in message.body and "RAHASIA" not in message.subject

    def test_a_satisfied_citizen_is_invited_to_the_survey(self, submit, people):
        c = disposed(submit, people)
        c = services.complaint_follow_up(complaint=c, actor=people.officer_a, text="Sudah.")
        services.complaint_citizen_respond(complaint=c, satisfied=True)
        kinds = set(OutboxMessage.objects.filter(complaint=c).values_list("kind", flat=True))
        assert {"receipt", "follow_up", "survey_invitation"} <= kinds

    def test_the_new_unit_hears_of_a_disposition(self, submit, people):
        disposed(submit, people)
        assert "new_in_unit" in inbox(people.officer_a)
        assert "new_in_unit" not in inbox(people.officer_b)

    def test_staff_messages_never_carry_an_anonymous_identity(self, submit, people, head):
        c = disposed(
            submit,
            people,
            privacy="anonim",
            reporter_name="Nama Sangat Rahasia",
            reporter_phone="081277778888",
            reporter_email="anon@example.org",
        )
        with at(2026, 11, 5, 17, 0):
            sweeps.sweep()
        staff = OutboxMessage.objects.filter(complaint=c, recipient_user__isnull=False)
        assert staff.count() >= 3
        for message in staff:
            for secret in ("Nama Sangat Rahasia", "081277778888", "anon@example.org"):
                assert secret not in message.body and secret not in message.subject


@pytest.mark.django_db(transaction=True)
def test_two_workers_sweeping_at_once_escalate_each_complaint_once(submit, people, head):
    complaints = [disposed(submit, people).pk for _ in range(12)]
    errors: list[BaseException] = []

    def worker() -> None:
        from django.db import connections

        try:
            with at(2026, 11, 5, 17, 0):
                sweeps.sweep()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    from aduan.complaints.models import ComplaintEvent

    for pk in complaints:
        assert ComplaintEvent.objects.filter(complaint_id=pk, kind="escalated").count() == 1
        assert ComplaintEvent.objects.filter(complaint_id=pk, kind="reminder").count() == 1
    assert OutboxMessage.objects.filter(kind="escalation", recipient_user=head).count() == 12 * 2
