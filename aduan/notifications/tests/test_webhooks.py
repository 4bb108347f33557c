"""Outbound webhooks: a status change becomes a signed JSON POST to each subscriber, through
the outbox and its retries, against a local HTTP receiver."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.utils import timezone

from aduan.complaints import services as complaint_services
from aduan.complaints.models import ComplaintEvent
from aduan.notifications.choices import MessageKind, OutboxChannel, OutboxStatus
from aduan.notifications.delivery import deliver_batch, retry_delay
from aduan.notifications.models import OutboxMessage, WebhookSubscription
from aduan.notifications.services import notify_subscribers
from aduan.notifications.webhooks import verify_signature

pytestmark = pytest.mark.django_db


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    url: str = ""
    received: list[Received] = field(default_factory=list)
    #: Status codes to answer with, in order; 204 once they are used up.
    statuses: list[int] = field(default_factory=list)
    redirect_to: str = ""


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A subscriber's endpoint on loopback that keeps every request."""
    state = Receiver()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                state.received.append(Received(self.path, dict(self.headers.items()), body))
                status = state.statuses.pop(0) if state.statuses else 204
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", state.url + "lain/")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/aduan/webhook/"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def subscription(pekalongan, receiver) -> WebhookSubscription:
    return WebhookSubscription.objects.create(
        jurisdiction=pekalongan, name="Dasbor Bappeda", url=receiver.url
    )


def notify(event: ComplaintEvent) -> list[OutboxMessage]:
    """What ``complaints.notify.notify_for_event`` will call for every event."""
    with transaction.atomic():
        return notify_subscribers(event=event)


def latest(complaint, kind: str) -> ComplaintEvent:
    return complaint.events.filter(kind=kind).latest("created_at", "id")


class TestWhatIsSent:
    def test_a_status_change_reaches_the_subscriber_signed(
        self, complaint, people, subscription, receiver
    ):
        complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a, note="Mohon dicek."
        )
        event = latest(complaint, "verified")
        [message] = notify(event)
        assert message.channel == OutboxChannel.WEBHOOK and message.subscription == subscription
        assert message.kind == MessageKind.STATUS_CHANGED and message.to_address == receiver.url
        assert deliver_batch(worker_id="uji") == 1
        message.refresh_from_db()
        assert message.status == OutboxStatus.SENT and message.remote_id == "HTTP 204"

        [request] = receiver.received
        assert request.path == "/aduan/webhook/"
        headers = request.headers
        assert headers["Content-Type"] == "application/json; charset=utf-8"
        assert headers["X-Aduan-Event"] == "complaint.status_changed"
        assert headers["X-Aduan-Delivery"] == str(message.pk)
        assert abs(int(headers["X-Aduan-Timestamp"]) - time.time()) < 60
        assert verify_signature(
            secret=subscription.secret,
            body=request.body,
            timestamp=headers["X-Aduan-Timestamp"],
            signature=headers["X-Aduan-Signature"],
            now=time.time(),
        )
        assert request.json == {
            "id": f"evt-{event.pk}",
            "type": "complaint.status_changed",
            "jurisdiction": "pekalongan",
            "tracking_code": complaint.tracking_code,
            "event": "verified",
            "status": "didisposisikan",
            "status_label": "Terverifikasi, didisposisikan",
            "previous_status": "baru",
            "category": "adminduk",
            "unit": "disdukcapil",
            "occurred_at": event.created_at.isoformat(),
            "message": "Mohon dicek.",
            "confidential": False,
        }

    def test_it_never_carries_the_reporters_identity(self, complaint, subscription):
        [message] = notify(latest(complaint, "submitted"))
        body = message.body
        assert json.loads(body)["previous_status"] is None
        for identity in ("Siti", "Aminah", "0812", "1111-2222", "siti@example.org"):
            assert identity not in body

    def test_rahasia_complaints_send_only_the_status_change(self, submit, people, subscription):
        complaint = submit(privacy="rahasia", title="Pungli di kantor kelurahan").complaint
        complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a, note="Segera."
        )
        [message] = notify(latest(complaint, "verified"))
        payload = json.loads(message.body)
        assert payload["confidential"] is True
        assert payload["status"] == "didisposisikan" and payload["previous_status"] == "baru"
        assert payload["message"] is None and payload["category"] is None
        assert payload["unit"] is None
        assert "Pungli" not in message.body and "Segera" not in message.body

    def test_an_internal_note_is_no_status_change(self, complaint, people, subscription):
        complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a
        )
        note = complaint_services.complaint_add_note(
            complaint=complaint, actor=people.officer_a, text="Catatan rahasia petugas."
        )
        assert notify(note) == []

    def test_a_forward_sends_only_public_text(self, complaint, people, subscription):
        complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a
        )
        complaint_services.complaint_forward(
            complaint=complaint, actor=people.officer_a, unit=people.unit_b, reason="Salah unit."
        )
        [message] = notify(latest(complaint, "forwarded"))
        payload = json.loads(message.body)
        assert payload["unit"] == "dpupr" and payload["message"] is None


