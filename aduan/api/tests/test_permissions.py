"""The permission matrix: every endpoint against every kind of caller.

Callers (see ``conftest.as_role``): anonymous; the verifier (Dinkominfo); officers of unit A
(Disdukcapil) and unit B (DPUPR); supervisor; TAPD member; administrator; an integration
token; a revoked token; a verifier's token limited to unit A; a verifier's read-only token.
"""

from __future__ import annotations

import pytest

from aduan.complaints import services
from aduan.complaints.models import Complaint, ComplaintEvent

pytestmark = pytest.mark.django_db

STAFF_ALL = ["new", "a", "a_anon", "a_secret", "b"]
UNIT_A = ["a", "a_anon", "a_secret"]


def codes(world, names):
    return {getattr(world, name).tracking_code for name in names}


LIST_CASES = [
    # (role, status, what it lists)
    ("anonymous", 401, None),
    ("revoked", 401, None),
    ("integration", 403, None),
    ("verifier", 200, STAFF_ALL),
    ("officer_a", 200, UNIT_A),
    ("officer_b", 200, ["b"]),
    ("supervisor", 200, STAFF_ALL),
    ("tapd", 200, STAFF_ALL),
    ("admin", 200, STAFF_ALL),
    ("token_unit_a", 200, UNIT_A),
    ("token_read_only", 200, STAFF_ALL),
]


class ComplaintListPermissionTests:
    def test_each_caller_lists_what_they_may_see(self, world, as_role):
        wrong = []
        for role, status, visible in LIST_CASES:
            response = as_role(role).get("/api/v1/complaints/")
            if response.status_code != status:
                wrong.append((role, response.status_code))
            elif visible is None:
                assert set(response.json()["error"]) == {"code", "message", "fields"}
            else:
                listed = {row["tracking_code"] for row in response.json()["results"]}
                if listed != codes(world, visible):
                    wrong.append((role, sorted(listed)))
        assert wrong == []


# Reads of one complaint: detail, timeline and attachment list.
READ_CASES = [
    # (role, complaint, expected status)
    ("anonymous", "a", 401),
    ("revoked", "a", 401),
    ("integration", "a", 403),
    ("verifier", "a", 200),
    ("verifier", "new", 200),
    ("officer_a", "a", 200),
    ("officer_a", "a_secret", 200),
    ("officer_a", "b", 404),
    ("officer_a", "new", 404),
    ("officer_b", "a", 404),
    ("officer_b", "a_secret", 404),
    ("officer_b", "b", 200),
    ("supervisor", "a_secret", 200),
    ("tapd", "b", 200),
    ("admin", "new", 200),
    ("token_unit_a", "a", 200),
    ("token_unit_a", "b", 404),
    ("token_unit_a", "new", 404),
    ("token_read_only", "b", 200),
]


class ComplaintReadPermissionTests:
    @pytest.mark.parametrize("suffix", ["", "events/", "attachments/"])
    def test_each_caller_reads_only_what_they_may_see(self, world, as_role, suffix):
        clients = {role: as_role(role) for role, _which, _status in READ_CASES}
        wrong = []
        for role, which, status in READ_CASES:
            code = getattr(world, which).tracking_code
            response = clients[role].get(f"/api/v1/complaints/{code}/{suffix}")
            if response.status_code != status:
                wrong.append((role, which, response.status_code))
        assert wrong == []

    def test_an_unknown_code_is_a_404_like_an_invisible_one(self, world, as_role):
        client = as_role("officer_b")
        hidden = client.get(f"/api/v1/complaints/{world.a.tracking_code}/")
        missing = client.get("/api/v1/complaints/ADU-2026-999999/")
        assert hidden.status_code == missing.status_code == 404
        assert hidden.json() == missing.json()

    def test_attachment_downloads_follow_visibility(self, people, submit, as_role):
        from aduan.complaints.tests.helpers import jpeg

        complaint = submit(attachments=[jpeg()]).complaint
        services.complaint_dispose(complaint=complaint, actor=people.verifier, unit=people.unit_a)
        pk = complaint.attachments.get().pk
        url = f"/api/v1/complaints/{complaint.tracking_code}/attachments/{pk}/"
        assert as_role("officer_a").get(url).status_code == 200
        assert as_role("officer_b").get(url).status_code == 404
        assert as_role("anonymous").get(url).status_code == 401
        assert as_role("integration").get(url).status_code == 403
        other = f"/api/v1/complaints/{complaint.tracking_code}/attachments/{pk + 1000}/"
        assert as_role("officer_a").get(other).status_code == 404


