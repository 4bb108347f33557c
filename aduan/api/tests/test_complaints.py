"""Complaints over the API: intake, the inbox filters, the workflow from disposition to the
citizen's response, and how the services' refusals come out."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aduan.complaints import services
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.complaints.tests.helpers import jpeg, renamed_exe

pytestmark = pytest.mark.django_db

BODY = {
    "description": "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu, gelap sekali.",
    "category": "pju",
    "area": "Kramatsari",
    "address": "depan masjid",
    "reporter_name": "Rina",
    "reporter_phone": "081234567890",
}


class ComplaintCreateTests:
    def test_a_citizen_files_a_complaint_as_json(self, pekalongan, as_role):
        response = as_role("anonymous").post("/api/v1/complaints/", BODY, format="json")
        assert response.status_code == 201, response.content
        data = response.json()
        complaint = Complaint.objects.get(tracking_code=data["tracking_code"])
        assert complaint.channel == "api"
        assert complaint.category.code == "pju"
        assert complaint.area is not None  # "Kramatsari" is an alias of a kelurahan
        assert complaint.check_secret(data["secret"])
        assert response["Location"] == data["api_url"]
        assert data["status"] == "baru" and data["expected_completion"]
        assert f"/lacak/{complaint.tracking_code}/{data['secret']}/" in data["status_page_url"]

    def test_multipart_carries_photos(self, pekalongan, as_role):
        response = as_role("anonymous").post(
            "/api/v1/complaints/", {**BODY, "attachments": [jpeg(), jpeg("b.jpg")]}
        )
        assert response.status_code == 201, response.content
        assert Complaint.objects.get().attachments.count() == 2

    def test_a_disguised_file_is_refused_and_nothing_is_stored(self, pekalongan, as_role):
        response = as_role("anonymous").post(
            "/api/v1/complaints/", {**BODY, "attachments": [renamed_exe()]}
        )
        assert response.status_code == 400
        assert "attachments" in response.json()["error"]["fields"]
        assert not Complaint.objects.exists()

    @pytest.mark.parametrize(
        "change, field",
        [
            ({"description": "rusak"}, "description"),
            ({"category": "tidak-ada"}, "category"),
            ({"area": "Atlantis"}, "area"),
            ({"reporter_name": ""}, "reporter_name"),
            ({"reporter_email": "bukan-email"}, "reporter_email"),
            ({"latitude": 91, "longitude": 0}, "latitude"),
            ({"privacy": "publik"}, "privacy"),
            ({"jurisdiction": "atlantis"}, "jurisdiction"),
            ({"media_url": "ftp://x"}, "media_url"),
        ],
    )
    def test_bad_input_is_a_400_naming_the_field(self, pekalongan, as_role, change, field):
        response = as_role("anonymous").post(
            "/api/v1/complaints/", {**BODY, **change}, format="json"
        )
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "validation_error"
        assert field in error["fields"]
        assert not Complaint.objects.exists()

    def test_malformed_json_is_a_parse_error(self, pekalongan, as_role):
        response = as_role("anonymous").post(
            "/api/v1/complaints/", "{nope", content_type="application/json"
        )
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "parse_error"

    def test_an_oversized_body_is_a_413(self, pekalongan, as_role, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
        response = as_role("anonymous").post(
            "/api/v1/complaints/", {**BODY, "description": "x" * 2000}, format="json"
        )
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "request_too_large"

    def test_a_form_encoded_post_is_refused(self, pekalongan, as_role):
        response = as_role("anonymous").post(
            "/api/v1/complaints/",
            "description=x",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 415
        assert response.json()["error"]["code"] == "unsupported_media_type"

    def test_only_tokens_and_staff_choose_the_channel(self, pekalongan, people, as_role):
        as_role("anonymous").post("/api/v1/complaints/", {**BODY, "channel": "lapor"}, "json")
        as_role("integration").post("/api/v1/complaints/", {**BODY, "channel": "whatsapp"}, "json")
        as_role("verifier").post("/api/v1/complaints/", {**BODY, "channel": "phone"}, "json")
        assert sorted(Complaint.objects.values_list("channel", flat=True)) == [
            "api",
            "phone",
            "whatsapp",
        ]

    def test_a_token_files_in_its_own_jurisdiction_only(self, pekalongan, as_role):
        client = as_role("integration")
        ok = client.post("/api/v1/complaints/", {**BODY, "jurisdiction": "pekalongan"}, "json")
        assert ok.status_code == 201
        other = client.post("/api/v1/complaints/", {**BODY, "jurisdiction": "batang"}, "json")
        assert other.status_code == 400

    def test_a_session_post_needs_the_csrf_token(self, pekalongan, people):
        from rest_framework.test import APIClient

        client = APIClient(enforce_csrf_checks=True)
        client.force_login(people.verifier)
        response = client.post("/api/v1/complaints/", BODY, format="json")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "csrf_failed"
        secret = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"  # what the CSRF cookie would hold
        client.cookies["csrftoken"] = secret
        response = client.post("/api/v1/complaints/", BODY, format="json", HTTP_X_CSRFTOKEN=secret)
        assert response.status_code == 201


class ComplaintListTests:
    @pytest.mark.parametrize(
        "params, expected",
        [
            ({"queue": "verifikasi"}, ["new"]),
            ({"status": "didisposisikan"}, ["a", "a_anon", "a_secret", "b"]),
            ({"status": "terbuka"}, ["new", "a", "a_anon", "a_secret", "b"]),
            ({"category": "jalan"}, ["b"]),
            ({"unit": "dpupr"}, ["b"]),
            ({"area": "medono"}, ["new", "a", "a_anon", "a_secret", "b"]),
            ({"q": "berlubang"}, ["b"]),
            ({"privacy_ignored": "x"}, ["new", "a", "a_anon", "a_secret", "b"]),
        ],
    )
    def test_the_inbox_filters(self, world, as_role, params, expected):
        response = as_role("verifier").get("/api/v1/complaints/", params)
        assert response.status_code == 200
        got = {row["tracking_code"] for row in response.json()["results"]}
        assert got == {getattr(world, name).tracking_code for name in expected}

    def test_the_unit_queue_of_an_officer(self, world, as_role):
        response = as_role("officer_a").get("/api/v1/complaints/", {"queue": "unit"})
        assert len(response.json()["results"]) == 3

    @pytest.mark.parametrize(
        "params, field",
        [
            ({"unit": "tidak-ada"}, "unit"),
            ({"category": "tidak-ada"}, "category"),
            ({"status": "hilang"}, "status"),
            ({"date_from": "9999-12-31"}, "date_from"),
            ({"page_size": "1000"}, "page_size"),
            ({"cursor": "palsu"}, None),
        ],
    )
    def test_bad_filters_are_a_400(self, world, as_role, params, field):
        response = as_role("verifier").get("/api/v1/complaints/", params)
        assert response.status_code == 400
        if field:
            assert field in response.json()["error"]["fields"]
        else:
            assert response.json()["error"]["code"] == "invalid_cursor"

    def test_the_list_costs_the_same_queries_for_many_rows(self, people, submit, as_role):
        client = as_role("officer_a")

        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/api/v1/complaints/").status_code == 200
            return len(queries)

        def add(n: int) -> None:
            for _ in range(n):
                services.complaint_dispose(
                    complaint=submit().complaint, actor=people.verifier, unit=people.unit_a
                )

        add(2)
        few = count()
        add(10)
        assert count() == few


class WorkflowTests:
    def act(self, client, complaint, action, body=None, **extra):
        return client.post(
            f"/api/v1/complaints/{complaint.tracking_code}/actions/{action}/",
            body or {},
            format="json",
            **extra,
        )

    def test_a_complaint_travels_from_intake_to_the_citizens_answer(
        self, pekalongan, people, as_role
    ):
        citizen = as_role("anonymous")
        created = citizen.post("/api/v1/complaints/", {**BODY, "category": "adminduk"}, "json")
        code, secret = created.json()["tracking_code"], created.json()["secret"]
        complaint = Complaint.objects.get(tracking_code=code)
        verifier, officer = as_role("verifier"), as_role("officer_a")
        mine = {"HTTP_X_TRACKING_SECRET": secret}

        r = self.act(verifier, complaint, "dispose", {"unit": "disdukcapil", "note": "Segera."})
        assert r.status_code == 200 and r.json()["status"] == "didisposisikan"
        assert r.json()["complaint"]["unit"]["code"] == "disdukcapil"
        assert "start" in officer.get(f"/api/v1/complaints/{code}/").json()["available_actions"]
        assert self.act(officer, complaint, "start").json()["status"] == "diproses"
        r = self.act(officer, complaint, "request_info", {"question": "Nomor NIK?"})
        assert r.json()["status"] == "menunggu_info"
        view = citizen.get(f"/api/v1/citizen/complaints/{code}/", **mine).json()
        assert view["can_add_info"] and view["add_info_before"]
        r = citizen.post(
            f"/api/v1/citizen/complaints/{code}/add-info/", {"message": "NIK 3375…"}, "json", **mine
        )
        assert r.status_code == 200 and r.json()["status"] == "diproses"
        r = self.act(officer, complaint, "follow_up", {"text": "KTP-el sudah dicetak."})
        assert r.json()["status"] == "ditindaklanjuti"
        r = citizen.post(
            f"/api/v1/citizen/complaints/{code}/respond/",
            {"satisfied": False, "reason": "Belum bisa diambil."},
            "json",
            **mine,
        )
        assert r.json()["status"] == "dibuka_kembali"
        self.act(officer, complaint, "follow_up", {"text": "Silakan ambil hari ini."})
        r = citizen.post(
            f"/api/v1/citizen/complaints/{code}/respond/", {"satisfied": True}, "json", **mine
        )
        assert r.json()["status"] == "selesai"
        events = verifier.get(f"/api/v1/complaints/{code}/events/?page_size=100").json()
        kinds = [e["kind"] for e in events["results"]]
        assert kinds[0] == "submitted" and kinds[-1] == "citizen_satisfied"

    def test_a_follow_up_with_a_photo_as_multipart(self, world, as_role):
        r = as_role("officer_a").post(
            f"/api/v1/complaints/{world.a.tracking_code}/actions/follow_up/",
            {"text": "Sudah diperbaiki.", "attachments": [jpeg()]},
        )
        assert r.status_code == 200, r.content
        listing = as_role("officer_a").get(
            f"/api/v1/complaints/{world.a.tracking_code}/attachments/"
        )
        rows = listing.json()["results"]
        assert len(rows) == 1 and rows[0]["from_citizen"] is False
        assert as_role("officer_a").get(rows[0]["download_url"]).status_code == 200

    def test_an_action_the_status_does_not_allow_is_a_409(self, world, as_role):
        r = self.act(as_role("admin"), world.new, "start")
        assert r.status_code == 409
        assert r.json()["error"]["code"] == "workflow_conflict"

    def test_a_service_refusal_is_a_400_with_fields(self, world, as_role):
        r = self.act(
            as_role("officer_a"), world.a, "forward", {"unit": "disdukcapil", "reason": "x"}
        )
        assert r.status_code == 400
        assert "unit" in r.json()["error"]["fields"]
        r = self.act(as_role("officer_a"), world.a, "forward", {"unit": "dpupr", "reason": " "})
        assert r.status_code == 400 and "reason" in r.json()["error"]["fields"]
        r = self.act(as_role("verifier"), world.new, "dispose", {"unit": "nowhere"})
        assert r.status_code == 400 and "unit" in r.json()["error"]["fields"]

    def test_after_forwarding_the_officer_no_longer_sees_it(self, world, as_role):
        r = self.act(
            as_role("officer_a"), world.a, "forward", {"unit": "dpupr", "reason": "DPUPR."}
        )
        assert r.status_code == 200
        assert r.json()["complaint"] is None and r.json()["status"] == "didisposisikan"
        seen = as_role("officer_b").get(f"/api/v1/complaints/{world.a.tracking_code}/")
        assert seen.status_code == 200

    def test_merging_into_an_unknown_complaint_is_a_400(self, world, as_role):
        r = self.act(as_role("verifier"), world.new, "merge", {"into": "ADU-2026-999999"})
        assert r.status_code == 400 and "into" in r.json()["error"]["fields"]
        r = self.act(as_role("verifier"), world.new, "merge", {"into": world.b.tracking_code})
        assert r.status_code == 200
        world.b.refresh_from_db()
        assert world.b.support_count == 1

    def test_tapd_decides_on_a_flagged_complaint(self, world, as_role):
        officer, tapd = as_role("officer_a"), as_role("tapd")
        r = self.act(officer, world.a, "flag_tapd", {"reason": "Perlu anggaran.", "scope": "1 km"})
        assert r.status_code == 200 and r.json()["complaint"]["needs_tapd"] is True
        assert (
            "tapd_decide"
            in tapd.get(f"/api/v1/complaints/{world.a.tracking_code}/").json()["available_actions"]
        )
        r = self.act(tapd, world.a, "tapd_decide", {"decision": "dijadwalkan"})
        assert r.status_code == 400 and {"budget_year", "programme"} <= set(
            r.json()["error"]["fields"]
        )
        r = self.act(
            tapd,
            world.a,
            "tapd_decide",
            {"decision": "dijadwalkan", "budget_year": 2027, "programme": "Rehab jalan"},
        )
        assert r.status_code == 200, r.content
        planning = r.json()["complaint"]["planning"]
        assert planning["decision"] == "dijadwalkan" and planning["budget_year"] == 2027

    def test_a_citizen_answer_out_of_turn_is_a_409(self, world, as_role):
        code = world.a.tracking_code
        r = as_role("anonymous").post(
            f"/api/v1/citizen/complaints/{code}/respond/",
            {"satisfied": True},
            "json",
            HTTP_X_TRACKING_SECRET=world.secrets[code],
        )
        assert r.status_code == 409
        assert ComplaintEvent.objects.filter(complaint=world.a).count() == 2

    def test_an_unknown_action_is_a_json_404(self, world, as_role):
        r = self.act(as_role("verifier"), world.new, "explode")
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


class AddressTests:
    def test_a_missing_slash_is_a_308_that_keeps_the_method(self, pekalongan, as_role):
        response = as_role("anonymous").post("/api/v1/complaints?x=1", BODY, format="json")
        assert response.status_code == 308
        assert response["Location"] == "/api/v1/complaints/?x=1"

    @pytest.mark.parametrize(
        "url", ["/api/v1/", "/api/v1/nothing/", "/api/v1/complaints/X/attachments/abc/"]
    )
    def test_unknown_addresses_are_json_404s(self, pekalongan, as_role, url):
        response = as_role("anonymous").get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404
        assert response.json()["error"] == {
            "code": "not_found",
            "message": "Not found.",
            "fields": {},
        }

    @pytest.mark.parametrize("url", ["/api/v1/categories/", "/api/v1/complaints/"])
    def test_options_is_not_offered(self, people, as_role, url):
        response = as_role("verifier").options(url)
        assert response.status_code == 405
        assert response.json()["error"]["code"] == "method_not_allowed"
