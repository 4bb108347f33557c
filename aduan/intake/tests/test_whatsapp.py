"""WhatsApp intake through the webhook, against a local Cloud API server: handshake,
signatures, conversations that become complaints, later messages, replays and bursts."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import timedelta

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from aduan.complaints import services as complaint_services
from aduan.complaints.models import Complaint
from aduan.complaints.tests.helpers import jpeg, pdf
from aduan.intake.models import Conversation, InboundFile, InboundMessage
from aduan.intake.services import conversation_sweep
from aduan.notifications.choices import MessageKind, OutboxChannel
from aduan.notifications.delivery import deliver_batch
from aduan.notifications.models import OutboxMessage

from .conftest import (
    CITIZEN,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    post_webhook,
    sign,
    wa_message,
    wa_payload,
)

pytestmark = pytest.mark.django_db

ASK_AREA = "Di kelurahan mana lokasinya?"
WITH_AREA = "Jalan berlubang besar di Jl. Merdeka, Kel. Medono, sudah dua minggu belum diperbaiki."
WITHOUT_AREA = "Saluran air di depan rumah saya tersumbat sampah sejak hujan minggu lalu."


def send(client, *messages, **kwargs):
    response = post_webhook(client, wa_payload(*messages, **kwargs))
    assert response.status_code == 200, response.content
    return response.json()["outcomes"]


def replies(number: str = CITIZEN) -> list[OutboxMessage]:
    return list(
        OutboxMessage.objects.filter(
            channel=OutboxChannel.WHATSAPP, to_address__in=[number, f"+{number}"]
        ).order_by("pk")
    )


def reply_texts(number: str = CITIZEN) -> list[str]:
    return [m.body for m in replies(number) if m.kind == MessageKind.INTAKE_REPLY]


def jpeg_bytes() -> bytes:
    return jpeg().read()


class TestHandshake:
    def test_it_echoes_the_challenge_for_our_verify_token(self, client, graph):
        response = client.get(
            "/masuk/whatsapp/",
            {
                "hub.mode": "subscribe",
                "hub.verify_token": VERIFY_TOKEN,
                "hub.challenge": "1158201444",
            },
        )
        assert response.status_code == 200
        assert response.content == b"1158201444"

    @pytest.mark.parametrize(
        "params",
        [
            {"hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1"},
            {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
            {"hub.mode": "subscribe", "hub.challenge": "1"},
        ],
    )
    def test_it_refuses_anything_else(self, client, graph, params):
        assert client.get("/masuk/whatsapp/", params).status_code == 403

    def test_without_a_verify_token_configured_nothing_passes(self, client, graph, settings):
        settings.ADUAN_WHATSAPP_VERIFY_TOKEN = ""
        params = {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"}
        assert client.get("/masuk/whatsapp/", params).status_code == 403


class TestSignature:
    def test_a_missing_signature_is_refused(self, client, graph):
        response = post_webhook(client, wa_payload(wa_message(text=WITH_AREA)), signature="")
        assert response.status_code == 403
        assert not InboundMessage.objects.exists()

    def test_a_wrong_signature_is_refused(self, client, graph):
        body = b'{"entry": []}'
        assert post_webhook(client, body, signature=sign(body, "kunci-lain")).status_code == 403
        assert post_webhook(client, body, signature="sha256=00").status_code == 403
        assert post_webhook(client, body, signature=sign(body)[7:]).status_code == 403

    def test_a_changed_body_does_not_match_its_signature(self, client, graph):
        import json

        body = json.dumps(wa_payload(wa_message(text=WITH_AREA))).encode()
        tampered = body.replace(b"Medono", b"Tirto!")
        response = post_webhook(client, tampered, signature=sign(body))
        assert response.status_code == 403
        assert not Complaint.objects.exists()

    def test_without_an_app_secret_every_post_is_refused(self, client, graph, settings):
        settings.ADUAN_WHATSAPP_APP_SECRET = ""
        body = b'{"entry": []}'
        assert post_webhook(client, body, signature=sign(body, "")).status_code == 403

    def test_a_signed_body_that_is_not_json_is_a_bad_request(self, client, graph):
        assert post_webhook(client, b"bukan json").status_code == 400


class TestNewConversation:
    def test_a_text_naming_the_kelurahan_becomes_a_complaint_at_once(self, client, graph):
        assert send(client, wa_message(text=WITH_AREA)) == {"submitted": 1}
        complaint = Complaint.objects.get()
        assert complaint.channel == "whatsapp" and complaint.privacy == "biasa"
        assert complaint.area.code == "medono"
        assert complaint.description == WITH_AREA
        assert complaint.reporter_name == "Siti Aminah"
        assert complaint.reporter_phone == f"+{CITIZEN}"
        inbound = InboundMessage.objects.get()
        assert inbound.outcome == "submitted" and inbound.complaint == complaint
        assert Conversation.objects.get().complaint == complaint

        # The reply carries the tracking code: the receipt, in WhatsApp, delivered.
        [receipt] = replies()
        assert receipt.kind == MessageKind.RECEIPT
        assert deliver_batch(worker_id="uji") == 1
        [sent] = graph.sent
        assert sent["to"] == CITIZEN
        assert complaint.tracking_code in sent["text"]["body"]

    def test_without_a_kelurahan_it_asks_then_submits_with_the_answer(self, client, graph):
        assert send(client, wa_message(text=WITHOUT_AREA)) == {"draft": 1}
        assert not Complaint.objects.exists()
        [question] = reply_texts()
        assert ASK_AREA in question
        deliver_batch(worker_id="uji")
        assert ASK_AREA in graph.texts()[0]

        assert send(client, wa_message(text="kelurahan Medono")) == {"submitted": 1}
        complaint = Complaint.objects.get()
        assert complaint.area.code == "medono"
        assert complaint.description == WITHOUT_AREA
        assert complaint.address == ""
        assert InboundMessage.objects.filter(complaint=complaint, outcome="submitted").count() == 2

    def test_an_answer_with_an_address_keeps_the_address(self, client, graph):
        send(client, wa_message(text=WITHOUT_AREA))
        send(client, wa_message(text="Jl. Hayam Wuruk no. 12, Podosugih"))
        complaint = Complaint.objects.get()
        assert complaint.area.code == "podosugih"
        assert complaint.address == "Jl. Hayam Wuruk no. 12, Podosugih"

    def test_an_answer_naming_no_kelurahan_submits_anyway(self, client, graph):
        send(client, wa_message(text=WITHOUT_AREA))
        assert send(client, wa_message(text="Dekat pasar, gang sebelah masjid.")) == {
            "submitted": 1
        }
        complaint = Complaint.objects.get()
        assert complaint.area is None
        assert complaint.description == f"{WITHOUT_AREA}\nDekat pasar, gang sebelah masjid."

    def test_a_photo_with_a_caption_is_downloaded_and_attached(self, client, graph):
        content = jpeg_bytes()
        media_id = graph.add_media(content)
        image = wa_message("image", id=media_id, mime_type="image/jpeg", caption=WITH_AREA)
        assert send(client, image) == {"submitted": 1}
        complaint = Complaint.objects.get()
        [attachment] = complaint.attachments.all()
        assert attachment.sha256 == hashlib.sha256(content).hexdigest()
        assert attachment.content_type == "image/jpeg" and attachment.from_citizen
        assert not InboundFile.objects.exists()  # the complaint holds its own copy

    def test_a_photo_first_then_the_story(self, client, graph):
        media_id = graph.add_media(jpeg_bytes())
        assert send(client, wa_message("image", id=media_id, mime_type="image/jpeg")) == {
            "draft": 1
        }
        [ask] = reply_texts()
        assert "foto Anda sudah kami terima" in ask and "ceritakan masalahnya" in ask
        assert InboundFile.objects.count() == 1
        send(client, wa_message(text=WITH_AREA))
        complaint = Complaint.objects.get()
        assert complaint.attachments.count() == 1
        assert complaint.description == WITH_AREA
        assert not InboundFile.objects.exists()

    def test_a_pdf_document_is_attached_too(self, client, graph):
        media_id = graph.add_media(pdf().read(), "application/pdf")
        document = wa_message(
            "document",
            id=media_id,
            mime_type="application/pdf",
            filename="surat-rt.pdf",
            caption=WITH_AREA,
        )
        send(client, document)
        [attachment] = Complaint.objects.get().attachments.all()
        assert attachment.original_name == "surat-rt.pdf"
        assert attachment.content_type == "application/pdf"

    def test_a_shared_location_gives_the_point(self, client, graph):
        send(client, wa_message(text=WITHOUT_AREA))
        location = wa_message(
            "location",
            latitude=-6.8971,
            longitude=109.6652,
            name="Masjid Medono",
            address="Jl. Sriwijaya, Medono",
        )
        assert send(client, location) == {"submitted": 1}
        complaint = Complaint.objects.get()
        assert (complaint.latitude, complaint.longitude) == (-6.8971, 109.6652)
        assert complaint.address == "Masjid Medono, Jl. Sriwijaya, Medono"
        assert complaint.area.code == "medono"

    def test_a_file_that_is_no_photo_is_refused_with_the_reason(self, client, graph):
        media_id = graph.add_media(b"MZ\x90\x00" + b"\x00" * 300)
        assert send(client, wa_message("image", id=media_id, mime_type="image/jpeg")) == {
            "rejected": 1
        }
        [reply] = reply_texts()
        assert "bukan foto (JPEG, PNG, WebP) atau PDF yang sah" in reply
        assert "/ Only" not in reply  # the citizen reads Indonesian
        assert not InboundFile.objects.exists() and not Complaint.objects.exists()

    def test_media_that_cannot_be_fetched_now_is_asked_for_again(self, client, graph):
        media_id = graph.add_media(jpeg_bytes())
        graph.media_statuses = [500]
        payload = wa_payload(wa_message("image", id=media_id, caption=WITH_AREA))
        response = post_webhook(client, payload)
        assert response.status_code == 503
        assert not InboundMessage.objects.exists()
        # WhatsApp delivers the same request again.
        assert post_webhook(client, payload).status_code == 200
        assert Complaint.objects.get().attachments.count() == 1

    def test_expired_media_is_told_and_the_caption_still_counts(self, client, graph):
        send(client, wa_message("image", id="999999", caption=WITH_AREA))
        complaint = Complaint.objects.get()
        assert complaint.attachments.count() == 0
        assert any("tidak dapat kami unduh" in text for text in reply_texts())

    def test_the_services_refusal_is_what_the_citizen_reads(self, client, graph):
        send(client, wa_message(text="Halo"))
        assert send(client, wa_message(text="Medono")) == {"draft": 1}
        refusal = reply_texts()[-1]
        assert "minimal 15 huruf" in refusal and "LAPORAN BARU" in refusal
        assert not Complaint.objects.exists()
        send(client, wa_message(text="Jalan di depan rumah saya rusak parah dan berlubang."))
        complaint = Complaint.objects.get()
        assert complaint.area.code == "medono"
        assert complaint.description.startswith("Halo\nJalan di depan rumah")

    def test_unsupported_messages_are_answered_politely(self, client, graph):
        assert send(client, wa_message("audio", id="123", mime_type="audio/ogg")) == {"ignored": 1}
        [reply] = reply_texts()
        assert "teks, foto, dokumen PDF, dan lokasi" in reply
        assert send(client, wa_message("reaction", message_id="wamid.x", emoji="👍")) == {
            "ignored": 1
        }
        assert len(reply_texts()) == 1


class TestLaterMessages:
    @pytest.fixture
    def submitted(self, client, graph):
        send(client, wa_message(text=WITH_AREA))
        complaint = Complaint.objects.get()
        OutboxMessage.objects.all().delete()
        return complaint

    def test_an_answer_to_a_request_for_information_goes_to_the_complaint(
        self, client, submitted, people
    ):
        complaint_services.complaint_request_info(
            complaint=submitted, actor=people.verifier, question="Nomor rumah berapa?"
        )
        assert send(client, wa_message(text="Depan rumah nomor 17, Pak.")) == {"info_added": 1}
        submitted.refresh_from_db()
        assert submitted.status == "baru"
        event = submitted.events.get(kind="info_provided")
        assert event.message == "Depan rumah nomor 17, Pak." and event.is_public
        [reply] = reply_texts()
        assert f"Informasi tambahan untuk laporan {submitted.tracking_code}" in reply

    def test_a_photo_can_be_the_answer(self, client, graph, submitted, people):
        complaint_services.complaint_request_info(
            complaint=submitted, actor=people.verifier, question="Mohon kirim fotonya."
        )
        media_id = graph.add_media(jpeg_bytes())
        send(client, wa_message("image", id=media_id, mime_type="image/jpeg"))
        submitted.refresh_from_db()
        event = submitted.events.get(kind="info_provided")
        assert event.message == "Foto dari pelapor (WhatsApp)."
        assert event.attachments.count() == 1

    def test_a_web_complaint_waiting_for_information_is_answered_by_whatsapp(
        self, client, graph, submit, people
    ):
        complaint = submit(reporter_phone="0812-1111-2222").complaint
        complaint_services.complaint_request_info(
            complaint=complaint, actor=people.verifier, question="Kapan perekamannya?"
        )
        assert send(client, wa_message(text="Perekaman bulan Januari.")) == {"info_added": 1}
        complaint.refresh_from_db()
        assert complaint.status == "baru"

    def test_other_messages_are_kept_for_the_open_complaint(self, client, graph, submitted):
        assert send(client, wa_message(text="Tolong segera ya, sudah ada yang jatuh.")) == {
            "kept": 1
        }
        media_id = graph.add_media(jpeg_bytes())
        assert send(client, wa_message("image", id=media_id, mime_type="image/jpeg")) == {"kept": 1}
        kept = InboundMessage.objects.filter(outcome="kept", complaint=submitted)
        assert kept.count() == 2
        # both are on the complaint's timeline for the unit, the photo attached there
        messages = submitted.events.filter(kind="citizen_message")
        assert messages.count() == 2 and all(e.is_public for e in messages)
        assert "sudah ada yang jatuh" in messages.first().message
        assert submitted.attachments.filter(event__in=messages).count() == 1
        assert not InboundFile.objects.filter(message__in=kept).exists()
        submitted.refresh_from_db()
        assert submitted.status == "baru"
        [reply] = reply_texts()  # acknowledged once, not for every message
        assert submitted.tracking_code in reply and "LAPORAN BARU" in reply
        assert Complaint.objects.count() == 1

    def test_laporan_baru_starts_a_new_report(self, client, graph, submitted):
        text = "LAPORAN BARU: Lampu jalan mati di Jl. Diponegoro, kelurahan Tirto."
        assert send(client, wa_message(text=text)) == {"submitted": 1}
        newest = Complaint.objects.exclude(pk=submitted.pk).get()
        assert newest.area.code == "tirto"
        assert newest.description == "Lampu jalan mati di Jl. Diponegoro, kelurahan Tirto."
        assert Conversation.objects.get().complaint == newest

    def test_a_closed_complaint_takes_no_more_messages(self, client, graph, submitted, people):
        complaint_services.complaint_archive(
            complaint=submitted, actor=people.verifier, reason="spam"
        )
        send(client, wa_message(text="Sampah menumpuk di TPS Kel. Kauman tidak diangkut."))
        assert Complaint.objects.count() == 2

    def test_a_tracking_code_names_the_complaint(self, client, graph, submitted, people):
        send(client, wa_message(text="LAPORAN BARU Lampu jalan mati di Kel. Tirto sejak kemarin."))
        complaint_services.complaint_request_info(
            complaint=submitted, actor=people.verifier, question="Sejak kapan?"
        )
        text = f"Untuk laporan {submitted.tracking_code.lower()}: sejak awal bulan."
        assert send(client, wa_message(text=text)) == {"info_added": 1}


class TestReplays:
    def test_a_redelivered_message_changes_nothing(self, client, graph):
        payload = wa_payload(wa_message(text=WITH_AREA))
        assert post_webhook(client, payload).json() == {"outcomes": {"submitted": 1}}
        outbox = OutboxMessage.objects.count()
        assert post_webhook(client, payload).json() == {"outcomes": {"duplicate": 1}}
        assert Complaint.objects.count() == 1 and InboundMessage.objects.count() == 1
        assert OutboxMessage.objects.count() == outbox

    def test_an_old_message_is_refused_as_a_replay(self, client, graph):
        old = wa_message(text=WITH_AREA, sent=time.time() - 25 * 3600)
        assert send(client, old) == {"stale": 1}
        future = wa_message(text=WITH_AREA, sent=time.time() + 3600)
        assert send(client, future) == {"stale": 1}
        assert not InboundMessage.objects.exists() and not Complaint.objects.exists()

    def test_messages_for_another_number_go_to_that_jurisdiction(self, client, graph, settings):
        from aduan.organisation.models import Jurisdiction

        pekalongan = Jurisdiction.objects.get(slug="pekalongan")
        pekalongan.settings = {**pekalongan.settings, "whatsapp_phone_number_id": "777"}
        pekalongan.save()
        settings.ADUAN_DEFAULT_JURISDICTION = "tidak-ada"
        assert send(client, wa_message(text=WITH_AREA), phone_number_id="777") == {"submitted": 1}
        assert send(client, wa_message(text=WITH_AREA), phone_number_id="888") == {"ignored": 1}
        assert PHONE_NUMBER_ID != "777"


class TestSweep:
    def test_an_unanswered_question_is_submitted_after_the_wait(self, client, graph, settings):
        settings.ADUAN_INTAKE_DRAFT_MINUTES = 60
        send(client, wa_message(text=WITHOUT_AREA))
        assert conversation_sweep(now=timezone.now() + timedelta(minutes=30)) == 0
        assert conversation_sweep(now=timezone.now() + timedelta(minutes=61)) == 1
        complaint = Complaint.objects.get()
        assert complaint.area is None and complaint.description == WITHOUT_AREA
        assert conversation_sweep(now=timezone.now() + timedelta(minutes=61)) == 0


def _post_in_threads(bodies: list[bytes]) -> tuple[list[int], list[BaseException]]:
    start = threading.Barrier(len(bodies))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def deliver(body: bytes) -> None:
        try:
            start.wait(10)
            response = Client().post(
                "/masuk/whatsapp/",
                data=body,
                content_type="application/json",
                headers={"X-Hub-Signature-256": sign(body)},
            )
            statuses.append(response.status_code)
        except BaseException as exc:  # noqa: BLE001 - reported by the caller's assertion
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return statuses, errors


@pytest.mark.django_db(transaction=True)
class TestBursts:
    def test_a_burst_of_duplicate_deliveries_makes_one_complaint(self, pekalongan, graph):
        import json

        body = json.dumps(wa_payload(wa_message(text=WITH_AREA))).encode()
        statuses, errors = _post_in_threads([body] * 6)
        assert errors == [] and statuses == [200] * 6
        assert Complaint.objects.count() == 1
        assert InboundMessage.objects.count() == 1
        assert OutboxMessage.objects.filter(kind=MessageKind.RECEIPT).count() == 1

    def test_messages_of_one_number_arriving_together_are_handled_in_turn(self, pekalongan, graph):
        import json

        bodies = [
            json.dumps(wa_payload(wa_message(text=f"{WITH_AREA} ({n})"))).encode() for n in range(4)
        ]
        statuses, errors = _post_in_threads(bodies)
        assert errors == [] and statuses == [200] * 4
        assert Complaint.objects.count() == 1
        outcomes = sorted(InboundMessage.objects.values_list("outcome", flat=True))
        assert outcomes == ["kept", "kept", "kept", "submitted"]