ACTION_CASES = [
    # (action, complaint, body, {role: status})
    (
        "dispose",
        "new",
        {"unit": "disdukcapil"},
        {
            "anonymous": 401,
            "revoked": 401,
            "integration": 403,
            "verifier": 200,
            "officer_a": 404,
            "officer_b": 404,
            "supervisor": 403,
            "tapd": 403,
            "admin": 200,
            "token_unit_a": 404,
            "token_read_only": 403,
        },
    ),
    (
        "hold",
        "new",
        {"reason": "Menunggu konfirmasi lokasi."},
        {"verifier": 200, "supervisor": 403, "tapd": 403, "officer_a": 404},
    ),
    (
        "archive",
        "new",
        {"reason": "spam"},
        {"verifier": 200, "admin": 200, "supervisor": 403, "token_read_only": 403},
    ),
    (
        "refer",
        "new",
        {"note_to_citizen": "Silakan hubungi PLN."},
        {"verifier": 200, "tapd": 403},
    ),
    (
        "start",
        "a",
        {},
        {
            "anonymous": 401,
            "revoked": 401,
            "integration": 403,
            "verifier": 403,
            "officer_a": 200,
            "officer_b": 404,
            "supervisor": 403,
            "tapd": 403,
            "admin": 200,
            "token_unit_a": 403,
            "token_read_only": 403,
        },
    ),
    (
        "note",
        "a",
        {"text": "Sudah dihubungi."},
        {
            "verifier": 200,
            "officer_a": 200,
            "officer_b": 404,
            "supervisor": 403,
            "tapd": 403,
            "token_unit_a": 200,
            "token_read_only": 403,
        },
    ),
    (
        "request_info",
        "a",
        {"question": "Nomor rumah berapa?"},
        {"officer_a": 200, "verifier": 403, "officer_b": 404, "supervisor": 403},
    ),
    (
        "forward",
        "a",
        {"unit": "dpupr", "reason": "Kewenangan DPUPR."},
        {"officer_a": 200, "verifier": 200, "officer_b": 404, "tapd": 403},
    ),
    (
        "follow_up",
        "a",
        {"text": "KTP-el sudah dicetak, silakan diambil."},
        {"officer_a": 200, "officer_b": 404, "verifier": 403, "supervisor": 403},
    ),
    (
        "flag_tapd",
        "a",
        {"reason": "Perlu anggaran."},
        {"officer_a": 200, "admin": 200, "tapd": 403, "supervisor": 403},
    ),
    (
        "merge",
        "new",
        {"into": "@a"},
        {"verifier": 200, "officer_a": 404, "supervisor": 403},
    ),
    (
        "tapd_decide",
        "flagged",
        {"decision": "pemeliharaan_rutin"},
        {
            "anonymous": 401,
            "integration": 403,
            "tapd": 200,
            "admin": 200,
            "supervisor": 403,
            "verifier": 403,
            "officer_a": 403,
            "officer_b": 404,
            "token_read_only": 403,
        },
    ),
]


class ComplaintActionPermissionTests:
    """Refusals leave the complaint untouched; each allowed caller acts on a fresh one."""

    @pytest.mark.parametrize(
        "action, which, body, expected", ACTION_CASES, ids=[case[0] for case in ACTION_CASES]
    )
    def test_each_action_is_open_only_to_its_roles(
        self, world, people, submit, as_role, action, which, body, expected
    ):
        def target() -> Complaint:
            if which == "new":
                return submit().complaint
            complaint = services.complaint_dispose(
                complaint=submit().complaint, actor=people.verifier, unit=people.unit_a
            )
            if which == "flagged":
                services.complaint_flag_tapd(
                    complaint=complaint, actor=people.officer_a, reason="Perlu anggaran."
                )
            return complaint

        shared = target()
        data = {k: (world.a.tracking_code if v == "@a" else v) for k, v in body.items()}
        wrong = []
        for role, status in sorted(expected.items(), key=lambda item: item[1] == 200):
            complaint = target() if status == 200 else shared
            before = ComplaintEvent.objects.filter(complaint=complaint).count()
            response = as_role(role).post(
                f"/api/v1/complaints/{complaint.tracking_code}/actions/{action}/",
                data,
                format="json",
            )
            after = ComplaintEvent.objects.filter(complaint=complaint).count()
            if response.status_code != status:
                wrong.append((role, response.status_code, response.json()))
            elif status == 200:
                assert response.json()["action"] == action
                assert after > before
            else:
                assert after == before, role  # refused: nothing happened
        assert wrong == []


