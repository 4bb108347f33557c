"""Citizen portal and staff workspace over HTTP: permissions, privacy, bad input, queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aduan.complaints import services
from aduan.complaints.choices import ComplaintStatus
from aduan.complaints.models import Complaint
from aduan.complaints.tests.helpers import big_jpeg, jpeg, renamed_exe
from conftest import PASSWORD

S = ComplaintStatus
pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def form_data(**overrides):
    data = {
        "report_type": "aduan",
        "description": "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu, gelap sekali.",
        "category": "pju",
        "kelurahan": "Kramatsari",
        "address": "depan masjid",
        "privacy": "biasa",
        "reporter_name": "Rina",
        "reporter_phone": "081234567890",
        "reporter_email": "",
        "submission_key": "k-1",
    }
    data.update(overrides)
    return data


class TestCitizenForm:
    def test_the_form_renders_with_kelurahan_aliases(self, client, pekalongan):
        response = client.get(reverse("complaints:new"))
        assert response.status_code == 200
        body = response.content.decode()
        assert "Kramatsari" in body and "Medono" in body
        assert 'name="submission_key"' in body

    def test_a_good_report_lands_on_the_receipt(self, client, pekalongan):
        response = client.post(reverse("complaints:new"), form_data(attachments=[jpeg()]))
        assert response.status_code == 302
        c = Complaint.objects.get()
        assert (
            c.area.code == "pasirkratonkramat"
            or c.area.aliases.filter(name__iexact="Kramatsari").exists()
        )
        assert c.attachments.count() == 1
        page = client.get(response["Location"])
        assert c.tracking_code in page.content.decode()
        assert c.access_secret in page.content.decode()

    def test_double_submit_creates_one_complaint(self, client, pekalongan):
        first = client.post(reverse("complaints:new"), form_data())
        second = client.post(reverse("complaints:new"), form_data())
        assert first["Location"] == second["Location"]
        assert Complaint.objects.count() == 1

    @pytest.mark.parametrize(
        "overrides, field, words",
        [
            ({"description": ""}, "description", "minimal 15 huruf"),
            ({"description": "x" * 100_001}, "description", ""),
            ({"description": "rusak " * 20_000}, "description", ""),
            ({"kelurahan": "Atlantis"}, "kelurahan", "tidak dikenal"),
            ({"reporter_name": ""}, "reporter_name", "Nama wajib"),
            ({"reporter_phone": "abc"}, "reporter_phone", "tidak valid"),
            ({"reporter_email": "bukan-email"}, "reporter_email", "tidak valid"),
            ({"category": "tidak_ada"}, "category", ""),
        ],
    )
    def test_bad_input_gets_a_message_and_keeps_what_was_typed(
        self, client, pekalongan, overrides, field, words
    ):
        response = client.post(reverse("complaints:new"), form_data(**overrides))
        assert response.status_code == 400
        errors = response.context["form"].errors
        assert field in errors, errors
        assert words in " ".join(errors[field])
        assert "Periksa kembali" in response.content.decode()
        assert response.context["form"]["address"].value() == "depan masjid"
        assert Complaint.objects.count() == 0

    @pytest.mark.parametrize(
        "upload, words",
        [
            (renamed_exe, "bukan foto"),
            (big_jpeg, "terlalu besar"),
        ],
    )
    def test_bad_files_are_refused(self, client, pekalongan, upload, words):
        response = client.post(reverse("complaints:new"), form_data(attachments=[upload()]))
        assert response.status_code == 400
        assert words in " ".join(response.context["form"].errors["attachments"])
        assert Complaint.objects.count() == 0


class TestCitizenStatus:
    def test_the_code_alone_reveals_nothing(self, client, submit):
        c = submit().complaint
        assert client.get(f"/lacak/{c.tracking_code}/WRONGSECRET1234/").status_code == 404
        response = client.get(
            reverse("complaints:track"), {"tracking_code": c.tracking_code, "secret": "nope"}
        )
        assert response.status_code == 400
        assert c.description not in response.content.decode()

    def test_the_track_form_opens_the_status_page(self, client, submit):
        result = submit()
        response = client.get(
            reverse("complaints:track"),
            {"tracking_code": result.complaint.tracking_code.lower(), "secret": result.secret},
        )
        assert response.status_code == 302

    def test_internal_notes_and_staff_names_are_not_shown(self, client, submit, people):
        result = submit()
        c = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        services.complaint_add_note(
            complaint=c, actor=people.officer_a, text="RAHASIA-INTERNAL: cek ulang NIK"
        )
        page = client.get(
            reverse("complaints:citizen_status", args=[c.tracking_code, result.secret])
        ).content.decode()
        assert "RAHASIA-INTERNAL" not in page
        assert people.verifier.display_name not in page
        assert "Terverifikasi" in page

    def test_citizen_adds_info_and_responds(self, client, submit, people):
        result = submit()
        c = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        services.complaint_request_info(
            complaint=c, actor=people.officer_a, question="Mohon nomor registrasi."
        )
        url = reverse("complaints:citizen_status", args=[c.tracking_code, result.secret])
        assert "Petugas meminta informasi" in client.get(url).content.decode()
        response = client.post(url, {"action": "add_info", "message": "", "submission_key": "x"})
        assert response.status_code == 400
        response = client.post(
            url, {"action": "add_info", "message": "No. reg 12345", "attachments": [jpeg()]}
        )
        assert response.status_code == 302
        c.refresh_from_db()
        assert c.status == S.DIDISPOSISIKAN
        services.complaint_follow_up(complaint=c, actor=people.officer_a, text="Sudah jadi.")
        response = client.post(url, {"action": "respond", "satisfied": "0", "reason": ""})
        assert response.status_code == 400
        response = client.post(
            url, {"action": "respond", "satisfied": "0", "reason": "Belum saya terima."}
        )
        assert response.status_code == 302
        c.refresh_from_db()
        assert c.status == S.DIBUKA_KEMBALI

    def test_status_page_queries_stay_few_however_long_the_timeline(self, client, submit, people):
        """The citizen's page reads the complaint once (unit, category, kelurahan and
        jurisdiction from the reference cache), then its planning item, timeline with
        attachments and rating: the same few queries for 3 events as for 13."""
        result = submit()
        c = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        url = reverse("complaints:citizen_status", args=[c.tracking_code, result.secret])
        client.get(url)  # the reference cache, as on any page after the first
        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
        for n in range(5):
            c = services.complaint_request_info(
                complaint=c, actor=people.officer_a, question=f"Pertanyaan {n}?"
            )
            c = services.complaint_add_info(complaint=c, message=f"Jawaban {n}.")
        with CaptureQueriesContext(connection) as many:
            page = client.get(url)
        assert page.status_code == 200
        assert "Jawaban 4." in page.content.decode()
        assert len(few.captured_queries) <= 6
        assert len(many.captured_queries) == len(few.captured_queries)

    def test_a_rahasia_complaint_is_on_no_public_page(self, client, submit):
        result = submit(
            privacy="rahasia", description="Dugaan pungli oleh oknum di kantor XYZ-UNIK-123."
        )
        for url in ("/", reverse("complaints:track"), reverse("complaints:new")):
            assert "XYZ-UNIK-123" not in client.get(url).content.decode()
        assert client.get(f"/lacak/{result.complaint.tracking_code}/x/").status_code == 404


class TestStaffPageReads:
    def test_planning_item_and_supporters_are_read_only_when_there_are_some(
        self, client, submit, people
    ):
        """A complaint never flagged for TAPD has no planning item and one nobody supported
        has no supporters: the verifier's page does not look for them."""
        c = services.complaint_dispose(
            complaint=submit().complaint, actor=people.verifier, unit=people.unit_b
        )
        url = reverse("complaints:detail", args=[c.tracking_code])
        login(client, people.verifier)
        client.get(url)
        with CaptureQueriesContext(connection) as plain:
            assert client.get(url).status_code == 200
        sql = " ".join(q["sql"] for q in plain.captured_queries)
        assert "complaints_planningitem" not in sql and "complaints_supporter" not in sql
        c = services.complaint_start(complaint=c, actor=people.officer_b)
        services.complaint_flag_tapd(
            complaint=c, actor=people.officer_b, reason="Perlu anggaran perbaikan jalan."
        )
        page = client.get(url).content.decode()
        assert 'id="planning"' in page and "Perlu anggaran perbaikan jalan." in page


