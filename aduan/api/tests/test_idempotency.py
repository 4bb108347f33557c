"""Idempotency-Key on POST: a repeat returns the first result and creates nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from aduan.api.idempotency import purge_idempotency_records
from aduan.api.models import IdempotencyRecord
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.complaints.tests.helpers import jpeg

pytestmark = pytest.mark.django_db

BODY = {
    "description": "Saluran air tersumbat sampah di Jl. Sulawesi sejak hujan kemarin.",
    "category": "drainase",
    "privacy": "anonim",
}


def post(client, body=BODY, key="kunci-1", **extra):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post("/api/v1/complaints/", body, format="json", **headers, **extra)


class IdempotentCreateTests:
    def test_a_repeat_returns_the_first_answer_and_files_once(self, pekalongan, as_role):
        client = as_role("anonymous")
        first, second = post(client), post(client)
        assert first.status_code == second.status_code == 201
        assert first.json() == second.json()
        assert second["Idempotent-Replayed"] == "true"
        assert "Idempotent-Replayed" not in first
        assert second["Location"] == first["Location"]
        assert Complaint.objects.count() == 1

    def test_the_same_key_with_another_body_is_a_422(self, pekalongan, as_role):
        client = as_role("anonymous")
        post(client)
        other = post(client, {**BODY, "description": BODY["description"] + " Tolong."})
        assert other.status_code == 422
        assert other.json()["error"]["code"] == "idempotency_key_reused"
        assert Complaint.objects.count() == 1

    def test_multipart_repeats_match_despite_new_boundaries(self, pekalongan, as_role):
        client = as_role("anonymous")
        body = {**BODY, "attachments": [jpeg()]}
        first = client.post("/api/v1/complaints/", body, HTTP_IDEMPOTENCY_KEY="foto")
        second = client.post(
            "/api/v1/complaints/", {**BODY, "attachments": [jpeg()]}, HTTP_IDEMPOTENCY_KEY="foto"
        )
        assert first.status_code == 201 and second.status_code == 201
        assert second["Idempotent-Replayed"] == "true"
        assert Complaint.objects.count() == 1
        other_photo = client.post(
            "/api/v1/complaints/",
            {**BODY, "attachments": [jpeg(size=(10, 10))]},
            HTTP_IDEMPOTENCY_KEY="foto",
        )
        assert other_photo.status_code == 422

    def test_keys_belong_to_their_caller(self, pekalongan, people, as_role):
        from aduan.api.tests.helpers import issue

        mine = as_role("integration")
        theirs = as_role("anonymous")
        third = as_role("anonymous")
        third.credentials(
            HTTP_AUTHORIZATION=f"Bearer {issue(people, scopes=['complaints:submit'])}"
        )
        a, b, c = post(mine), post(theirs), post(third)
        assert a.status_code == b.status_code == c.status_code == 201
        assert len({a.json()["secret"], b.json()["secret"], c.json()["secret"]}) == 3
        assert Complaint.objects.count() == 3

    def test_a_refused_request_releases_the_key(self, pekalongan, as_role):
        client = as_role("anonymous")
        bad = post(client, {**BODY, "description": "pendek"})
        assert bad.status_code == 400
        good = post(client)
        assert good.status_code == 201 and "Idempotent-Replayed" not in good
        assert IdempotencyRecord.objects.get().status_code == 201

    def test_a_request_still_running_is_a_409(self, pekalongan, as_role):
        client = as_role("anonymous")
        post(client, key="sedang")
        IdempotencyRecord.objects.update(status_code=None, response_body=None)
        assert post(client, key="sedang").status_code == 409

    def test_an_abandoned_claim_is_taken_over(self, pekalongan, as_role):
        client = as_role("anonymous")
        IdempotencyRecord.objects.create(
            caller="ip:127.0.0.1",
            key="basi",
            request_hash="0" * 64,
            created_at=timezone.now() - timedelta(minutes=5),
        )
        assert post(client, key="basi").status_code == 201

    @pytest.mark.parametrize("key", ["", "x" * 256, "dengan spasi", "ünïcode"])
    def test_a_malformed_key_is_a_400(self, pekalongan, as_role, key):
        response = as_role("anonymous").post(
            "/api/v1/complaints/", BODY, format="json", HTTP_IDEMPOTENCY_KEY=key
        )
        assert response.status_code == 400
        assert "Idempotency-Key" in response.json()["error"]["fields"]
        assert not Complaint.objects.exists()

    def test_without_a_key_every_post_files_anew(self, pekalongan, as_role):
        client = as_role("anonymous")
        post(client, key=None)
        post(client, key=None)
        assert Complaint.objects.count() == 2

    def test_old_records_are_purged_by_the_worker_task(self, pekalongan, as_role):
        post(as_role("anonymous"))
        assert purge_idempotency_records(now=timezone.now()) == 0
        later = timezone.now() + timedelta(hours=IdempotencyRecord.RETENTION_HOURS + 1)
        assert purge_idempotency_records(worker_id="w1", now=later) == 1


class IdempotentActionTests:
    def test_a_repeated_action_happens_once(self, world, as_role):
        client = as_role("officer_a")
        url = f"/api/v1/complaints/{world.a.tracking_code}/actions/note/"
        first = client.post(url, {"text": "Sekali saja."}, format="json", HTTP_IDEMPOTENCY_KEY="n1")
        again = client.post(url, {"text": "Sekali saja."}, format="json", HTTP_IDEMPOTENCY_KEY="n1")
        assert first.status_code == again.status_code == 200
        assert first.json() == again.json()
        assert ComplaintEvent.objects.filter(complaint=world.a, kind="note").count() == 1

    def test_a_replay_still_checks_who_is_asking(self, world, as_role, people):
        from aduan.organisation.models import Membership

        client = as_role("officer_a")
        url = f"/api/v1/complaints/{world.a.tracking_code}/actions/note/"
        client.post(url, {"text": "Catatan."}, format="json", HTTP_IDEMPOTENCY_KEY="n2")
        Membership.objects.filter(user=people.officer_a).delete()
        again = client.post(url, {"text": "Catatan."}, format="json", HTTP_IDEMPOTENCY_KEY="n2")
        assert again.status_code == 404

    def test_a_citizen_answer_is_idempotent_too(self, world, people, as_role):
        from aduan.complaints import services

        services.complaint_request_info(complaint=world.a, actor=people.officer_a, question="?")
        code = world.a.tracking_code
        client = as_role("anonymous")
        url = f"/api/v1/citizen/complaints/{code}/add-info/"
        extra = {"HTTP_X_TRACKING_SECRET": world.secrets[code], "HTTP_IDEMPOTENCY_KEY": "i1"}
        first = client.post(url, {"message": "Nomor 12."}, format="json", **extra)
        again = client.post(url, {"message": "Nomor 12."}, format="json", **extra)
        assert first.status_code == again.status_code == 200
        assert ComplaintEvent.objects.filter(complaint=world.a, kind="info_provided").count() == 1


class OneTransactionTests:
    """The claim, the work and the stored answer are committed together."""

    def test_a_failure_after_the_work_leaves_neither_complaint_nor_claim(
        self, pekalongan, as_role, monkeypatch
    ):
        from aduan.api import idempotency

        def broken(claim, response):
            raise RuntimeError("disk full while storing the answer")

        monkeypatch.setattr(idempotency, "finish", broken)
        client = as_role("anonymous")
        client.raise_request_exception = False
        assert post(client, key="gagal").status_code == 500
        assert not Complaint.objects.exists()
        assert not IdempotencyRecord.objects.exists()
        monkeypatch.undo()
        again = post(client, key="gagal")  # the client's retry files it once
        assert again.status_code == 201 and "Idempotent-Replayed" not in again
        assert Complaint.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_key_sent_twice_at_once_files_once_and_both_get_the_answer(pekalongan):
    import threading

    from django.db import connection, connections
    from rest_framework.test import APIClient

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("in-memory SQLite is not shared between threads; runs on PostgreSQL/file DB")
    answers: list[tuple[int, dict, str]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def citizen() -> None:
        try:
            start.wait()
            response = post(APIClient(), key="bersamaan")
            answers.append(
                (response.status_code, response.json(), response.get("Idempotent-Replayed", ""))
            )
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=citizen) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [status for status, _, _ in answers] == [201] * 4
    assert len({body["tracking_code"] for _, body, _ in answers}) == 1
    assert sorted(replayed for _, _, replayed in answers) == ["", "true", "true", "true"]
    assert Complaint.objects.count() == 1
