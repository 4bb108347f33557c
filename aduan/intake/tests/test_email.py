"""E-mail intake: reading mail, the inbound webhook, and `aduan fetch-mail` against a local
IMAP server, with the citizen's mail sent by SMTP and Aduan's answers delivered by SMTP."""

from __future__ import annotations

import io
from email.message import EmailMessage

import pytest
from django.core.management import CommandError, call_command

from aduan.complaints import services as complaint_services
from aduan.complaints.models import Complaint
from aduan.complaints.tests.helpers import jpeg, pdf
from aduan.intake.mail import html_to_text, parse_mail, reply_text
from aduan.intake.models import InboundFile, InboundMessage
from aduan.notifications.choices import MessageKind, OutboxChannel
from aduan.notifications.delivery import deliver_batch
from aduan.notifications.models import OutboxMessage

from .conftest import citizen_mail, imap_append, imap_unseen

SECRET = "rahasia-email-masuk"
STORY = "Lampu penerangan jalan di Jl. Sriwijaya depan masjid mati sejak seminggu."


def post_mail(client, message: EmailMessage | bytes, *, secret: str | None = SECRET, **params):
    raw = message if isinstance(message, bytes) else message.as_bytes()
    headers = {"X-Aduan-Inbound-Secret": secret} if secret is not None else {}
    url = "/masuk/email/" + (f"?jurisdiction={params['jurisdiction']}" if params else "")
    return client.post(url, data=raw, content_type="message/rfc822", headers=headers)


def intake_replies(to: str = "budi@example.org") -> list[OutboxMessage]:
    return list(
        OutboxMessage.objects.filter(
            channel=OutboxChannel.EMAIL, to_address=to, kind=MessageKind.INTAKE_REPLY
        ).order_by("pk")
    )


class TestReading:
    def test_a_plain_mail(self):
        mail = parse_mail(citizen_mail().as_bytes())
        assert mail.from_name == "Budi Santoso" and mail.from_address == "budi@example.org"
        assert mail.subject == "Lampu jalan mati di Jl. Sriwijaya"
        assert mail.text == STORY
        assert mail.message_id.startswith("<") and mail.message_id.endswith("@example.org>")
        assert mail.automatic == "" and mail.attachments == []

    def test_html_only_mail_is_made_plain(self):
        html = (
            "<html><head><style>p{color:red}</style></head><body><p>Jalan&nbsp;rusak di "
            "<b>Kel. Tirto</b> &amp; sekitarnya.</p><script>alert(1)</script>"
            "<div>Mohon&#32;diperbaiki.</div></body></html>"
        )
        mail = parse_mail(citizen_mail(text="", html=html).as_bytes())
        assert mail.text == "Jalan rusak di Kel. Tirto & sekitarnya.\n\nMohon diperbaiki."
        assert html_to_text("<p>a<br>b</p>") == "a\nb"

    def test_attachments_but_not_logos_embedded_in_the_html(self):
        message = citizen_mail(html="<p>isi</p><img src='cid:logo'>")
        html_part = message.get_body(preferencelist=("html",))
        html_part.add_related(b"\x89PNG", "image", "png", cid="<logo>", filename="logo.png")
        message.add_attachment(jpeg().read(), maintype="image", subtype="jpeg", filename="foto.jpg")
        message.add_attachment(
            pdf().read(), maintype="application", subtype="pdf", filename="s.pdf"
        )
        mail = parse_mail(message.as_bytes())
        assert [f.name for f in mail.attachments] == ["foto.jpg", "s.pdf"]
        assert mail.text == STORY

    @pytest.mark.parametrize(
        "text",
        [
            "Sudah saya lampirkan fotonya.\n\nOn Tue, 17 Mar 2026 at 10:00, Lapor Ajib "
            "<aduan@pekalongankota.go.id> wrote:\n> Mohon informasi tambahan",
            "Sudah saya lampirkan fotonya.\n\nPada Sel, 17 Mar 2026 10.00, Lapor Ajib\n"
            "<aduan@pekalongankota.go.id> menulis:\n> Mohon informasi tambahan",
            "Sudah saya lampirkan fotonya.\n-- \nBudi Santoso\nRT 03",
            "> Mohon informasi tambahan\nSudah saya lampirkan fotonya.",
            "Sudah saya lampirkan fotonya.\n\n-----Original Message-----\nFrom: Lapor Ajib",
        ],
    )
    def test_a_reply_keeps_only_its_own_words(self, text):
        assert reply_text(text) == "Sudah saya lampirkan fotonya."

    @pytest.mark.parametrize(
        ("headers", "sender"),
        [
            ({"Auto-Submitted": "auto-replied"}, "Budi <budi@example.org>"),
            ({"Precedence": "bulk"}, "Budi <budi@example.org>"),
            ({"X-Autoreply": "yes"}, "Budi <budi@example.org>"),
            ({}, "Mail Delivery System <MAILER-DAEMON@example.org>"),
            ({}, "Lapor Ajib <aduan@localhost>"),
        ],
    )
    def test_machine_mail_is_recognised(self, headers, sender, settings):
        settings.DEFAULT_FROM_EMAIL = "aduan@localhost"
        mail = parse_mail(citizen_mail(headers=headers, sender=sender).as_bytes())
        assert mail.automatic

    def test_mail_without_a_message_id_gets_one_from_its_content(self):
        raw = b"From: budi@example.org\r\nSubject: x\r\n\r\nisi\r\n"
        assert parse_mail(raw).message_id == parse_mail(raw).message_id
        assert parse_mail(raw).message_id.startswith("sha256:")


