"""The status machine and every workflow service, on the real database engine."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied

from aduan.complaints import services
from aduan.complaints.choices import (
    TRANSITIONS,
    ComplaintStatus,
    EventKind,
    IllegalTransition,
    WorkflowError,
    check_transition,
)
from aduan.complaints.models import Complaint, ComplaintEvent, Supporter
from aduan.complaints.tests.helpers import big_jpeg, jpeg, pdf, renamed_exe

S = ComplaintStatus
pytestmark = pytest.mark.django_db


def dispose(c, people, unit=None):
    return services.complaint_dispose(
        complaint=c, actor=people.verifier, unit=unit or people.unit_a
    )


class TestStatusMachine:
    def test_every_status_has_an_entry(self):
        assert set(TRANSITIONS) == set(S.values)

    @pytest.mark.parametrize("closed", [S.SELESAI, S.DIRUJUK, S.DIARSIPKAN, S.DIGABUNG])
    def test_closed_statuses_go_nowhere(self, closed):
        for target in S.values:
            with pytest.raises(IllegalTransition):
                check_transition(closed, target)

    def test_the_error_names_both_statuses_in_bahasa_indonesia(self):
        with pytest.raises(IllegalTransition, match="Selesai"):
            check_transition(S.SELESAI, S.DIPROSES)


class TestComplaintSubmit:
    def test_it_gives_a_tracking_code_and_a_secret(self, submit):
        result = submit()
        c = result.complaint
        assert result.created
        assert re.fullmatch(r"ADU-20\d\d-\d{6}", c.tracking_code)
        assert len(result.secret) == 16 and c.check_secret(result.secret)
        assert not c.check_secret("AAAAAAAAAAAAAAAA")
        assert c.status == S.BARU
        assert c.due_at is not None and c.due_at > c.submitted_at
        event = c.events.get()
        assert event.kind == EventKind.SUBMITTED and event.is_public

    def test_codes_are_sequential_per_year(self, submit):
        first = submit().complaint.tracking_code
        second = submit().complaint.tracking_code
        assert int(second.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1

    def test_it_suggests_the_unit_from_the_routing_rules(self, submit):
        c = submit(category="jalan").complaint
        assert c.suggested_unit.code == "dpupr"

    def test_a_repeated_submission_key_creates_nothing(self, submit):
        first = submit(submission_key="abc123")
        again = submit(submission_key="abc123")
        assert not again.created
        assert again.complaint.pk == first.complaint.pk
        assert Complaint.objects.count() == 1

    def test_missing_description_is_refused_with_a_message(self, submit):
        with pytest.raises(services.ComplaintInputError) as err:
            submit(description="  ")
        assert "description" in err.value.errors
        assert "minimal 15 huruf" in err.value.errors["description"][0]
        assert Complaint.objects.count() == 0

    def test_a_100_kb_description_is_refused(self, submit):
        with pytest.raises(services.ComplaintInputError) as err:
            submit(description="jalan rusak " * 9000)
        assert "terlalu panjang" in err.value.errors["description"][0]
        assert Complaint.objects.count() == 0

    def test_biasa_needs_a_name_and_a_contact(self, submit):
        with pytest.raises(services.ComplaintInputError) as err:
            submit(reporter_name="", reporter_phone="", reporter_email="")
        assert {"reporter_name", "reporter_phone"} <= set(err.value.errors)

    def test_anonim_needs_no_identity(self, submit):
        c = submit(
            privacy="anonim", reporter_name="", reporter_phone="", reporter_email=""
        ).complaint
        assert c.privacy == "anonim"

    def test_attachments_are_stored_with_their_type(self, submit):
        c = submit(attachments=[jpeg(), pdf()]).complaint
        kinds = sorted(a.content_type for a in c.attachments.all())
        assert kinds == ["application/pdf", "image/jpeg"]
        assert all(a.file.storage.exists(a.file.name) for a in c.attachments.all())

    def test_a_renamed_exe_is_refused_and_nothing_is_kept(self, submit, settings):
        with pytest.raises(services.ComplaintInputError) as err:
            submit(attachments=[jpeg(), renamed_exe()])
        assert "bukan foto" in err.value.errors["attachments"][0]
        assert Complaint.objects.count() == 0
        media = settings.MEDIA_ROOT
        assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))

    def test_a_10_mb_photo_is_refused(self, submit):
        with pytest.raises(services.ComplaintInputError) as err:
            submit(attachments=[big_jpeg(10)])
        assert "terlalu besar" in err.value.errors["attachments"][0]
        assert Complaint.objects.count() == 0

    def test_more_than_five_files_are_refused(self, submit):
        with pytest.raises(services.ComplaintInputError):
            submit(attachments=[jpeg(f"f{i}.jpg") for i in range(6)])

    def test_a_failure_after_files_were_written_removes_them(self, submit, settings, monkeypatch):
        def boom(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(services, "_event", boom)
        with pytest.raises(RuntimeError):
            submit(attachments=[jpeg()])
        assert Complaint.objects.count() == 0

    def test_a_category_of_another_jurisdiction_is_refused(self, submit, pekalongan):
        from aduan.organisation.models import Category, Jurisdiction

        other = Jurisdiction.objects.create(slug="batang", name="Kab. Batang", kind="kabupaten")
        foreign = Category.objects.create(jurisdiction=other, code="jalan", name="Jalan")
        with pytest.raises(services.ComplaintInputError):
            submit(category=foreign)


class TestVerification:
    def test_dispose_sends_it_to_the_unit(self, submit, people):
        c = dispose(submit().complaint, people)
        assert c.status == S.DIDISPOSISIKAN and c.unit == people.unit_a
        assert c.verified_at is not None
        event = c.events.last()
        assert event.kind == EventKind.VERIFIED and event.to_unit == people.unit_a
        assert event.actor == people.verifier

    def test_an_officer_cannot_dispose(self, submit, people):
        with pytest.raises(PermissionDenied):
            services.complaint_dispose(
                complaint=submit().complaint, actor=people.officer_a, unit=people.unit_a
            )

    def test_dispose_needs_a_category(self, submit, people):
        c = submit(category=None).complaint
        with pytest.raises(services.ComplaintInputError):
            dispose(c, people)

    def test_hold_then_dispose(self, submit, people):
        c = services.complaint_hold(
            complaint=submit().complaint,
            actor=people.verifier,
            reason="Menunggu konfirmasi data dari Disdukcapil.",
        )
        assert c.status == S.DITUNDA
        assert dispose(c, people).status == S.DIDISPOSISIKAN

    def test_hold_needs_a_reason(self, submit, people):
        with pytest.raises(services.ComplaintInputError):
            services.complaint_hold(complaint=submit().complaint, actor=people.verifier, reason="")

    def test_refer_closes_with_a_note_for_the_citizen(self, submit, people, pekalongan):
        from aduan.organisation.models import Unit

        body = Unit.objects.filter(jurisdiction=pekalongan, kind="external").first()
        c = services.complaint_refer(
            complaint=submit().complaint,
            actor=people.verifier,
            body=body,
            note_to_citizen="Silakan menghubungi kantor BPJS Kesehatan Cabang Pekalongan.",
        )
        assert c.status == S.DIRUJUK and c.referred_to == body and c.closed_at
        assert c.events.last().is_public

    def test_archive_as_spam(self, submit, people):
        c = services.complaint_archive(
            complaint=submit().complaint, actor=people.verifier, reason="spam"
        )
        assert c.status == S.DIARSIPKAN and c.archive_reason == "spam"
        with pytest.raises(WorkflowError):
            dispose(c, people)

    def test_merge_keeps_supporters(self, submit, people):
        target = submit().complaint
        dup1 = submit().complaint
        dup2 = submit().complaint
        services.complaint_merge(complaint=dup2, actor=people.verifier, into=dup1)
        services.complaint_merge(complaint=dup1, actor=people.verifier, into=target)
        target.refresh_from_db()
        dup1.refresh_from_db()
        assert dup1.status == S.DIGABUNG and dup1.merged_into == target
        assert target.support_count == 2
        assert set(
            Supporter.objects.filter(complaint=target).values_list(
                "source__tracking_code", flat=True
            )
        ) == {dup1.tracking_code, dup2.tracking_code}
        assert target.events.filter(kind=EventKind.MERGE_RECEIVED).exists()

    def test_merge_into_itself_is_refused(self, submit, people):
        c = submit().complaint
        with pytest.raises(services.ComplaintInputError):
            services.complaint_merge(complaint=c, actor=people.verifier, into=c)


class TestUnitWork:
    def test_the_whole_road_to_selesai(self, submit, people):
        result = submit()
        c = dispose(result.complaint, people)
        c = services.complaint_start(complaint=c, actor=people.officer_a)
        assert c.status == S.DIPROSES
        c = services.complaint_request_info(
            complaint=c, actor=people.officer_a, question="Mohon kirim foto KK Anda."
        )
        assert c.status == S.MENUNGGU_INFO
        c = services.complaint_add_info(
            complaint=c, message="Berikut foto KK saya.", attachments=[jpeg("kk.jpg")]
        )
        assert c.status == S.DIPROSES
        services.complaint_add_note(
            complaint=c, actor=people.officer_a, text="Data sudah dicek di SIAK."
        )
        c = services.complaint_follow_up(
            complaint=c,
            actor=people.officer_a,
            text="Selamat siang Ibu Siti, terima kasih. KTP-el Ibu sudah dicetak dan dapat "
            "diambil di kantor Disdukcapil mulai Senin.",
        )
        assert c.status == S.DITINDAKLANJUTI and c.first_follow_up_at
        c = services.complaint_citizen_respond(complaint=c, satisfied=True)
        assert c.status == S.SELESAI and c.resolved_at and c.closed_at
        kinds = list(c.events.values_list("kind", flat=True))
        assert kinds == [
            EventKind.SUBMITTED,
            EventKind.VERIFIED,
            EventKind.PROCESSING,
            EventKind.INFO_REQUESTED,
            EventKind.INFO_PROVIDED,
            EventKind.NOTE,
            EventKind.FOLLOW_UP,
            EventKind.CITIZEN_SATISFIED,
        ]
        assert not c.events.get(kind=EventKind.NOTE).is_public

    def test_not_satisfied_reopens_it(self, submit, people):
        c = dispose(submit().complaint, people)
        c = services.complaint_follow_up(
            complaint=c, actor=people.officer_a, text="Sudah kami tindak lanjuti."
        )
        with pytest.raises(services.ComplaintInputError):
            services.complaint_citizen_respond(complaint=c, satisfied=False, reason="")
        c = services.complaint_citizen_respond(
            complaint=c, satisfied=False, reason="KTP belum juga jadi."
        )
        assert c.status == S.DIBUKA_KEMBALI
        c = services.complaint_start(complaint=c, actor=people.officer_a)
        assert c.status == S.DIPROSES

    def test_the_citizen_cannot_respond_before_a_follow_up(self, submit, people):
        c = dispose(submit().complaint, people)
        with pytest.raises(WorkflowError):
            services.complaint_citizen_respond(complaint=c, satisfied=True)

    def test_officer_resolves_after_follow_up(self, submit, people):
        c = dispose(submit().complaint, people)
        c = services.complaint_follow_up(complaint=c, actor=people.officer_a, text="Sudah.")
        c = services.complaint_resolve(complaint=c, actor=people.officer_a)
        assert c.status == S.SELESAI

    def test_resolve_before_follow_up_is_illegal(self, submit, people):
        c = dispose(submit().complaint, people)
        with pytest.raises(WorkflowError):
            services.complaint_resolve(complaint=c, actor=people.officer_a)

    def test_forward_moves_it_to_the_other_unit(self, submit, people):
        c = dispose(submit().complaint, people)
        c = services.complaint_forward(
            complaint=c,
            actor=people.officer_a,
            unit=people.unit_b,
            reason="Soal jalan, bukan adminduk.",
        )
        assert c.unit == people.unit_b and c.status == S.DIDISPOSISIKAN
        event = c.events.last()
        assert event.kind == EventKind.FORWARDED and not event.is_public
        assert event.from_unit == people.unit_a and event.to_unit == people.unit_b
        # unit A's officer no longer works it
        with pytest.raises(PermissionDenied):
            services.complaint_start(complaint=c, actor=people.officer_a)

    def test_an_officer_of_another_unit_cannot_act(self, submit, people):
        c = dispose(submit().complaint, people)
        for call in (
            lambda: services.complaint_start(complaint=c, actor=people.officer_b),
            lambda: services.complaint_follow_up(complaint=c, actor=people.officer_b, text="x"),
            lambda: services.complaint_add_note(complaint=c, actor=people.officer_b, text="x"),
            lambda: services.complaint_forward(
                complaint=c, actor=people.officer_b, unit=people.unit_b, reason="x"
            ),
        ):
            with pytest.raises(PermissionDenied):
                call()

    def test_supervisor_and_tapd_read_but_cannot_act(self, submit, people):
        c = dispose(submit().complaint, people)
        for user in (people.supervisor, people.tapd):
            with pytest.raises(PermissionDenied):
                services.complaint_follow_up(complaint=c, actor=user, text="x")

    def test_flag_tapd_once(self, submit, people):
        c = dispose(submit(category="jalan").complaint, people, unit=people.unit_b)
        c = services.complaint_flag_tapd(
            complaint=c, actor=people.officer_b, reason="Perbaikan 300 m jalan perlu anggaran 2027."
        )
        assert c.needs_tapd and c.tapd_flagged_at
        with pytest.raises(services.ComplaintInputError):
            services.complaint_flag_tapd(complaint=c, actor=people.officer_b, reason="lagi")

    def test_a_new_complaint_cannot_be_flagged(self, submit, people):
        with pytest.raises((PermissionDenied, WorkflowError)):
            services.complaint_flag_tapd(
                complaint=submit().complaint, actor=people.officer_a, reason="x"
            )

    def test_add_info_only_when_asked(self, submit):
        with pytest.raises(WorkflowError):
            services.complaint_add_info(complaint=submit().complaint, message="tambahan")

    def test_verifier_asks_info_and_it_returns_to_the_queue(self, submit, people):
        c = services.complaint_request_info(
            complaint=submit().complaint, actor=people.verifier, question="Alamat lengkap?"
        )
        c = services.complaint_add_info(complaint=c, message="Jl. Hayam Wuruk 12")
        assert c.status == S.BARU


class TestTimelineIsImmutable:
    def test_events_cannot_be_changed_or_deleted(self, submit):
        event = submit().complaint.events.get()
        event.message = "diubah"
        with pytest.raises(RuntimeError):
            event.save()
        with pytest.raises(RuntimeError):
            event.delete()
        assert ComplaintEvent.objects.get(pk=event.pk).message == ""


class TestCitizenMessage:
    def test_a_later_message_goes_on_the_timeline_without_changing_the_status(self, submit, people):
        from aduan.notifications.models import OutboxMessage

        c = dispose(submit().complaint, people)
        c = services.complaint_citizen_message(
            complaint=c, message="Airnya makin tinggi.", attachments=[jpeg()]
        )
        assert c.status == S.DIDISPOSISIKAN
        event = c.events.last()
        assert event.kind == EventKind.CITIZEN_MESSAGE and event.is_public
        assert event.attachments.count() == 1
        assert OutboxMessage.objects.filter(
            recipient_user=people.officer_a, kind="info_provided"
        ).exists()

    def test_it_answers_a_request_for_information(self, submit, people):
        c = dispose(submit().complaint, people)
        c = services.complaint_request_info(complaint=c, actor=people.officer_a, question="?")
        c = services.complaint_citizen_message(complaint=c, message="Ini jawabannya.")
        assert c.status == S.DIDISPOSISIKAN
        assert c.events.last().kind == EventKind.INFO_PROVIDED

    def test_a_closed_complaint_takes_no_more_messages(self, submit, people):
        c = services.complaint_archive(
            complaint=submit().complaint, actor=people.verifier, reason="spam"
        )
        with pytest.raises(WorkflowError):
            services.complaint_citizen_message(complaint=c, message="halo?")


def test_the_intake_e_mail_and_phone_rules_decide_as_django_and_the_character_loop():
    """The intake checks an e-mail address with Django's validator whose patterns are
    compiled once, and a phone number's characters with ``bytes.translate``: the same
    answers as ``validate_email`` and as looking at every character, on addresses and
    numbers made of valid and invalid pieces (beyond ASCII too)."""
    import random

    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from aduan.complaints import services as intake

    def valid(check, value):
        try:
            check(value)
        except ValidationError:
            return False
        return True

    bits = ["warga", "W.", "a+b", "@", "contoh", ".id", ".co.id", "-", "_", " ", "[127.0.0.1]",
            "localhost", "é", "ü", "..", "x" * 70, "\u0663", '"', "!", "%"]  # fmt: skip
    rnd = random.Random(13)
    answers = set()
    for _ in range(4000):
        value = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 7)))
        expected = valid(validate_email, value)
        assert valid(intake._validate_email, value) == expected, value
        answers.add(expected)
    assert answers == {True, False}
    pieces = ["0812", "3456", "+62", "-", "(", ")", ".", " ", "7", "x", "\u0663\u0664", "é", "/"]
    for _ in range(4000):
        phone = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6))).strip()
        if not phone:
            continue
        digits = "".join(ch for ch in phone if ch.isdigit())
        expected = not 8 <= len(digits) <= 15 or any(ch not in "0123456789+-() ." for ch in phone)
        problems, _files = intake._clean_submission(
            jurisdiction=None,  # type: ignore[arg-type]
            report_type="aduan",
            description="Saluran air tersumbat sejak seminggu.",
            category=None,
            area=None,
            channel="web",
            privacy="anonim",
            reporter_name="",
            reporter_phone=phone,
            reporter_email="",
            latitude=None,
            longitude=None,
            attachments=(),
        )
        assert ("reporter_phone" in problems) == expected, phone
