"""Practice pages: feedback, htmx partial, recording attempts, permissions and isolation, and
that practice never touches real complaints, their timeline or the outbox."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from aduan.practice.models import Assignment, Attempt, Scenario, ScenarioSet
from aduan.practice.services import assignment_create, attempt_record
from aduan.practice.tests.conftest import login
from aduan.replies.checker import check

pytestmark = pytest.mark.django_db

BAD = "Bukan wewenang kami."
GOOD_KTP = (
    "Yth. Bapak, terima kasih atas laporannya dan kami mohon maaf KTP-el Bapak belum jadi. "
    "KTP-el Bapak akan dicetak Kamis ini dan dapat diambil di kantor kecamatan mulai pukul "
    "10.00 dengan membawa resi perekaman."
)


def scenario_url(code: str = "ktp-belum-jadi") -> str:
    return reverse("practice:scenario", args=[code])


class LoadTests:
    def test_the_shipped_set_is_large_varied_and_idempotent(self, scenarios):
        assert scenarios.count() >= 24
        moods = set(scenarios.values_list("mood", flat=True))
        assert {"marah", "bingung", "lansia", "whatsapp"} <= moods
        assert len(set(scenarios.values_list("category", flat=True))) >= 8
        call_command("load-practice", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert Scenario.objects.count() == scenarios.count()
        assert ScenarioSet.objects.filter(code="warga-marah").get().scenarios.count() >= 6

    def test_a_broken_file_gets_a_clear_error_and_changes_nothing(self, scenarios, tmp_path):
        from aduan.practice.services import PracticeDataError, scenarios_load

        bad = tmp_path / "bad.json"
        bad.write_text('{"scenarios": [{"code": "x", "title": "X", "mood": "riang"}]}')
        with pytest.raises(PracticeDataError, match="tidak lengkap"):
            scenarios_load(path=bad)
        bad.write_text("{not json")
        with pytest.raises(PracticeDataError, match="tidak dapat dibaca"):
            scenarios_load(path=bad)
        assert Scenario.objects.filter(is_active=True).count() == scenarios.count()

    def test_every_model_answer_passes_the_checker(self, scenarios):
        for item in scenarios:
            verdict = check(item.model_answer, item.complaint)
            assert verdict.acceptable, (item.code, verdict.codes)
            assert verdict.score >= 85, (item.code, verdict.codes)


class ScenarioPageTests:
    def test_a_plain_post_records_the_attempt_and_shows_flaws_and_the_model_answer(
        self, client, people, scenarios
    ):
        login(client, people.officer_a)
        page = client.get(scenario_url()).content.decode()
        assert "Sudah DUA BULAN KTP-el saya belum jadi" in page
        assert 'id="model-answer"' not in page  # only after trying
        response = client.post(scenario_url(), {"reply": BAD})
        body = response.content.decode()
        assert response.status_code == 200
        assert 'data-flaw="wrong_unit_deflection"' in body
        assert "<mark>Bukan wewenang</mark>" in body
        assert 'data-acceptable="no"' in body
        assert 'id="model-answer"' in body and "surat keterangan pengganti" in body
        attempt = Attempt.objects.get()
        assert attempt.user == people.officer_a and not attempt.acceptable
        assert "wrong_unit_deflection" in attempt.flaws
        assert attempt.score == check(BAD, attempt.scenario.complaint).score

    def test_a_good_reply_is_acceptable(self, client, people, scenarios):
        login(client, people.officer_a)
        body = client.post(scenario_url(), {"reply": GOOD_KTP}).content.decode()
        assert 'data-acceptable="yes"' in body
        assert Attempt.objects.get().acceptable

    def test_an_empty_reply_is_refused_with_a_message(self, client, people, scenarios):
        login(client, people.officer_a)
        body = client.post(scenario_url(), {"reply": "  "}).content.decode()
        assert "Tulis jawaban Anda terlebih dahulu." in body
        assert not Attempt.objects.exists()

    def test_the_htmx_partial_gives_live_feedback_without_recording(
        self, client, people, scenarios
    ):
        login(client, people.officer_a)
        response = client.post(
            reverse("practice:feedback", args=["ktp-belum-jadi"]),
            {"reply": "TUNGGU SAJA, BLANKO HABIS. BUKAN SALAH KAMI."},
            HTTP_HX_REQUEST="true",
        )
        body = response.content.decode()
        assert body.startswith('<div id="feedback"') and "<html" not in body
        assert 'data-flaw="all_caps"' in body and 'data-flaw="dismissive"' in body
        assert not Attempt.objects.exists()
        page = client.get(scenario_url()).content.decode()
        assert 'hx-post="/kerja/latihan/skenario/ktp-belum-jadi/periksa/"' in page

    def test_feedback_is_translated_for_english_readers(self, client, people, scenarios):
        login(client, people.officer_a)
        client.cookies["django_language"] = "en"
        body = client.post(
            reverse("practice:feedback", args=["ktp-belum-jadi"]), {"reply": BAD}
        ).content.decode()
        assert "Passes the buck without a referral" in body
        assert "without saying where the report was referred" in body
        assert "Suggestion" in body and "Saran" not in body

    def test_practice_never_creates_complaint_events_or_outbox_messages(
        self, client, people, scenarios, submit
    ):
        from aduan.complaints.models import Complaint, ComplaintEvent
        from aduan.notifications.models import OutboxMessage

        submit()
        before = (
            Complaint.objects.count(),
            ComplaintEvent.objects.count(),
            OutboxMessage.objects.count(),
        )
        login(client, people.officer_a)
        for code in ("ktp-belum-jadi", "jalan-berlubang", "air-mati"):
            client.post(scenario_url(code), {"reply": GOOD_KTP})
            client.post(reverse("practice:feedback", args=[code]), {"reply": BAD})
        assert Attempt.objects.count() == 3
        after = (
            Complaint.objects.count(),
            ComplaintEvent.objects.count(),
            OutboxMessage.objects.count(),
        )
        assert after == before

    def test_anonymous_visitors_are_sent_to_the_login(self, client, scenarios):
        response = client.get(reverse("practice:index"))
        assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


class IndexTests:
    def test_it_lists_my_assignments_and_free_practice(self, client, people, head_a, scenarios):
        angry = ScenarioSet.objects.get(code="warga-marah")
        assignment_create(trainer=head_a, officer=people.officer_a, scenario_set=angry)
        attempt_record(
            user=people.officer_a,
            scenario=Scenario.objects.get(code="ktp-belum-jadi"),
            reply=GOOD_KTP,
        )
        login(client, people.officer_a)
        body = client.get(reverse("practice:index")).content.decode()
        assert "Warga yang marah" in body
        assert f"1 dari {angry.scenarios.count()} layak" in body
        assert "Pesan WhatsApp singkat" not in body  # not assigned
        assert "Lansia lumpuh perlu rekam KTP" in body  # free practice lists everything
        assert f'href="{reverse("practice:team")}"' not in body  # an officer is no trainer

    def test_the_nav_links_to_practice(self, client, people, scenarios):
        login(client, people.officer_a)
        body = client.get(reverse("practice:index")).content.decode()
        assert f'href="{reverse("practice:index")}"' in body


class ProgressPermissionTests:
    def practise(self, user, code="ktp-belum-jadi", reply=BAD):
        return attempt_record(user=user, scenario=Scenario.objects.get(code=code), reply=reply)

    def test_an_officer_sees_their_own_progress_only(self, client, people, scenarios):
        self.practise(people.officer_a)
        self.practise(people.officer_a, "air-mati")
        login(client, people.officer_a)
        own = client.get(reverse("practice:officer", args=[people.officer_a.pk]))
        assert own.status_code == 200
        body = own.content.decode()
        assert "Melempar tanpa rujukan ×2" in body
        other = client.get(reverse("practice:officer", args=[people.officer_b.pk]))
        assert other.status_code == 404
        assert client.get(reverse("practice:team")).status_code == 403

    def test_a_unit_head_sees_and_assigns_their_units_officers_only(
        self, client, people, head_a, scenarios
    ):
        self.practise(people.officer_a)
        self.practise(people.officer_b)
        login(client, head_a)
        body = client.get(reverse("practice:team")).content.decode()
        assert 'data-user="budi"' in body and 'data-user="citra"' not in body
        assert (
            client.get(reverse("practice:officer", args=[people.officer_a.pk])).status_code == 200
        )
        assert (
            client.get(reverse("practice:officer", args=[people.officer_b.pk])).status_code == 404
        )
        lansia = ScenarioSet.objects.get(code="lansia")
        response = client.post(
            reverse("practice:team"),
            {"officer": people.officer_a.pk, "scenario_set": lansia.pk, "due_date": "2026-07-01"},
        )
        assert response.status_code == 302
        assignment = Assignment.objects.get()
        assert (assignment.officer, assignment.assigned_by) == (people.officer_a, head_a)
        # Citra (another unit) cannot be chosen
        refused = client.post(
            reverse("practice:team"), {"officer": people.officer_b.pk, "scenario_set": lansia.pk}
        )
        assert refused.status_code == 200 and Assignment.objects.count() == 1

    def test_supervisors_and_admins_follow_everyone_of_their_jurisdiction(
        self, client, people, scenarios
    ):
        self.practise(people.officer_b)
        for trainer in (people.supervisor, people.admin):
            login(client, trainer)
            body = client.get(reverse("practice:team")).content.decode()
            assert 'data-user="budi"' in body and 'data-user="citra"' in body
            page = client.get(reverse("practice:officer", args=[people.officer_b.pk]))
            assert page.status_code == 200

    def test_other_jurisdictions_are_invisible(self, client, people, outsider, scenarios):
        self.practise(people.officer_a)
        login(client, outsider)
        body = client.get(reverse("practice:team")).content.decode()
        assert 'data-user="budi"' not in body
        assert (
            client.get(reverse("practice:officer", args=[people.officer_a.pk])).status_code == 404
        )
        lansia = ScenarioSet.objects.get(code="lansia")
        client.post(
            reverse("practice:team"), {"officer": people.officer_a.pk, "scenario_set": lansia.pk}
        )
        assert not Assignment.objects.exists()
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            assignment_create(trainer=outsider, officer=people.officer_a, scenario_set=lansia)

    def test_my_pages_query_counts_do_not_grow_with_attempts(
        self, client, people, head_a, scenarios, django_assert_max_num_queries
    ):
        for code in ("ktp-belum-jadi", "air-mati", "jalan-berlubang", "sampah-tps", "pbb-naik"):
            self.practise(people.officer_a, code)
        for scenario_set in ScenarioSet.objects.all():
            assignment_create(trainer=head_a, officer=people.officer_a, scenario_set=scenario_set)
        login(client, people.officer_a)
        client.get(reverse("practice:index"))  # per-process caches (navigation links) warm
        with django_assert_max_num_queries(10):
            assert client.get(reverse("practice:index")).status_code == 200
        with django_assert_max_num_queries(12):
            page = client.get(reverse("practice:officer", args=[people.officer_a.pk]))
            assert page.status_code == 200

    def test_the_team_page_query_count_does_not_grow_with_attempts(
        self, client, people, scenarios, django_assert_max_num_queries
    ):
        for code in ("ktp-belum-jadi", "air-mati", "jalan-berlubang", "sampah-tps"):
            self.practise(people.officer_a, code)
            self.practise(people.officer_b, code)
        login(client, people.admin)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("practice:team")).status_code == 200


class CatalogueTests:
    def test_every_checker_message_and_suggestion_has_an_english_translation(self):
        from django.utils import translation

        from aduan.practice.flaws import CHECKER_TEXTS, FLAW_LABELS, MESSAGE_IDS
        from aduan.replies.checker import FLAWS

        assert list(MESSAGE_IDS) == CHECKER_TEXTS  # the extraction list follows the checker
        assert set(FLAW_LABELS) == set(FLAWS)
        with translation.override("en"):
            for text in CHECKER_TEXTS:
                assert translation.gettext(text) != text, text
            english = [str(label) for label in FLAW_LABELS.values()]
        with translation.override("id"):
            indonesian = [str(label) for label in FLAW_LABELS.values()]
        assert all(e != i for e, i in zip(english, indonesian, strict=True))