class TestStaffAccess:
    def test_staff_pages_need_login(self, client, submit):
        c = submit().complaint
        response = client.get(reverse("complaints:detail", args=[c.tracking_code]))
        assert response.status_code == 302 and "/akun/masuk/" in response["Location"]

    def test_officer_of_unit_b_gets_404_for_unit_a(self, client, submit, people):
        c = services.complaint_dispose(
            complaint=submit().complaint, actor=people.verifier, unit=people.unit_a
        )
        login(client, people.officer_b)
        assert client.get(reverse("complaints:detail", args=[c.tracking_code])).status_code == 404
        assert (
            client.post(reverse("complaints:act", args=[c.tracking_code, "start"])).status_code
            == 404
        )
        att = submit(attachments=[jpeg()]).complaint
        assert (
            client.get(
                reverse(
                    "complaints:staff_attachment",
                    args=[att.tracking_code, att.attachments.get().pk],
                )
            ).status_code
            == 404
        )
        inbox = client.get(reverse("complaints:inbox", args=["semua"])).content.decode()
        assert c.tracking_code not in inbox

    def test_officers_do_not_see_new_complaints(self, client, submit, people):
        c = submit().complaint
        login(client, people.officer_a)
        assert client.get(reverse("complaints:detail", args=[c.tracking_code])).status_code == 404

    def test_another_jurisdictions_staff_see_nothing(self, client, submit, people):
        from aduan.accounts.models import User
        from aduan.organisation.models import Jurisdiction

        other = Jurisdiction.objects.create(slug="batang", name="Kab. Batang", kind="kabupaten")
        stranger = User.objects.create_user(
            username="zed", password=PASSWORD, jurisdiction=other, role="verifier"
        )
        c = submit().complaint
        login(client, stranger)
        assert client.get(reverse("complaints:detail", args=[c.tracking_code])).status_code == 404
        assert (
            c.tracking_code
            not in client.get(reverse("complaints:inbox", args=["verifikasi"])).content.decode()
        )

    def test_anonim_identity_is_hidden_from_the_unit(self, client, submit, people):
        c = submit(
            privacy="anonim",
            reporter_name="Pelapor Rahasia Sekali",
            reporter_phone="081299990000",
            reporter_email="anon@example.org",
        ).complaint
        services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
        login(client, people.verifier)
        page = client.get(reverse("complaints:detail", args=[c.tracking_code])).content.decode()
        assert "Pelapor Rahasia Sekali" in page
        for user in (people.officer_a, people.supervisor, people.tapd):
            client.logout()
            login(client, user)
            for url in (
                reverse("complaints:detail", args=[c.tracking_code]),
                reverse("complaints:inbox", args=["semua"]),
                reverse("complaints:inbox", args=["unit"]),
            ):
                page = client.get(url).content.decode()
                for secret in ("Pelapor Rahasia Sekali", "081299990000", "anon@example.org"):
                    assert secret not in page, (user.username, url)

    def test_biasa_identity_is_shown_to_the_unit(self, client, submit, people):
        c = submit().complaint
        services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
        login(client, people.officer_a)
        page = client.get(reverse("complaints:detail", args=[c.tracking_code])).content.decode()
        assert "Siti Aminah" in page

    def test_actions_over_http(self, client, submit, people):
        c = submit().complaint
        login(client, people.verifier)
        url = reverse("complaints:act", args=[c.tracking_code, "dispose"])
        response = client.post(
            url, {"dispose-unit": people.unit_a.pk, "dispose-category": c.category_id}
        )
        assert response.status_code == 302
        c.refresh_from_db()
        assert c.status == S.DIDISPOSISIKAN
        client.logout()
        login(client, people.officer_a)
        assert (
            client.post(
                reverse("complaints:act", args=[c.tracking_code, "dispose"]),
                {"dispose-unit": people.unit_b.pk},
            ).status_code
            == 403
        )
        response = client.post(
            reverse("complaints:act", args=[c.tracking_code, "follow_up"]), {"follow_up-text": ""}
        )
        assert response.status_code == 400
        response = client.post(
            reverse("complaints:act", args=[c.tracking_code, "follow_up"]),
            {"follow_up-text": "Terima kasih, KTP sudah jadi."},
        )
        assert response.status_code == 302
        c.refresh_from_db()
        assert c.status == S.DITINDAKLANJUTI


