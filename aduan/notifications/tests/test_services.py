"""Writing to the outbox: in the caller's transaction, once per logical message, in the
reporter's channel, never with an internal note."""

from __future__ import annotations

import threading

import pytest
from django.db import connections, transaction

from aduan.complaints import services as complaint_services
from aduan.notifications import selectors
from aduan.notifications.channels import normalise_whatsapp_number
from aduan.notifications.choices import MessageKind, OutboxChannel, OutboxStatus
from aduan.notifications.models import OutboxMessage
from aduan.notifications.services import (
    InternalContentError,
    citizen_channel,
    notification_mark_read,
    notify_citizen,
    notify_staff,
    outbox_enqueue,
)

K = MessageKind


class Boom(Exception):
    pass


@pytest.mark.django_db
class TestNotifyCitizen:
    def test_it_uses_whatsapp_when_a_gateway_is_configured(self, complaint, settings):
        settings.ADUAN_WHATSAPP_API_URL = "http://127.0.0.1:9/messages"
        message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message is not None
        assert message.channel == OutboxChannel.WHATSAPP
        assert message.to_address == "6281211112222"
        assert message.status == OutboxStatus.PENDING and message.next_attempt_at is not None
        assert message.complaint == complaint and message.jurisdiction == complaint.jurisdiction

    def test_it_falls_back_to_email_without_a_gateway(self, complaint, no_whatsapp):
        message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message.channel == OutboxChannel.EMAIL
        assert message.to_address == "siti@example.org"
        assert complaint.tracking_code in message.subject

    def test_a_landline_gets_email_even_with_a_gateway(self, submit, settings):
        settings.ADUAN_WHATSAPP_API_URL = "http://127.0.0.1:9/messages"
        c = submit(reporter_phone="(0285) 421093").complaint
        assert citizen_channel(c) == (OutboxChannel.EMAIL, "siti@example.org")

    def test_a_report_sent_by_email_is_answered_by_email(self, submit, settings):
        settings.ADUAN_WHATSAPP_API_URL = "http://127.0.0.1:9/messages"
        c = submit(channel="email").complaint
        assert citizen_channel(c) == (OutboxChannel.EMAIL, "siti@example.org")

    def test_a_reporter_without_contact_gets_nothing(self, submit, settings):
        settings.ADUAN_WHATSAPP_API_URL = "http://127.0.0.1:9/messages"
        c = submit(privacy="anonim", reporter_phone="", reporter_email="").complaint
        OutboxMessage.objects.filter(complaint=c).delete()
        assert notify_citizen(complaint=c, kind=K.RECEIPT) is None
        assert not OutboxMessage.objects.filter(complaint=c).exists()

    def test_the_same_message_is_enqueued_once(self, complaint, no_whatsapp):
        first = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        again = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert again.pk == first.pk
        assert OutboxMessage.objects.filter(complaint=complaint).count() == 1

    def test_messages_about_different_events_are_distinct(self, complaint, people, no_whatsapp):
        complaint_services.complaint_request_info(
            complaint=complaint, actor=people.verifier, question="Di kecamatan mana?"
        )
        complaint_services.complaint_add_info(complaint=complaint, message="Pekalongan Barat.")
        complaint_services.complaint_request_info(
            complaint=complaint, actor=people.verifier, question="Kapan perekamannya?"
        )
        first, second = complaint.events.filter(kind="info_requested").order_by("pk")
        a = notify_citizen(complaint=complaint, kind=K.INFO_REQUESTED, event=first)
        b = notify_citizen(complaint=complaint, kind=K.INFO_REQUESTED, event=second)
        assert a.pk != b.pk
        assert "Di kecamatan mana?" in a.body and "Kapan perekamannya?" in b.body

    def test_a_rolled_back_event_leaves_no_message(self, complaint, no_whatsapp):
        with pytest.raises(Boom), transaction.atomic():
            notify_citizen(complaint=complaint, kind=K.RECEIPT)
            assert OutboxMessage.objects.filter(complaint=complaint).count() == 1
            raise Boom
        assert not OutboxMessage.objects.filter(complaint=complaint).exists()

    def test_it_refuses_an_internal_event(self, complaint, people, no_whatsapp):
        note = complaint_services.complaint_add_note(
            complaint=complaint, actor=people.verifier, text="Pelapor ini sering iseng."
        )
        with pytest.raises(InternalContentError):
            notify_citizen(complaint=complaint, kind=K.FOLLOW_UP, event=note)
        assert not OutboxMessage.objects.filter(complaint=complaint).exists()

    def test_it_refuses_an_internal_note_passed_as_text(self, complaint, people, no_whatsapp):
        complaint_services.complaint_add_note(
            complaint=complaint, actor=people.verifier, text="Pelapor ini sering iseng."
        )
        with pytest.raises(InternalContentError):
            notify_citizen(
                complaint=complaint,
                kind=K.FOLLOW_UP,
                context={"text": "Pelapor ini sering iseng."},
            )

    def test_it_takes_the_public_text_from_the_event(self, complaint, people, no_whatsapp):
        complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a
        )
        complaint = complaint_services.complaint_follow_up(
            complaint=complaint, actor=people.officer_a, text="KTP-el sudah dapat diambil."
        )
        event = complaint.events.get(kind="follow_up")
        message = notify_citizen(complaint=complaint, kind=K.FOLLOW_UP, event=event)
        assert "KTP-el sudah dapat diambil." in message.body
        assert people.unit_a.name in message.body

    def test_it_refuses_staff_kinds_and_events_of_other_complaints(self, complaint, submit):
        with pytest.raises(ValueError):
            notify_citizen(complaint=complaint, kind=K.REMINDER)
        other = submit().complaint
        with pytest.raises(ValueError):
            notify_citizen(complaint=complaint, kind=K.RECEIPT, event=other.events.get())