@pytest.mark.django_db
class TestWebhook:
    @pytest.fixture(autouse=True)
    def _secret(self, settings, no_whatsapp):
        settings.ADUAN_INBOUND_EMAIL_SECRET = SECRET

    @pytest.fixture
    def no_whatsapp(self, settings):
        settings.ADUAN_WHATSAPP_API_URL = ""

    def test_it_needs_the_shared_secret(self, client, pekalongan, settings):
        assert post_mail(client, citizen_mail(), secret=None).status_code == 403
        assert post_mail(client, citizen_mail(), secret="salah").status_code == 403
        settings.ADUAN_INBOUND_EMAIL_SECRET = ""
        assert post_mail(client, citizen_mail(), secret="").status_code == 403
        assert not InboundMessage.objects.exists()

    def test_a_new_mail_becomes_a_complaint_with_its_attachments(self, client, pekalongan):
        photo = jpeg().read()
        message = citizen_mail(attachments=[("lampu.jpg", photo, "image/jpeg")])
        response = post_mail(client, message)
        assert response.status_code == 200
        complaint = Complaint.objects.get()
        assert response.json() == {"outcome": "submitted", "tracking_code": complaint.tracking_code}
        assert complaint.channel == "email" and complaint.privacy == "biasa"
        assert complaint.title == "Lampu jalan mati di Jl. Sriwijaya"
        assert complaint.description == STORY
        assert complaint.reporter_name == "Budi Santoso"
        assert complaint.reporter_email == "budi@example.org"
        [attachment] = complaint.attachments.all()
        assert attachment.original_name == "lampu.jpg"
        # The receipt with the tracking code goes back by e-mail.
        [receipt] = OutboxMessage.objects.filter(kind=MessageKind.RECEIPT)
        assert receipt.channel == "email" and receipt.to_address == "budi@example.org"
        assert complaint.tracking_code in receipt.subject

    def test_the_same_mail_twice_makes_one_complaint(self, client, pekalongan):
        message = citizen_mail()
        post_mail(client, message)
        assert post_mail(client, message).json() == {"outcome": "duplicate", "tracking_code": None}
        assert Complaint.objects.count() == 1

    def test_a_bad_attachment_is_left_out_and_explained(self, client, pekalongan):
        message = citizen_mail(
            attachments=[
                ("lampu.jpg", jpeg().read(), "image/jpeg"),
                ("virus.jpg", b"MZ\x90\x00" + b"\x00" * 200, "image/jpeg"),
            ]
        )
        post_mail(client, message)
        assert Complaint.objects.get().attachments.count() == 1
        [reply] = intake_replies()
        assert "virus.jpg" in reply.body and "bukan foto" in reply.body
        assert reply.subject == "Re: Lampu jalan mati di Jl. Sriwijaya"
        assert reply.body.startswith("Yth. Bapak/Ibu Budi Santoso,")

    def test_more_attachments_than_allowed_are_kept_for_staff(self, client, pekalongan, settings):
        settings.ADUAN_MAX_ATTACHMENTS = 2
        photos = [(f"foto{n}.jpg", jpeg(size=(30 + n, 20)).read(), "image/jpeg") for n in range(3)]
        post_mail(client, citizen_mail(attachments=photos))
        complaint = Complaint.objects.get()
        assert complaint.attachments.count() == 2
        assert InboundFile.objects.get().original_name == "foto2.jpg"
        assert "melebihi batas jumlah lampiran" in intake_replies()[0].body

    def test_what_the_service_refuses_is_answered_to_the_sender(self, client, pekalongan):
        response = post_mail(client, citizen_mail(subject="Tolong", text="Jalan rusak"))
        assert response.json()["outcome"] == "rejected"
        assert not Complaint.objects.exists()
        [reply] = intake_replies()
        assert "minimal 15 huruf" in reply.body and "kirim ulang" in reply.body

    def test_automatic_mail_is_recorded_and_ignored(self, client, pekalongan):
        message = citizen_mail(headers={"Auto-Submitted": "auto-replied"}, subject="Out of office")
        assert post_mail(client, message).json()["outcome"] == "ignored"
        assert not Complaint.objects.exists() and not OutboxMessage.objects.exists()
        assert "Auto-Submitted" in InboundMessage.objects.get().detail

    def test_an_undeclared_auto_responder_cannot_keep_a_loop_going(self, client, pekalongan):
        for n in range(8):
            robot = citizen_mail(subject=f"Saya sedang cuti ({n})", text="Cuti.")
            assert post_mail(client, robot).json()["outcome"] == "rejected"
        assert len(intake_replies()) == 5

    def test_a_large_mail_is_refused(self, client, pekalongan, settings):
        settings.ADUAN_INBOUND_EMAIL_MAX_BYTES = 1000
        big = citizen_mail(attachments=[("foto.jpg", b"\xff" * 2000, "image/jpeg")])
        assert post_mail(client, big).status_code == 413

    def test_an_unknown_jurisdiction_is_not_found(self, client, pekalongan):
        assert post_mail(client, citizen_mail(), jurisdiction="tidak-ada").status_code == 404

    # ------------------------------------------------------------------ replies

    @pytest.fixture
    def complaint(self, client, pekalongan):
        post_mail(client, citizen_mail())
        complaint = Complaint.objects.get()
        OutboxMessage.objects.all().delete()
        return complaint

    def test_a_reply_with_the_tracking_code_answers_a_request_for_information(
        self, client, complaint, people
    ):
        complaint_services.complaint_request_info(
            complaint=complaint, actor=people.verifier, question="Tiang nomor berapa?"
        )
        reply = citizen_mail(
            subject=f"Re: Mohon informasi tambahan untuk laporan {complaint.tracking_code}",
            text="Tiang nomor 42.\n\nPada Sel, 17 Mar 2026, Lapor Ajib menulis:\n> Tiang nomor?",
            attachments=[("tiang.jpg", jpeg().read(), "image/jpeg")],
        )
        assert post_mail(client, reply).json()["outcome"] == "info_added"
        complaint.refresh_from_db()
        assert complaint.status == "baru"
        event = complaint.events.get(kind="info_provided")
        assert event.message == "Tiang nomor 42." and event.attachments.count() == 1
        [ack] = intake_replies()
        assert f"Informasi tambahan untuk laporan {complaint.tracking_code}" in ack.body

    def test_a_code_from_another_address_makes_a_new_complaint(self, client, complaint):
        other = citizen_mail(
            sender="Orang Lain <lain@example.org>",
            subject=f"Sama seperti {complaint.tracking_code}",
            text="Lampu jalan di gang sebelah juga mati sejak seminggu yang lalu.",
        )
        assert post_mail(client, other).json()["outcome"] == "submitted"
        assert Complaint.objects.count() == 2

    def test_a_reply_while_the_complaint_is_handled_is_kept(self, client, complaint):
        reply = citizen_mail(
            subject=f"Re: Laporan Anda kami terima: {complaint.tracking_code}",
            text="Tambahan: lampu di tiang sebelahnya juga mati.",
            attachments=[("tiang.jpg", jpeg().read(), "image/jpeg")],
        )
        assert post_mail(client, reply).json() == {
            "outcome": "kept",
            "tracking_code": complaint.tracking_code,
        }
        kept = InboundMessage.objects.get(outcome="kept")
        assert kept.complaint == complaint and kept.files.count() == 0
        assert kept.text == "Tambahan: lampu di tiang sebelahnya juga mati."
        # on the timeline for the unit, with the photo
        event = complaint.events.get(kind="citizen_message")
        assert event.message == "Tambahan: lampu di tiang sebelahnya juga mati."
        assert event.attachments.count() == 1
        assert complaint.tracking_code in intake_replies()[0].body
        assert Complaint.objects.count() == 1

    def test_a_reply_to_a_closed_complaint_is_answered_not_added(self, client, complaint, people):
        complaint_services.complaint_archive(
            complaint=complaint, actor=people.verifier, reason="duplikat"
        )
        reply = citizen_mail(subject=f"Re: Laporan {complaint.tracking_code} diarsipkan")
        assert post_mail(client, reply).json()["outcome"] == "ignored"
        assert Complaint.objects.count() == 1
        assert "sudah ditutup" in intake_replies()[0].body