class TestQueryCounts:
    @pytest.mark.parametrize("queue", ["verifikasi", "semua"])
    def test_inbox_queries_do_not_grow_with_rows(self, client, submit, people, queue):
        login(client, people.verifier)
        url = reverse("complaints:inbox", args=[queue])
        submit()
        client.get(url)  # warm up session and caches
        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
        for i in range(15):
            submit(category="jalan" if i % 2 else "adminduk", area="tirto")
        with CaptureQueriesContext(connection) as many:
            assert client.get(url).status_code == 200
        assert len(many) == len(few)

    def test_officer_inbox_queries_do_not_grow_with_rows(self, client, submit, people):
        login(client, people.officer_a)
        url = reverse("complaints:inbox", args=["unit"])

        def add():
            services.complaint_dispose(
                complaint=submit().complaint, actor=people.verifier, unit=people.unit_a
            )

        add()
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for _ in range(10):
            add()
        with CaptureQueriesContext(connection) as many:
            body = client.get(url).content.decode()
        assert body.count("/kerja/aduan/ADU-") == 11
        assert len(many) == len(few)

    def test_detail_queries_do_not_grow_with_events(self, client, submit, people):
        c = services.complaint_dispose(
            complaint=submit().complaint, actor=people.verifier, unit=people.unit_a
        )
        login(client, people.officer_a)
        url = reverse("complaints:detail", args=[c.tracking_code])
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for i in range(8):
            services.complaint_add_note(complaint=c, actor=people.officer_a, text=f"catatan {i}")
        with CaptureQueriesContext(connection) as many:
            client.get(url)
        assert len(many) == len(few)


class TestLanguage:
    def test_pages_are_indonesian_even_for_an_english_browser(self, client, pekalongan):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert response["Content-Language"] == "id"
        assert "Buat laporan" in response.content.decode()

    def test_the_switch_chooses_english(self, client, pekalongan):
        response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        assert response.status_code == 302
        assert client.get("/")["Content-Language"] == "en"


def test_the_form_shows_the_service_standards(client, pekalongan):
    body = client.get(reverse("complaints:new")).content.decode()
    assert "Standar layanan" in body
    assert "Administrasi Kependudukan: 3 hari kerja" in body
    assert "Jalan, Jembatan &amp; Trotoar: 14 hari kerja" in body