class TestWhoReceives:
    def test_one_message_per_event_and_subscription(self, complaint, subscription):
        event = latest(complaint, "submitted")
        first = notify(event)
        again = notify(event)
        assert [m.pk for m in first] == [m.pk for m in again]
        assert OutboxMessage.objects.filter(channel="webhook").count() == 1

    def test_subscriptions_may_choose_event_kinds(self, complaint, people, pekalongan, receiver):
        WebhookSubscription.objects.create(
            jurisdiction=pekalongan,
            name="Hanya selesai",
            url=receiver.url,
            event_kinds=["resolved"],
        )
        picky = WebhookSubscription.objects.create(
            jurisdiction=pekalongan, name="Disposisi", url=receiver.url, event_kinds=["verified"]
        )
        complaint_services.complaint_dispose(
            complaint=complaint, actor=people.verifier, unit=people.unit_a
        )
        assert notify(latest(complaint, "submitted")) == []
        [message] = notify(latest(complaint, "verified"))
        assert message.subscription == picky

    def test_inactive_and_other_jurisdictions_subscriptions_get_nothing(
        self, complaint, pekalongan, receiver
    ):
        from aduan.organisation.models import Jurisdiction

        other = Jurisdiction.objects.create(
            slug="batang", name="Kabupaten Batang", kind="kabupaten"
        )
        WebhookSubscription.objects.create(jurisdiction=other, name="Lain", url=receiver.url)
        WebhookSubscription.objects.create(
            jurisdiction=pekalongan, name="Mati", url=receiver.url, is_active=False
        )
        assert notify(latest(complaint, "submitted")) == []


class TestRetries:
    def test_a_failing_subscriber_is_retried_with_backoff_then_gets_it(
        self, complaint, subscription, receiver
    ):
        receiver.statuses = [503]
        [message] = notify(latest(complaint, "submitted"))
        now = timezone.now()
        deliver_batch(worker_id="uji", now=now)
        message.refresh_from_db()
        assert message.status == OutboxStatus.PENDING and message.attempts == 1
        assert message.last_error.startswith("HTTP 503")
        assert message.next_attempt_at is not None
        assert message.next_attempt_at >= now + retry_delay(1)
        assert deliver_batch(worker_id="uji", now=now) == 0  # not due yet
        deliver_batch(worker_id="uji", now=message.next_attempt_at)
        message.refresh_from_db()
        assert message.status == OutboxStatus.SENT and message.attempts == 2
        first, second = receiver.received
        assert first.body == second.body  # the same message, signed anew
        assert first.headers["X-Aduan-Delivery"] == second.headers["X-Aduan-Delivery"]

    @pytest.mark.parametrize("status", [400, 410, 422])
    def test_a_refusal_is_final(self, complaint, subscription, receiver, status):
        receiver.statuses = [status]
        [message] = notify(latest(complaint, "submitted"))
        deliver_batch(worker_id="uji")
        message.refresh_from_db()
        assert message.status == OutboxStatus.DEAD and message.attempts == 1

    def test_a_redirect_is_not_followed(self, complaint, subscription, receiver):
        receiver.statuses = [302]
        [message] = notify(latest(complaint, "submitted"))
        deliver_batch(worker_id="uji")
        message.refresh_from_db()
        assert message.status == OutboxStatus.PENDING and "HTTP 302" in message.last_error
        assert len(receiver.received) == 1

    def test_an_unreachable_subscriber_is_retried(self, complaint, pekalongan):
        subscription = WebhookSubscription.objects.create(
            jurisdiction=pekalongan, name="Mati", url="http://127.0.0.1:9/webhook"
        )
        [message] = notify(latest(complaint, "submitted"))
        deliver_batch(worker_id="uji")
        message.refresh_from_db()
        assert message.status == OutboxStatus.PENDING and message.subscription == subscription

    def test_a_deactivated_subscription_stops_its_pending_messages(
        self, complaint, subscription, receiver
    ):
        [message] = notify(latest(complaint, "submitted"))
        subscription.is_active = False
        subscription.save()
        deliver_batch(worker_id="uji")
        message.refresh_from_db()
        assert message.status == OutboxStatus.DEAD and "nonaktif" in message.last_error
        assert receiver.received == []


def test_a_signature_is_refused_when_old_or_wrong():
    body = b'{"id":"evt-1"}'
    from aduan.notifications.webhooks import sign

    now = time.time()
    stamp = str(int(now))
    good = sign("kunci", stamp, body)
    assert verify_signature(secret="kunci", body=body, timestamp=stamp, signature=good, now=now)
    assert not verify_signature(
        secret="kunci", body=body, timestamp=stamp, signature=good, now=now + 301
    )
    assert not verify_signature(secret="lain", body=body, timestamp=stamp, signature=good, now=now)
    assert not verify_signature(
        secret="kunci", body=body + b" ", timestamp=stamp, signature=good, now=now
    )
    old = str(int(now) - 1)
    assert not verify_signature(secret="kunci", body=body, timestamp=old, signature=good, now=now)
