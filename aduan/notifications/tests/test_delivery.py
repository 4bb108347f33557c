"""Delivery through real channels on loopback: an SMTP server and a WhatsApp gateway."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aduan.notifications.channels import message_id
from aduan.notifications.choices import MessageKind, OutboxStatus
from aduan.notifications.delivery import deliver_batch, retry_delay
from aduan.notifications.models import DeliveryAttempt, OutboxMessage
from aduan.notifications.services import notify_citizen, notify_staff, outbox_enqueue

K = MessageKind
pytestmark = pytest.mark.django_db


def enqueue_email(complaint, key: str, to: str = "siti@example.org") -> OutboxMessage:
    with transaction.atomic():
        return outbox_enqueue(
            jurisdiction=complaint.jurisdiction,
            complaint=complaint,
            channel="email",
            to_address=to,
            kind=K.CLOSED,
            subject=f"Subjek {key}",
            body=f"Isi pesan {key}.",
            dedupe_key=key,
        )


class TestEmail:
    def test_the_receipt_arrives_at_the_smtp_server(self, complaint, smtp, no_whatsapp):
        with transaction.atomic():
            message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message is not None
        assert deliver_batch(worker_id="uji") == 1

        message.refresh_from_db()
        assert message.status == OutboxStatus.SENT and message.sent_at is not None
        assert message.attempts == 1 and message.lease_until is None
        [received] = smtp.recorder.messages
        assert received["Subject"] == f"Laporan Anda kami terima: {complaint.tracking_code}"
        assert received["To"] == "siti@example.org"
        assert received["From"] == "Lapor Ajib <aduan@pekalongankota.go.id>"
        assert received["Auto-Submitted"] == "auto-generated"
        assert received["Message-ID"] == message_id(message) == message.remote_id
        assert received["Message-ID"].startswith(f"<outbox-{message.pk}.")
        assert received["Message-ID"].endswith("@pekalongankota.go.id>")
        body = received.get_content()
        assert "Yth. Bapak/Ibu Siti Aminah" in body and complaint.access_secret in body
        [attempt] = message.delivery_attempts.all()
        assert attempt.ok is True and attempt.worker == "uji" and attempt.finished_at

    def test_staff_email_and_inapp_are_delivered(self, complaint, people, smtp):
        people.verifier.email = "alice@pekalongankota.go.id"
        people.verifier.save()
        with transaction.atomic():
            notify_staff(users=[people.verifier], kind=K.REMINDER, complaint=complaint)
        assert deliver_batch(worker_id="uji") == 1  # the in-app one was delivered at once
        [received] = smtp.recorder.messages
        assert received["To"] == "alice@pekalongankota.go.id"
        assert received["Subject"].startswith(f"Pengingat: laporan {complaint.tracking_code}")

    def test_a_server_that_is_down_means_retry_later(self, complaint, settings):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = 9  # nothing listens here
        message = enqueue_email(complaint, "uji:mati")
        now = timezone.now()
        deliver_batch(worker_id="uji", now=now)
        message.refresh_from_db()
        assert message.status == OutboxStatus.PENDING and message.attempts == 1
        assert "Connection" in message.last_error or "refused" in message.last_error
        assert message.next_attempt_at is not None
        assert message.next_attempt_at >= now + retry_delay(1)

    def test_a_refused_recipient_is_dead_at_once(self, complaint, smtp):
        async def refuse(server, session, envelope, address, rcpt_options):
            return "550 5.1.1 Mailbox tidak ada"

        smtp.recorder.handle_RCPT = refuse
        message = enqueue_email(complaint, "uji:tolak", to="tidak.ada@example.org")
        deliver_batch(worker_id="uji")
        message.refresh_from_db()
        assert message.status == OutboxStatus.DEAD and message.attempts == 1
        assert "550" in message.last_error


class TestWhatsApp:
    def test_the_cloud_api_request(self, complaint, whatsapp):
        with transaction.atomic():
            message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message is not None
        assert deliver_batch(worker_id="uji") == 1
        [request] = whatsapp.requests
        assert request.path == "/v21.0/1098765432/messages"
        assert request.headers["Authorization"] == f"Bearer {whatsapp.token}"
        assert request.headers["Content-Type"] == "application/json"
        assert request.headers["Idempotency-Key"] == f"outbox-{message.pk}"
        assert request.json["messaging_product"] == "whatsapp"
        assert request.json["to"] == "6281211112222"
        assert request.json["type"] == "text"
        text = request.json["text"]["body"]
        assert text.startswith(f"*Laporan Anda kami terima: {complaint.tracking_code}*\n\n")
        assert complaint.access_secret in text
        message.refresh_from_db()
        assert message.status == OutboxStatus.SENT and message.remote_id == "wamid.UJI1"

    def test_a_500_is_retried_with_backoff_until_it_succeeds(self, complaint, whatsapp):
        whatsapp.statuses = [500, 503]
        with transaction.atomic():
            message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message is not None
        now = timezone.now()
        assert deliver_batch(worker_id="uji", now=now) == 1
        message.refresh_from_db()
        assert message.status == OutboxStatus.PENDING and message.attempts == 1
        assert "HTTP 500" in message.last_error
        first_retry = message.next_attempt_at
        assert first_retry is not None
        assert first_retry - now >= retry_delay(1) == timedelta(seconds=60)

        assert deliver_batch(worker_id="uji", now=first_retry - timedelta(seconds=1)) == 0
        assert deliver_batch(worker_id="uji", now=first_retry) == 1
        message.refresh_from_db()
        assert message.attempts == 2 and "HTTP 503" in message.last_error
        assert message.next_attempt_at is not None
        assert message.next_attempt_at - first_retry >= retry_delay(2) == timedelta(seconds=120)

        assert deliver_batch(worker_id="uji", now=message.next_attempt_at) == 1
        message.refresh_from_db()
        assert message.status == OutboxStatus.SENT and message.attempts == 3
        assert message.last_error == ""
        assert len(whatsapp.requests) == 3
        assert [a.ok for a in message.delivery_attempts.all()] == [False, False, True]

    def test_it_gives_up_after_the_last_attempt(self, complaint, whatsapp, settings):
        settings.ADUAN_OUTBOX_MAX_ATTEMPTS = 3
        whatsapp.statuses = [500] * 5
        with transaction.atomic():
            message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message is not None
        now = timezone.now()
        for _ in range(5):
            deliver_batch(worker_id="uji", now=now)
            now += timedelta(days=1)
        message.refresh_from_db()
        assert message.status == OutboxStatus.DEAD and message.attempts == 3
        assert message.next_attempt_at is None
        assert len(whatsapp.requests) == 3
        assert message.delivery_attempts.count() == 3

    def test_a_400_is_not_retried(self, complaint, whatsapp):
        whatsapp.statuses = [400]
        with transaction.atomic():
            message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message is not None
        deliver_batch(worker_id="uji")
        message.refresh_from_db()
        assert message.status == OutboxStatus.DEAD and "HTTP 400" in message.last_error

    def test_the_token_never_appears_in_errors(self, complaint, whatsapp):
        whatsapp.statuses = [401]
        with transaction.atomic():
            message = notify_citizen(complaint=complaint, kind=K.RECEIPT)
        assert message is not None
        deliver_batch(worker_id="uji")
        message.refresh_from_db()
        assert message.status == OutboxStatus.PENDING  # a token problem is ours: retried
        assert whatsapp.token not in message.last_error


class TestClaiming:
    def test_a_live_lease_keeps_other_workers_away(self, complaint, smtp, settings):
        settings.ADUAN_OUTBOX_LEASE_SECONDS = 60
        message = enqueue_email(complaint, "uji:sewa")
        now = timezone.now()
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=OutboxStatus.SENDING,
            claimed_by="lain",
            lease_until=now + timedelta(seconds=60),
            next_attempt_at=now + timedelta(seconds=60),
        )
        assert deliver_batch(worker_id="uji", now=now) == 0
        assert deliver_batch(worker_id="uji", now=now + timedelta(seconds=61)) == 1
        message.refresh_from_db()
        assert message.status == OutboxStatus.SENT and message.claimed_by == "uji"
        assert len(smtp.recorder.messages) == 1

    def test_a_worker_that_lost_its_lease_saves_nothing(self, complaint, smtp, monkeypatch):
        """Worker A stalls past its lease, B takes the message over: A's late result must
        not overwrite B's state."""
        from aduan.notifications import delivery

        message = enqueue_email(complaint, "uji:hilang")
        real_send = delivery.SENDERS["email"]

        def send_while_taken_over(m):
            OutboxMessage.objects.filter(pk=m.pk).update(
                claimed_by="B", lease_until=timezone.now() + timedelta(minutes=5)
            )
            return real_send(m)

        monkeypatch.setitem(delivery.SENDERS, "email", send_while_taken_over)
        deliver_batch(worker_id="A")
        message.refresh_from_db()
        assert message.status == OutboxStatus.SENDING and message.claimed_by == "B"
        [attempt] = message.delivery_attempts.all()
        assert attempt.ok is True and "lease lost" in attempt.error

    def test_the_claim_query(self, complaint, smtp):
        enqueue_email(complaint, "uji:kueri")
        with CaptureQueriesContext(connection) as queries:
            deliver_batch(worker_id="uji")
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        if connection.features.has_select_for_update_skip_locked:
            assert "FOR UPDATE SKIP LOCKED" in sql
        else:
            assert 'UPDATE "notifications_outboxmessage" SET "status"' in sql

    def test_an_interrupted_last_attempt_ends_dead(self, complaint, smtp, settings):
        settings.ADUAN_OUTBOX_MAX_ATTEMPTS = 2
        message = enqueue_email(complaint, "uji:putus")
        past = timezone.now() - timedelta(minutes=1)
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=OutboxStatus.SENDING,
            attempts=2,
            claimed_by="mati",
            lease_until=past,
            next_attempt_at=past,
        )
        assert deliver_batch(worker_id="uji") == 1
        message.refresh_from_db()
        assert message.status == OutboxStatus.DEAD
        assert smtp.recorder.messages == []

    def test_sent_and_dead_messages_are_never_picked_up(self, complaint, smtp):
        a = enqueue_email(complaint, "uji:a")
        b = enqueue_email(complaint, "uji:b")
        OutboxMessage.objects.filter(pk=a.pk).update(status=OutboxStatus.SENT)
        OutboxMessage.objects.filter(pk=b.pk).update(status=OutboxStatus.DEAD)
        assert deliver_batch(worker_id="uji", now=timezone.now() + timedelta(days=9)) == 0
        assert DeliveryAttempt.objects.count() == 0
