"""Reporter identities and rahasia complaints never leak: not to other units, not to roles
that need no identity, not to integrations, not in public data, not on the citizen side."""

from __future__ import annotations

import pytest

from aduan.complaints import services

pytestmark = pytest.mark.django_db

IDENTITIES = {
    "biasa": ["Siti Aminah", "0812-1111-2222", "siti@example.org"],
    "anonim": ["Wawan Anonim", "0813-5555-6666", "wawan@example.org"],
    "rahasia": ["Rahmat Rahasia", "0813-7777-8888", "rahmat@example.org"],
}
SECRET_TEXT = "Oknum petugas meminta uang"


def identity_in(body: str, privacy: str) -> bool:
    return any(value in body for value in IDENTITIES[privacy])


class IdentityTests:
    @pytest.mark.parametrize(
        "role, which, shown",
        [
            ("verifier", "a", True),
            ("verifier", "a_anon", True),
            ("verifier", "a_secret", True),
            ("admin", "a_anon", True),
            ("officer_a", "a", True),
            ("officer_a", "a_secret", True),
            ("officer_a", "a_anon", False),
            ("supervisor", "a", False),
            ("supervisor", "a_secret", False),
            ("tapd", "a", False),
            ("tapd", "a_anon", False),
        ],
    )
    def test_the_reporter_is_shown_only_to_those_who_may_see_them(
        self, world, as_role, role, which, shown
    ):
        complaint = getattr(world, which)
        response = as_role(role).get(f"/api/v1/complaints/{complaint.tracking_code}/")
        assert response.status_code == 200
        data = response.json()
        assert data["identity_visible"] is shown
        assert (data["reporter"] is not None) is shown
        assert identity_in(response.content.decode(), complaint.privacy) is shown

    def test_lists_never_carry_identities(self, world, as_role):
        body = as_role("verifier").get("/api/v1/complaints/?page_size=100").content.decode()
        for privacy in IDENTITIES:
            assert not identity_in(body, privacy)

    def test_a_unit_token_does_not_see_identities_of_other_units(self, world, as_role):
        client = as_role("token_unit_a")
        assert client.get(f"/api/v1/complaints/{world.b.tracking_code}/").status_code == 404

    def test_action_results_follow_the_same_rule(self, world, as_role):
        response = as_role("officer_a").post(
            f"/api/v1/complaints/{world.a_anon.tracking_code}/actions/note/",
            {"text": "Catatan."},
            format="json",
        )
        assert response.status_code == 200
        assert response.json()["complaint"]["reporter"] is None
        assert not identity_in(response.content.decode(), "anonim")


class LeakSweepTests:
    """Every read endpoint, as every caller that must not see a rahasia report or another
    unit's identities: neither appears anywhere in the answers."""

    def test_nothing_leaks_to_outsiders(self, world, as_role):
        a = world.a_secret.tracking_code
        urls = [
            "/api/v1/complaints/?page_size=100",
            f"/api/v1/complaints/{a}/",
            f"/api/v1/complaints/{a}/events/",
            f"/api/v1/complaints/{a}/attachments/",
            "/api/v1/statistics/",
            "/api/v1/statistics/public/",
            "/api/v1/categories/",
            "/api/v1/units/?page_size=100",
            "/api/v1/me/",
        ]
        for role in ("anonymous", "integration", "officer_b", "revoked"):
            client = as_role(role)
            for url in urls:
                body = client.get(url).content.decode()
                assert SECRET_TEXT not in body, (role, url)
                assert a not in body, (role, url)
                for privacy in IDENTITIES:
                    assert not identity_in(body, privacy), (role, url)

    def test_public_statistics_leave_rahasia_reports_out(self, world, as_role):
        data = as_role("anonymous").get("/api/v1/statistics/public/").json()
        assert data["total"] == 4  # five complaints, one rahasia
        staff = as_role("verifier").get("/api/v1/statistics/").json()
        assert staff["total"] == 5

    def test_an_integration_gets_the_secret_of_what_it_filed_but_cannot_read_complaints(
        self, pekalongan, as_role
    ):
        client = as_role("integration")
        response = client.post(
            "/api/v1/complaints/",
            {
                "description": "Sampah menumpuk di pinggir kali sejak Senin.",
                "category": "sampah",
                "reporter_name": "Budi",
                "reporter_phone": "081234567890",
                "channel": "whatsapp",
            },
            format="json",
        )
        assert response.status_code == 201
        code = response.json()["tracking_code"]
        assert client.get(f"/api/v1/complaints/{code}/").status_code == 403
        assert client.get("/api/v1/complaints/").status_code == 403
        citizen = client.get(
            f"/api/v1/citizen/complaints/{code}/",
            HTTP_X_TRACKING_SECRET=response.json()["secret"],
        )
        assert citizen.status_code == 200
        assert "Budi" not in citizen.content.decode()


class CitizenSideTests:
    def test_the_citizen_sees_no_identity_no_staff_names_and_no_internal_notes(
        self, world, people, as_role
    ):
        complaint = world.a
        services.complaint_add_note(
            complaint=complaint, actor=people.officer_a, text="Rahasia internal: cek lurah."
        )
        services.complaint_follow_up(
            complaint=complaint, actor=people.officer_a, text="KTP-el sudah jadi."
        )
        secret = world.secrets[complaint.tracking_code]
        client = as_role("anonymous")
        detail = client.get(
            f"/api/v1/citizen/complaints/{complaint.tracking_code}/", HTTP_X_TRACKING_SECRET=secret
        )
        events = client.get(
            f"/api/v1/citizen/complaints/{complaint.tracking_code}/events/",
            HTTP_X_TRACKING_SECRET=secret,
        )
        assert detail.status_code == events.status_code == 200
        body = detail.content.decode() + events.content.decode()
        assert "Rahasia internal" not in body
        assert not identity_in(body, "biasa")
        for person in (people.verifier, people.officer_a):
            assert person.display_name not in body
        kinds = [e["kind"] for e in events.json()["results"]]
        assert kinds == ["submitted", "verified", "follow_up"]
        assert {e["actor"] for e in events.json()["results"]} == {"Warga", "Petugas"}
        assert detail.json()["can_respond"] is True

    def test_the_citizen_downloads_only_their_files_and_public_ones(self, people, submit, as_role):
        from aduan.complaints.models import Attachment
        from aduan.complaints.tests.helpers import jpeg, pdf

        result = submit(attachments=[jpeg()])
        complaint = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        services.complaint_follow_up(
            complaint=complaint, actor=people.officer_a, text="Selesai.", attachments=[pdf()]
        )
        internal = Attachment.objects.create(
            complaint=complaint,
            file="attachments/x.pdf",
            original_name="internal.pdf",
            content_type="application/pdf",
            extension="pdf",
            size=1,
            sha256="0" * 64,
            from_citizen=False,
        )
        client = as_role("anonymous")
        base = f"/api/v1/citizen/complaints/{complaint.tracking_code}/attachments"
        headers = {"HTTP_X_TRACKING_SECRET": result.secret}
        own, answer = complaint.attachments.exclude(pk=internal.pk).order_by("pk")
        assert client.get(f"{base}/{own.pk}/", **headers).status_code == 200
        reply = client.get(f"{base}/{answer.pk}/", **headers)
        assert reply.status_code == 200
        assert reply["Content-Type"] == "application/pdf"
        assert reply["X-Content-Type-Options"] == "nosniff"
        assert client.get(f"{base}/{internal.pk}/", **headers).status_code == 404
        assert client.get(f"{base}/{own.pk}/").status_code == 404
