"""Personal data under UU 27/2022: retention (anonymising old reporters), a citizen's data
export (command and verifier page), and logs that never carry personal data."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse

from aduan.complaints import services
from aduan.complaints.choices import EventKind
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.intake.models import Conversation, InboundMessage
from aduan.notifications.models import OutboxMessage
from aduan.privacy.logging import MaskPersonalData
from aduan.privacy.services import personal_data_export, retention_run
from aduan.privacy.tests.test_files import has_gps, jpeg_with_gps
from aduan.surveys.models import Rating
from conftest import PASSWORD, at

pytestmark = pytest.mark.django_db

NIK = "3375012345670001"
DESCRIPTION = (
    f"KTP-el saya (NIK {NIK}) belum jadi. Hubungi saya di 0812-1111-2222 atau "
    "siti@example.org, rumah Siti Aminah di Jl. Progo 7."
)


def close(complaint, people, *, reason: str = "") -> Complaint:
    complaint = services.complaint_dispose(
        complaint=complaint, actor=people.verifier, unit=people.unit_a
    )
    complaint = services.complaint_start(complaint=complaint, actor=people.officer_a)
    complaint = services.complaint_follow_up(
        complaint=complaint,
        actor=people.officer_a,
        text="KTP-el Ibu Siti Aminah sudah dicetak, silakan ambil di kecamatan.",
    )
    return services.complaint_citizen_respond(complaint=complaint, satisfied=True)


@pytest.fixture
def old_complaint(people, submit):
    """Closed in March 2019, with an original photo, a WhatsApp message and a rating."""
    with at(2019, 3, 4, 9):
        result = submit(
            description=DESCRIPTION, attachments=[jpeg_with_gps(name="KTP_Siti_Aminah.jpg")]
        )
        complaint = close(result.complaint, people)
        Rating.objects.create(
            complaint=complaint,
            score=4,
            resolved=True,
            comment="Terima kasih, Siti (0812-1111-2222).",
        )
        InboundMessage.objects.create(
            jurisdiction=people.jurisdiction,
            channel="whatsapp",
            external_id="wamid.lama1",
            sender="6281211112222",
            sender_name="Siti Aminah",
            message_type="text",
            text=f"Lapor: {DESCRIPTION}",
            outcome="submitted",
            complaint=complaint,
        )
        Conversation.objects.create(
            jurisdiction=people.jurisdiction, number="6281211112222", complaint=complaint
        )
    return complaint


@pytest.fixture
def recent_complaint(people, submit):
    with at(2025, 6, 2, 9):
        return close(submit(description=DESCRIPTION).complaint, people)


class RetentionTests:
    def test_a_dry_run_counts_and_changes_nothing(self, old_complaint, recent_complaint):
        out = io.StringIO()
        call_command("retention", stdout=out)
        text = out.getvalue()
        assert "dry run" in text and "complaints: 1" in text
        old_complaint.refresh_from_db()
        assert old_complaint.reporter_phone and old_complaint.anonymised_at is None

    def test_apply_anonymises_the_old_reporter_and_keeps_the_statistics(
        self, old_complaint, recent_complaint, django_capture_on_commit_callbacks
    ):
        before = Complaint.objects.get(pk=old_complaint.pk)
        attachment = before.attachments.get()
        original_name = attachment.original.name
        storage = attachment.original.storage
        with django_settings_years(5), django_capture_on_commit_callbacks(execute=True):
            call_command("retention", "--apply", stdout=io.StringIO())
        c = Complaint.objects.get(pk=old_complaint.pk)
        assert (c.reporter_name, c.reporter_phone, c.reporter_email, c.address) == ("", "", "", "")
        for secret in (NIK, "0812-1111-2222", "siti@example.org", "Siti Aminah"):
            assert secret not in c.description
            for event in c.events.all():
                assert secret not in event.message
        # Statistics stay.
        assert (c.category_id, c.unit_id, c.area_id, c.status) == (
            before.category_id,
            before.unit_id,
            before.area_id,
            before.status,
        )
        assert c.submitted_at == before.submitted_at and c.closed_at == before.closed_at
        rating = Rating.objects.get(complaint=c)
        assert rating.score == 4 and "0812" not in rating.comment and "Siti" not in rating.comment
        # The photo: the original (EXIF/GPS) gone, the stripped copy kept.
        attachment.refresh_from_db()
        assert not attachment.original and not storage.exists(original_name)
        assert "Siti" not in attachment.original_name
        with attachment.file.open("rb") as handle:
            assert not has_gps(handle.read())
        inbound = InboundMessage.objects.get(external_id="wamid.lama1")
        assert "6281211112222" not in inbound.sender and NIK not in inbound.text
        assert not Conversation.objects.filter(number="6281211112222").exists()
        for message in OutboxMessage.objects.filter(complaint=c, recipient_user__isnull=True):
            assert "0812" not in message.to_address and "Siti" not in message.body
        event = c.events.get(kind=EventKind.ANONYMISED)
        assert not event.is_public and event.data["years"] == 5
        # The recent one is untouched.
        recent = Complaint.objects.get(pk=recent_complaint.pk)
        assert recent.reporter_phone == "0812-1111-2222" and NIK in recent.description

    def test_it_is_idempotent(self, old_complaint):
        first = retention_run(years=5, apply=True)
        second = retention_run(years=5, apply=True)
        assert first.counts["complaints"] == 1 and second.counts["complaints"] == 0
        assert ComplaintEvent.objects.filter(kind=EventKind.ANONYMISED).count() == 1

    def test_years_from_the_command_line(self, recent_complaint):
        out = io.StringIO()
        call_command("retention", "--years", "1", stdout=out)
        assert "complaints: 1" in out.getvalue()

    def test_open_complaints_are_never_anonymised(self, submit):
        with at(2018, 1, 8, 9):
            submit(description=DESCRIPTION)
        assert retention_run(years=1, apply=True).counts["complaints"] == 0


class django_settings_years:  # noqa: N801 - a tiny context manager
    def __init__(self, years: int) -> None:
        self.years = years

    def __enter__(self):
        self.saved = django_settings.ADUAN_RETENTION_YEARS
        django_settings.ADUAN_RETENTION_YEARS = self.years

    def __exit__(self, *exc):
        django_settings.ADUAN_RETENTION_YEARS = self.saved


class ExportTests:
    def test_the_command_exports_everything_about_one_number(self, people, submit, old_complaint):
        other = submit(reporter_phone="0813-9999-0000", reporter_email="lain@example.org").complaint
        out = io.StringIO()
        call_command("personal-data", "export", "--phone", "+62 812 1111 2222", stdout=out)
        data = json.loads(out.getvalue())
        codes = [c["tracking_code"] for c in data["complaints"]]
        assert codes == [old_complaint.tracking_code]
        assert other.tracking_code not in out.getvalue()
        [complaint] = data["complaints"]
        assert complaint["reporter"]["phone"] == "0812-1111-2222"
        assert complaint["rating"]["score"] == 4
        assert any("sudah dicetak" in e["message"] for e in complaint["timeline"])
        assert data["inbound_messages"][0]["sender"] == "6281211112222"
        assert data["messages_sent"], "the receipt and the follow-up were sent to them"
        assert ComplaintEvent.objects.filter(
            complaint=old_complaint, kind=EventKind.DATA_EXPORTED
        ).exists()

    def test_by_email(self, people, submit):
        mine = submit(reporter_email="Siti@Example.org").complaint
        data = personal_data_export(jurisdiction=people.jurisdiction, email="siti@example.org")
        assert [c["tracking_code"] for c in data["complaints"]] == [mine.tracking_code]

    def test_internal_notes_are_not_exported(self, people, submit):
        complaint = submit().complaint
        services.complaint_add_note(
            complaint=complaint, actor=people.verifier, text="catatan internal rahasia"
        )
        data = personal_data_export(jurisdiction=people.jurisdiction, phone="081211112222")
        assert "catatan internal rahasia" not in json.dumps(data)

    def test_the_verifier_page_downloads_json_and_records_who(self, client, people, submit):
        complaint = submit().complaint
        client.login(username="alice", password=PASSWORD)
        assert client.get(reverse("privacy:export")).status_code == 200
        response = client.post(
            reverse("privacy:export"), {"phone": "0812 1111 2222", "confirmed": "on"}
        )
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        data = json.loads(response.content)
        assert data["complaints"][0]["tracking_code"] == complaint.tracking_code
        event = ComplaintEvent.objects.get(complaint=complaint, kind=EventKind.DATA_EXPORTED)
        assert event.actor == people.verifier

    def test_the_page_needs_a_confirmed_identity_and_a_contact(self, client, people):
        client.login(username="alice", password=PASSWORD)
        assert client.post(reverse("privacy:export"), {"phone": "0812"}).status_code == 400
        assert client.post(reverse("privacy:export"), {"confirmed": "on"}).status_code == 400

    @pytest.mark.parametrize("username", ["budi", "dewi", "eko"])
    def test_other_roles_may_not_export(self, client, people, username):
        client.login(username=username, password=PASSWORD)
        assert client.get(reverse("privacy:export")).status_code == 403

    def test_anonymous_visitors_are_sent_to_log_in(self, client, pekalongan):
        assert client.get(reverse("privacy:export")).status_code == 302


class LogMaskingTests:
    def _handler(self) -> tuple[logging.Handler, io.StringIO]:
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.addFilter(MaskPersonalData())
        return handler, stream

    def test_message_arguments_and_tracebacks_are_masked(self):
        handler, stream = self._handler()
        logger = logging.getLogger("aduan.test.masking")
        logger.addHandler(handler)
        logger.propagate = False
        try:
            logger.warning("pesan dari %s (NIK %s)", "0812-1111-2222", NIK)
            try:
                raise ValueError("alamat siti@example.org tidak valid")
            except ValueError:
                logger.exception("gagal untuk %s", "+62 812 1111 2222")
        finally:
            logger.removeHandler(handler)
        text = stream.getvalue()
        for secret in ("0812-1111-2222", NIK, "siti@example.org", "812 1111 2222"):
            assert secret not in text
        assert "[disamarkan]" in text and "ValueError" in text

    def test_every_configured_handler_masks(self):
        for name, handler in django_settings.LOGGING["handlers"].items():
            assert "mask_pii" in handler.get("filters", []), name
        factory = django_settings.LOGGING["filters"]["mask_pii"]["()"]  # type: ignore[index]
        assert factory == "aduan.privacy.logging.MaskPersonalData"

    def test_the_running_configuration_masks_a_real_record(self, capsys):
        logging.getLogger("aduan.test.live").warning("nomor warga 081211112222")
        assert "081211112222" not in capsys.readouterr().err