@pytest.mark.django_db
class TestFetchMail:
    def run(self) -> str:
        out = io.StringIO()
        call_command("fetch-mail", stdout=out)
        return out.getvalue()

    def test_unread_mail_becomes_complaints_and_is_marked_read(self, imap, pekalongan):
        imap.deliver(citizen_mail().as_bytes())
        imap.deliver(
            citizen_mail(
                sender="Ani <ani@example.org>",
                subject="Sampah di TPS Kauman",
                text="Sampah di TPS Kauman tidak diangkut sejak tiga hari.",
            ).as_bytes()
        )
        assert self.run() == "fetch-mail: 2 e-mail diproses (submitted=2), 0 gagal\n"
        assert Complaint.objects.count() == 2 and imap.unseen() == []
        assert "UID SEARCH" in imap.commands and "UID STORE" in imap.commands
        assert self.run() == "fetch-mail: 0 e-mail diproses, 0 gagal\n"
        # Marked unread again (a crash before STORE): recognised by Message-ID.
        imap.mark_unseen()
        assert self.run() == "fetch-mail: 2 e-mail diproses (duplicate=2), 0 gagal\n"
        assert Complaint.objects.count() == 2

    def test_a_failing_message_stays_unread(self, imap, pekalongan, monkeypatch):
        from aduan.intake import services

        imap.deliver(citizen_mail().as_bytes())
        calls = []

        def broken(**kwargs):
            calls.append(kwargs)
            raise RuntimeError("database down")

        monkeypatch.setattr(services, "email_receive", broken)
        assert self.run() == "fetch-mail: 0 e-mail diproses, 1 gagal\n"
        assert len(calls) == 1 and len(imap.unseen()) == 1

    def test_wrong_credentials_are_a_command_error(self, imap, pekalongan, settings):
        settings.ADUAN_IMAP_PASSWORD = "salah"
        with pytest.raises(CommandError, match="IMAP 127.0.0.1"):
            self.run()

    def test_without_a_host_it_says_so(self, pekalongan, settings):
        settings.ADUAN_IMAP_HOST = ""
        with pytest.raises(CommandError, match="ADUAN_IMAP_HOST"):
            self.run()

    def test_the_whole_exchange_by_mail(self, mx, imap, smtp, pekalongan, people, settings):
        """Citizen → SMTP → mailbox → fetch-mail → complaint → receipt by SMTP; officer asks;
        the citizen replies to that e-mail → fetch-mail → information on the complaint."""
        settings.ADUAN_WHATSAPP_API_URL = ""
        mx.send(citizen_mail(attachments=[("lampu.jpg", jpeg().read(), "image/jpeg")]))
        self.run()
        complaint = Complaint.objects.get()
        assert complaint.attachments.count() == 1
        deliver_batch(worker_id="uji")
        [receipt] = smtp.recorder.messages
        assert receipt["To"] == "budi@example.org"
        assert complaint.tracking_code in receipt["Subject"]

        complaint_services.complaint_request_info(
            complaint=complaint, actor=people.verifier, question="Di depan masjid mana?"
        )
        deliver_batch(worker_id="uji")
        question = smtp.recorder.messages[-1]
        assert "Di depan masjid mana?" in question.get_content()

        answer = citizen_mail(
            subject=f"Re: {question['Subject']}",
            text="Masjid Al-Huda.\n\nOn Tue, Lapor Ajib wrote:\n> Di depan masjid mana?",
            headers={"In-Reply-To": question["Message-ID"], "References": question["Message-ID"]},
        )
        mx.send(answer)
        assert "info_added=1" in self.run()
        complaint.refresh_from_db()
        assert complaint.status == "baru"
        assert complaint.events.get(kind="info_provided").message == "Masjid Al-Huda."
        deliver_batch(worker_id="uji")
        ack = smtp.recorder.messages[-1]
        assert ack["Subject"] == f"Re: {question['Subject']}"
        assert f"Informasi tambahan untuk laporan {complaint.tracking_code}" in ack.get_content()

    def test_a_reply_by_message_id_alone_finds_its_complaint(
        self, mx, imap, smtp, pekalongan, people, settings
    ):
        settings.ADUAN_WHATSAPP_API_URL = ""
        mx.send(citizen_mail())
        self.run()
        complaint = Complaint.objects.get()
        complaint_services.complaint_request_info(
            complaint=complaint, actor=people.verifier, question="Sejak kapan tepatnya?"
        )
        deliver_batch(worker_id="uji")
        question = smtp.recorder.messages[-1]
        mx.send(
            citizen_mail(
                subject="jawaban saya",
                text="Sejak tanggal 3.",
                headers={"In-Reply-To": question["Message-ID"]},
            )
        )
        assert "info_added=1" in self.run()


@pytest.mark.django_db
class TestFetchMailFromDovecot:
    """The same command against a real IMAP server (skipped when Dovecot is not installed)."""

    def test_unread_mail_becomes_a_complaint_and_is_marked_read(self, dovecot, pekalongan):
        photo = jpeg().read()
        imap_append(citizen_mail(attachments=[("lampu.jpg", photo, "image/jpeg")]).as_bytes())
        imap_append(citizen_mail(subject="Tanpa isi", text="ok").as_bytes())
        assert len(imap_unseen()) == 2
        out = io.StringIO()
        call_command("fetch-mail", stdout=out)
        assert out.getvalue() == "fetch-mail: 2 e-mail diproses (rejected=1 submitted=1), 0 gagal\n"
        complaint = Complaint.objects.get()
        assert complaint.channel == "email" and complaint.attachments.count() == 1
        assert imap_unseen() == []
        call_command("fetch-mail", stdout=out)
        assert Complaint.objects.count() == 1