class CreatePermissionTests:
    BODY = {
        "description": "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu.",
        "category": "pju",
        "privacy": "anonim",
    }

    CASES = [
        ("anonymous", 201),
        ("integration", 201),
        ("verifier", 201),
        ("officer_a", 201),
        ("token_unit_a", 201),
        ("revoked", 401),
        ("token_read_only", 403),
    ]

    def test_who_may_submit(self, pekalongan, people, as_role):
        for role, status in self.CASES:
            before = Complaint.objects.count()
            response = as_role(role).post("/api/v1/complaints/", self.BODY, format="json")
            assert response.status_code == status, (role, response.content)
            assert Complaint.objects.count() - before == (1 if status == 201 else 0)


class CitizenPermissionTests:
    @pytest.mark.parametrize("suffix", ["", "events/"])
    def test_the_code_and_secret_open_the_complaint(self, world, as_role, suffix):
        code = world.a.tracking_code
        secret = world.secrets[code]
        client = as_role("anonymous")
        url = f"/api/v1/citizen/complaints/{code}/{suffix}"
        assert client.get(url, HTTP_X_TRACKING_SECRET=secret).status_code == 200
        assert client.get(url, {"secret": secret.lower()}).status_code == 200
        assert client.get(url, HTTP_X_TRACKING_SECRET="AAAABBBBCCCCDDDD").status_code == 404
        assert client.get(url).status_code == 404
        other = world.secrets[world.b.tracking_code]
        assert client.get(url, HTTP_X_TRACKING_SECRET=other).status_code == 404

    def test_a_revoked_token_is_refused_even_with_the_secret(self, world, as_role):
        code = world.a.tracking_code
        response = as_role("revoked").get(
            f"/api/v1/citizen/complaints/{code}/", HTTP_X_TRACKING_SECRET=world.secrets[code]
        )
        assert response.status_code == 401

    def test_a_wrong_secret_cannot_act(self, world, people, as_role):
        services.complaint_request_info(
            complaint=world.a, actor=people.officer_a, question="Nomor rumah?"
        )
        response = as_role("anonymous").post(
            f"/api/v1/citizen/complaints/{world.a.tracking_code}/add-info/",
            {"message": "Nomor 12."},
            format="json",
            HTTP_X_TRACKING_SECRET="AAAABBBBCCCCDDDD",
        )
        assert response.status_code == 404
        world.a.refresh_from_db()
        assert world.a.status == "menunggu_info"


PUBLIC = [
    "/api/v1/categories/",
    "/api/v1/units/",
    "/api/v1/areas/",
    "/api/v1/statistics/public/",
    "/api/v1/me/",
]


class PublicPermissionTests:
    @pytest.mark.parametrize("url", PUBLIC)
    def test_public_data_is_open_to_all_but_bad_tokens(self, people, as_role, url):
        for role, status in [
            ("anonymous", 200),
            ("integration", 200),
            ("officer_b", 200),
            ("token_unit_a", 200),
            ("revoked", 401),
        ]:
            assert as_role(role).get(url).status_code == status, role


class StatisticsPermissionTests:
    CASES = [
        ("anonymous", 401, None),
        ("revoked", 401, None),
        ("integration", 403, None),
        ("token_read_only", 403, None),  # no stats:read
        ("verifier", 200, 5),
        ("officer_a", 200, 3),
        ("officer_b", 200, 1),
        ("supervisor", 200, 5),
        ("tapd", 200, 5),
        ("admin", 200, 5),
        ("token_unit_a", 200, 3),
    ]

    def test_staff_statistics_count_what_the_caller_may_see(self, world, as_role):
        for role, status, total in self.CASES:
            response = as_role(role).get("/api/v1/statistics/")
            assert response.status_code == status, role
            if total is not None:
                assert response.json()["total"] == total, role