@pytest.mark.django_db
class TestNotifyStaff:
    def test_each_user_gets_an_inapp_notification_and_an_email(self, complaint, people):
        complaint = complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a
        )
        people.officer_a.email = "budi@pekalongankota.go.id"
        people.officer_a.save()
        unread_before = selectors.unread_count(people.officer_a)
        rows = notify_staff(
            users=selectors.unit_staff(people.unit_a), kind=K.NEW_IN_UNIT, complaint=complaint
        )
        assert sorted((r.channel, r.to_address) for r in rows) == [
            ("email", "budi@pekalongankota.go.id"),
            ("inapp", ""),
        ]
        inapp = next(r for r in rows if r.channel == OutboxChannel.INAPP)
        assert inapp.status == OutboxStatus.SENT and inapp.read_at is None
        assert inapp.recipient_user == people.officer_a
        assert selectors.unread_count(people.officer_a) == unread_before + 1
        again = notify_staff(users=[people.officer_a], kind=K.NEW_IN_UNIT, complaint=complaint)
        assert {r.pk for r in again} == {r.pk for r in rows}

    def test_users_who_may_not_see_the_complaint_get_nothing(self, complaint, people):
        complaint = complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a
        )
        rows = notify_staff(
            users=[people.officer_b, people.supervisor], kind=K.ESCALATION, complaint=complaint
        )
        assert [r.recipient_user for r in rows] == [people.supervisor]

    def test_marking_read_touches_only_the_users_own(self, complaint, people):
        notify_staff(
            users=[people.verifier, people.supervisor], kind=K.REMINDER, complaint=complaint
        )
        assert notification_mark_read(user=people.verifier) == 1
        assert selectors.unread_count(people.verifier) == 0
        assert selectors.unread_count(people.supervisor) == 1


@pytest.mark.django_db
class TestOutboxEnqueue:
    def test_it_checks_its_arguments(self, complaint):
        common = {
            "jurisdiction": complaint.jurisdiction,
            "kind": K.RECEIPT,
            "subject": "s",
            "body": "b",
            "dedupe_key": "k",
        }
        with pytest.raises(ValueError):
            outbox_enqueue(channel="email", **common)  # no address
        with pytest.raises(ValueError):
            outbox_enqueue(channel="inapp", **common)  # no user
        with pytest.raises(ValueError):
            outbox_enqueue(channel="sms", to_address="x", **common)


@pytest.mark.django_db(transaction=True)
class TestOutboxTransactions:
    def test_it_refuses_to_run_outside_a_transaction(self, complaint):
        with pytest.raises(RuntimeError, match="inside the transaction"):
            notify_citizen(complaint=complaint, kind=K.RECEIPT)

    def test_concurrent_enqueues_of_one_key_make_one_row(self, complaint):
        """Two transactions enqueue the same message at once: one row, both get it."""
        first_inserted = threading.Event()
        results: list[int] = []
        errors: list[BaseException] = []

        def enqueue(hold: bool) -> None:
            try:
                with transaction.atomic():
                    row = outbox_enqueue(
                        jurisdiction=complaint.jurisdiction,
                        complaint=complaint,
                        channel="email",
                        to_address="siti@example.org",
                        kind=K.RECEIPT,
                        subject="s",
                        body="b",
                        dedupe_key="uji:serentak",
                    )
                    if hold:
                        first_inserted.set()
                        threading.Event().wait(0.5)  # the other one runs meanwhile
                    results.append(row.pk)
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)
            finally:
                connections.close_all()

        a = threading.Thread(target=enqueue, args=(True,))
        a.start()
        assert first_inserted.wait(10)
        b = threading.Thread(target=enqueue, args=(False,))
        b.start()
        a.join()
        b.join()
        assert errors == []
        assert len(results) == 2 and len(set(results)) == 1
        assert OutboxMessage.objects.filter(dedupe_key="uji:serentak").count() == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0812-1111-2222", "6281211112222"),
        ("+62 812 1111 2222", "6281211112222"),
        ("6281211112222", "6281211112222"),
        ("81211112222", "6281211112222"),
        ("(0285) 421093", None),  # landline
        ("+62 285 421093", None),
        ("+31 6 12345678", "31612345678"),
        ("0812", None),
        ("bukan nomor", None),
        ("", None),
    ],
)
def test_whatsapp_numbers_are_normalised(raw, expected):
    assert normalise_whatsapp_number(raw) == expected
