"""The verdict of every reply sent to a citizen, recorded with its event; the shipped
template library."""

from __future__ import annotations

import pytest

from aduan.complaints import services
from aduan.complaints.choices import ComplaintStatus, EventKind
from aduan.complaints.models import ComplaintEvent
from aduan.replies import checker
from aduan.replies.models import ReplyReview, ResponseTemplate
from aduan.replies.services import TemplateError, templates_load

pytestmark = pytest.mark.django_db

REPLY = "Yth. Bapak/Ibu, terima kasih. KTP-el Anda sudah dicetak dan dapat diambil besok."


def assert_recorded(event: ComplaintEvent, officer, unit) -> ReplyReview:
    review = ReplyReview.objects.get(event=event)
    verdict = checker.check(event.message, event.complaint.description)
    assert review.score == verdict.score
    assert review.acceptable == verdict.acceptable
    assert review.flaws == verdict.as_dict()["flaws"]
    assert review.complaint_id == event.complaint_id
    assert review.officer == officer
    assert review.unit == unit
    assert review.created_at == event.created_at
    assert review.kind == event.kind
    return review


class ReplyReviewTests:
    def test_a_follow_up_is_recorded_with_its_verdict(self, people, cases):
        services.complaint_start(complaint=cases.biasa, actor=people.officer_a)
        services.complaint_follow_up(complaint=cases.biasa, actor=people.officer_a, text=REPLY)
        event = ComplaintEvent.objects.get(complaint=cases.biasa, kind=EventKind.FOLLOW_UP)
        assert_recorded(event, people.officer_a, people.unit_a)

    def test_a_curt_reply_is_recorded_too(self, people, cases):
        services.complaint_follow_up(complaint=cases.biasa, actor=people.officer_a, text="ok")
        event = ComplaintEvent.objects.get(complaint=cases.biasa, kind=EventKind.FOLLOW_UP)
        review = assert_recorded(event, people.officer_a, people.unit_a)
        for code in checker.check("ok").codes:
            assert f" {code} " in review.flaw_codes

    def test_requests_for_information_referrals_and_closing_notes_are_recorded(
        self, people, cases, submit
    ):
        services.complaint_request_info(
            complaint=cases.biasa, actor=people.officer_a, question="Mohon nomor registrasi."
        )
        new = submit().complaint
        services.complaint_refer(
            complaint=new, actor=people.verifier, note_to_citizen="Silakan ke BPJS Kesehatan."
        )
        services.complaint_follow_up(complaint=cases.anonim, actor=people.officer_a, text=REPLY)
        services.complaint_resolve(
            complaint=cases.anonim, actor=people.officer_a, note="Terima kasih, selesai."
        )
        kinds = set(ReplyReview.objects.values_list("kind", flat=True))
        assert kinds == {"info_requested", "referred", "follow_up", "resolved"}
        referral = ComplaintEvent.objects.get(complaint=new, kind=EventKind.REFERRED)
        # a referral before disposition counts for the operator unit (Dinkominfo)
        assert_recorded(referral, people.verifier, new.jurisdiction.operator_unit)

    def test_notes_system_events_and_citizen_messages_are_not_replies(self, people, cases):
        services.complaint_add_note(complaint=cases.biasa, actor=people.officer_a, text="cek")
        services.complaint_start(complaint=cases.biasa, actor=people.officer_a)
        services.complaint_citizen_message(complaint=cases.biasa, message="Ada kabar, Pak?")
        services.complaint_follow_up(complaint=cases.biasa, actor=people.officer_a, text=REPLY)
        services.complaint_resolve(complaint=cases.biasa, actor=None)  # the system, no note
        assert list(ReplyReview.objects.values_list("kind", flat=True)) == ["follow_up"]

    def test_no_verdict_means_no_event(self, people, cases, monkeypatch):
        def broken(reply, complaint="", units=()):
            raise RuntimeError("checker down")

        monkeypatch.setattr(checker, "check", broken)
        with pytest.raises(RuntimeError):
            services.complaint_follow_up(complaint=cases.biasa, actor=people.officer_a, text=REPLY)
        cases.biasa.refresh_from_db()
        assert cases.biasa.status == ComplaintStatus.DIDISPOSISIKAN
        assert not ComplaintEvent.objects.filter(kind=EventKind.FOLLOW_UP).exists()
        assert not ReplyReview.objects.exists()

    def test_no_event_means_no_verdict(self, people, cases, monkeypatch):
        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr(services, "_store_files", broken)
        with pytest.raises(OSError):
            services.complaint_follow_up(complaint=cases.biasa, actor=people.officer_a, text=REPLY)
        assert not ComplaintEvent.objects.filter(kind=EventKind.FOLLOW_UP).exists()
        assert not ReplyReview.objects.exists()


class TemplatesLoadTests:
    def test_it_ships_a_pekalongan_library_and_loads_it_once(self, pekalongan):
        counts = templates_load("pekalongan")
        assert counts["templates"] >= 20 and counts["created"] == counts["templates"]
        situations = set(ResponseTemplate.objects.values_list("situation", flat=True))
        assert situations == {
            "receipt",
            "info_request",
            "follow_up",
            "referral",
            "tapd",
            "closing",
        }
        assert ResponseTemplate.objects.filter(unit__isnull=False).exists()
        assert ResponseTemplate.objects.filter(category__isnull=False).exists()
        again = templates_load("pekalongan")
        assert (again["created"], again["updated"]) == (0, 0)

    def test_it_never_overwrites_an_edited_template(self, pekalongan, people):
        from aduan.replies.services import template_mark_edited

        templates_load("pekalongan")
        template = ResponseTemplate.objects.get(code="terima-umum")
        template.body = "Yth. {nama}, versi kami sendiri. Terima kasih."
        template_mark_edited(template=template, user=people.admin)
        counts = templates_load("pekalongan")
        assert counts["kept"] == 1
        template.refresh_from_db()
        assert template.body.startswith("Yth. {nama}, versi kami sendiri")

    def test_it_refreshes_a_shipped_template_nobody_edited(self, pekalongan):
        templates_load("pekalongan")
        ResponseTemplate.objects.filter(code="tutup-selesai").update(title="lama")
        assert templates_load("pekalongan")["updated"] == 1
        assert ResponseTemplate.objects.get(code="tutup-selesai").title != "lama"

    def test_a_bad_file_writes_nothing(self, pekalongan, tmp_path):
        folder = tmp_path / "pekalongan"
        folder.mkdir()
        (folder / "templates.toml").write_text(
            '[[template]]\ncode="a"\ntitle="A"\nsituation="receipt"\nbody="Yth. {nama}"\n'
            '[[template]]\ncode="b"\ntitle="B"\nsituation="receipt"\nbody="Halo {nik}"\n'
        )
        with pytest.raises(TemplateError, match="nik"):
            templates_load("pekalongan", base_dir=tmp_path)
        assert not ResponseTemplate.objects.exists()

    def test_the_command_loads_them(self, pekalongan):
        from io import StringIO

        from django.core.management import call_command

        out = StringIO()
        call_command("load-templates", stdout=out)
        assert "Templat balasan" in out.getvalue()
        assert ResponseTemplate.objects.count() >= 20
