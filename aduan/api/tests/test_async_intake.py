"""The asynchronous intake (``Prefer: respond-async``): acknowledged with 202 after the same
checks as the synchronous path, stored in the queue, made a complaint by the worker exactly
as the synchronous path makes one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection

from aduan.api.models import IdempotencyRecord
from aduan.api.tests.helpers import issue
from aduan.complaints.models import Complaint, ComplaintEvent, QueuedSubmission
from aduan.complaints.services import queued_submissions_process
from aduan.notifications.models import OutboxMessage
from aduan.organisation.models import Category
from aduan.reports.models import ComplaintRollup

pytestmark = pytest.mark.django_db

URL = "/api/v1/complaints/"
ASYNC = {"HTTP_PREFER": "respond-async"}
BODY = {
    "description": "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu, gelap sekali.",
    "category": "pju",
    "area": "Kramatsari",
    "address": "depan masjid",
    "reporter_name": "Rina",
    "reporter_phone": "081234567890",
}


def post_async(client, body=BODY, **headers):
    return client.post(URL, body, format="json", **ASYNC, **headers)


class AcknowledgementTests:
    def test_it_answers_202_with_the_code_and_the_secret(self, pekalongan, as_role):
        response = post_async(as_role("integration"))
        assert response.status_code == 202, response.content
        data = response.json()
        assert set(data) == {
            "tracking_code",
            "secret",
            "status",
            "status_label",
            "submitted_at",
            "status_page_url",
            "api_url",
        }
        assert data["status"] == "diterima"
        assert data["status_label"] == "Diterima, sedang dicatat"
        assert response["Preference-Applied"] == "respond-async"
        assert response["Location"] == data["api_url"]
        assert f"/lacak/{data['tracking_code']}/{data['secret']}/" in data["status_page_url"]
        assert not Complaint.objects.exists()
        row = QueuedSubmission.objects.get()
        assert row.tracking_code == data["tracking_code"]
        assert row.payload["category"] == "pju" and row.payload["area"]

    def test_the_label_follows_accept_language(self, pekalongan, as_role):
        response = post_async(as_role("anonymous"), HTTP_ACCEPT_LANGUAGE="en")
        assert response.json()["status_label"] == "Received, being recorded"
        assert response["Content-Language"] == "en"

    def test_the_preference_may_come_with_others(self, pekalongan, as_role):
        response = as_role("anonymous").post(
            URL, BODY, format="json", HTTP_PREFER="return=minimal, RESPOND-ASYNC; wait=5"
        )
        assert response.status_code == 202

    def test_without_the_preference_the_answer_is_the_synchronous_201(self, pekalongan, as_role):
        response = as_role("integration").post(URL, BODY, format="json")
        assert response.status_code == 201
        assert "Preference-Applied" not in response
        assert not QueuedSubmission.objects.exists()

    def test_multipart_and_staff_sessions_are_answered_synchronously(self, pekalongan, as_role):
        multipart = as_role("anonymous").post(URL, BODY, **ASYNC)
        session = post_async(as_role("verifier"))
        assert multipart.status_code == session.status_code == 201
        assert "Preference-Applied" not in multipart and "Preference-Applied" not in session
        assert Complaint.objects.count() == 2 and not QueuedSubmission.objects.exists()

    def test_the_worker_makes_the_complaint_under_the_acknowledged_code(self, pekalongan, as_role):
        data = post_async(as_role("integration")).json()
        assert queued_submissions_process() == 1
        complaint = Complaint.objects.get()
        assert complaint.tracking_code == data["tracking_code"]
        assert complaint.check_secret(data["secret"])
        assert complaint.submitted_at == datetime.fromisoformat(data["submitted_at"])
        assert not QueuedSubmission.objects.exists()
        assert queued_submissions_process() == 0


def effects(complaint: Complaint) -> dict:
    """What the intake did for one complaint, without what differs by construction."""
    events = [
        (e.kind, e.actor_label, e.to_status, e.is_public, e.created_at - complaint.submitted_at)
        for e in complaint.events.order_by("id")
    ]
    submitted = complaint.events.get(kind="submitted").data
    fields = {
        f.name: getattr(complaint, f.attname)
        for f in Complaint._meta.concrete_fields
        if f.name
        not in (
            "id",
            "tracking_code",
            "access_salt",
            "submission_key",
            "created_at",
            "updated_at",
            "search_vector",
            "public_search",
        )
    }
    return {
        "fields": fields,
        "events": events,
        "event_data": submitted,
        "messages": sorted(
            (m.channel, m.kind) for m in OutboxMessage.objects.filter(complaint=complaint)
        ),
    }


class SameComplaintTests:
    @time_machine.travel(datetime(2026, 11, 20, 3, 0, tzinfo=UTC), tick=False)
    def test_the_queued_submission_becomes_what_the_synchronous_path_makes(
        self, pekalongan, as_role
    ):
        client = as_role("integration")
        rollups_before = ComplaintRollup.objects.count()
        sync = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="a")
        rollups_sync = ComplaintRollup.objects.count() - rollups_before
        queued = post_async(client, HTTP_IDEMPOTENCY_KEY="b")
        assert queued_submissions_process() == 1
        rollups_async = ComplaintRollup.objects.count() - rollups_before - rollups_sync
        first = Complaint.objects.get(tracking_code=sync.json()["tracking_code"])
        second = Complaint.objects.get(tracking_code=queued.json()["tracking_code"])
        assert second.submission_key and second.submission_key != first.submission_key
        assert effects(first) == effects(second)
        assert effects(first)["fields"]["category"] is not None
        assert rollups_sync == rollups_async > 0


class IdempotencyTests:
    def test_a_repeat_returns_the_same_202_and_stores_nothing(self, pekalongan, as_role):
        client = as_role("integration")
        first = post_async(client, HTTP_IDEMPOTENCY_KEY="k-1")
        again = post_async(client, HTTP_IDEMPOTENCY_KEY="k-1")
        assert again.status_code == 202
        assert again.json() == first.json()
        assert again["Idempotent-Replayed"] == "true"
        assert again["Preference-Applied"] == "respond-async"
        assert QueuedSubmission.objects.count() == 1
        queued_submissions_process()
        later = post_async(client, HTTP_IDEMPOTENCY_KEY="k-1")
        assert later.status_code == 202 and later.json() == first.json()
        assert Complaint.objects.count() == 1

    def test_the_synchronous_path_replays_a_queued_answer(self, pekalongan, as_role):
        client = as_role("integration")
        first = post_async(client, HTTP_IDEMPOTENCY_KEY="k-2")
        sync = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
        assert sync.status_code == 202 and sync.json() == first.json()
        queued_submissions_process()
        assert Complaint.objects.count() == 1

    def test_a_queued_repeat_replays_a_synchronous_answer(self, pekalongan, as_role):
        client = as_role("integration")
        sync = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="k-3")
        again = post_async(client, HTTP_IDEMPOTENCY_KEY="k-3")
        assert again.status_code == 201 and again.json() == sync.json()
        assert not QueuedSubmission.objects.exists()
        assert Complaint.objects.count() == 1

    def test_a_key_whose_record_expired_finds_the_complaint(self, pekalongan, as_role):
        client = as_role("integration")
        sync = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="k-4")
        IdempotencyRecord.objects.all().delete()  # past its 24 hours
        again = post_async(client, HTTP_IDEMPOTENCY_KEY="k-4")
        assert again.status_code == 201
        assert again.json()["tracking_code"] == sync.json()["tracking_code"]
        assert Complaint.objects.count() == 1 and not QueuedSubmission.objects.exists()

    def test_the_same_key_with_another_request_is_refused(self, pekalongan, as_role):
        client = as_role("integration")
        post_async(client, HTTP_IDEMPOTENCY_KEY="k-5")
        other = post_async(client, {**BODY, "address": "lain"}, HTTP_IDEMPOTENCY_KEY="k-5")
        assert other.status_code == 422
        assert other.json()["error"]["code"] == "idempotency_key_reused"
        assert QueuedSubmission.objects.count() == 1

    def test_a_repeat_is_replayed_even_when_the_input_no_longer_passes(self, pekalongan, as_role):
        client = as_role("integration")
        first = post_async(client, HTTP_IDEMPOTENCY_KEY="k-6")
        Category.objects.filter(jurisdiction=pekalongan, code="pju").update(is_active=False)
        from aduan.lib.refcache import clear_all

        clear_all()
        again = post_async(client, HTTP_IDEMPOTENCY_KEY="k-6")
        assert again.status_code == 202 and again.json() == first.json()


# --------------------------------------------------------------------------- same errors

BAD_INPUT: list[tuple[object, object]] = [
    ({"description": "rusak"}, None),
    ({"category": "tidak-ada"}, None),
    ({"area": "Atlantis"}, None),
    ({"reporter_name": ""}, None),
    ({"reporter_email": "bukan-email"}, None),
    ({"latitude": 91, "longitude": 0}, None),
    ({"latitude": 1}, None),
    ({"privacy": "publik"}, None),
    ({"jurisdiction": "atlantis"}, None),
    ({"media_url": "ftp://x"}, None),
    ({"title": "x" * 201, "latitude": "utara"}, None),
    ({"description": None, "channel": 5}, None),
    ({"category": "bukan slug!"}, None),
    ({"description": ""}, None),
    ({"reporter_phone": "12"}, None),
    ({"description": "x" * 5001}, None),
    (None, {}),
    (None, []),
    (None, "teks"),
    (None, {"privacy": "anonim"}),
]


def both(client, body, **headers):
    """The same request without and with the preference."""
    if isinstance(body, bytes):
        kwargs = {"data": body, "content_type": "application/json"}
    else:
        kwargs = {"data": body, "format": "json"}
    sync = client.post(URL, **kwargs, **headers)
    queued = client.post(URL, **kwargs, **ASYNC, **headers)
    return sync, queued


def same(sync, queued) -> None:
    assert sync.status_code == queued.status_code, (sync.content, queued.content)
    assert sync.status_code >= 400
    assert sync.json() == queued.json()
    for header in ("WWW-Authenticate", "Retry-After", "Content-Language"):
        assert sync.get(header) == queued.get(header), header


class SameErrorsTests:
    @pytest.mark.parametrize("change, whole", BAD_INPUT)
    @pytest.mark.parametrize("language", ["id", "en"])
    def test_bad_input_gets_the_same_error(self, pekalongan, as_role, change, whole, language):
        body = whole if change is None else {**BODY, **change}
        same(*both(as_role("anonymous"), body, HTTP_ACCEPT_LANGUAGE=language))
        assert not QueuedSubmission.objects.exists() and not Complaint.objects.exists()

    @pytest.mark.parametrize(
        "raw",
        [b"{nope", b"[1, 2", b"null", b'{"description": NaN}', b"", b"[" * 5000 + b"]" * 5000],
    )
    def test_malformed_bodies_get_the_same_error(self, pekalongan, as_role, raw):
        same(*both(as_role("anonymous"), raw))

    def test_credentials_and_scopes_get_the_same_error(self, pekalongan, people, as_role):
        same(*both(as_role("revoked"), BODY))
        same(*both(as_role("token_read_only"), BODY))
        same(*both(as_role("anonymous"), BODY, HTTP_AUTHORIZATION="Bearer adn_salah"))
        same(*both(as_role("anonymous"), BODY, HTTP_AUTHORIZATION="Bearer a b"))
        other = as_role("integration")
        same(*both(other, {**BODY, "jurisdiction": "batang"}))

    def test_a_bad_idempotency_key_gets_the_same_error(self, pekalongan, as_role):
        same(*both(as_role("integration"), BODY, HTTP_IDEMPOTENCY_KEY="x" * 300))

    def test_an_oversized_body_gets_the_same_error(self, pekalongan, as_role, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
        same(*both(as_role("anonymous"), {**BODY, "description": "x" * 2000}))

    def test_a_revoked_token_is_refused_at_once(self, pekalongan, people, as_role):
        from aduan.api.models import ApiToken

        raw = issue(people, scopes=["complaints:submit"], name="dicabut")
        client = as_role("anonymous")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert post_async(client).status_code == 202
        ApiToken.objects.get(key_prefix=raw[:12]).revoke()
        refused = post_async(client)
        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "authentication_failed"


class ThrottleTests:
    def test_both_paths_count_against_the_same_limit(self, pekalongan, as_role, settings):
        settings.ADUAN_RATE_LIMITS = {**settings.ADUAN_RATE_LIMITS, "intake_token": "2/h"}
        client = as_role("integration")
        assert client.post(URL, BODY, format="json").status_code == 201
        assert post_async(client).status_code == 202
        sync, queued = both(client, BODY)
        same(sync, queued)
        assert queued.status_code == 429 and queued["Retry-After"]
        assert QueuedSubmission.objects.count() == 1


# --------------------------------------------------------------------------- the citizen


class QueuedForTheCitizenTests:
    def test_the_status_page_says_it_is_being_recorded(self, pekalongan, as_role, client):
        data = post_async(as_role("anonymous")).json()
        page = client.get(data["status_page_url"].replace("http://testserver", ""))
        assert page.status_code == 200
        text = page.content.decode()
        assert "Laporan Anda sudah kami terima dan sedang dicatat" in text
        assert BODY["description"] not in text and BODY["reporter_name"] not in text
        wrong = client.get(f"/lacak/{data['tracking_code']}/AAAAAAAAAAAAAAAA/")
        assert wrong.status_code == 404
        queued_submissions_process()
        page = client.get(data["status_page_url"].replace("http://testserver", ""))
        assert BODY["description"] in page.content.decode()

    def test_the_citizen_endpoint_answers_202_until_recorded(self, pekalongan, as_role):
        data = post_async(as_role("anonymous")).json()
        citizen = as_role("anonymous")
        url = f"/api/v1/citizen/complaints/{data['tracking_code']}/"
        queued = citizen.get(url, HTTP_X_TRACKING_SECRET=data["secret"])
        assert queued.status_code == 202
        assert queued.json() == {
            "tracking_code": data["tracking_code"],
            "status": "diterima",
            "status_label": "Diterima, sedang dicatat",
            "message": "Laporan Anda sudah kami terima dan sedang dicatat.",
            "submitted_at": data["submitted_at"],
        }
        english = citizen.get(url, HTTP_X_TRACKING_SECRET=data["secret"], HTTP_ACCEPT_LANGUAGE="en")
        assert english.json()["message"] == "We have received your report and are recording it."
        assert citizen.get(url, HTTP_X_TRACKING_SECRET="SALAH").status_code == 404
        assert (
            citizen.get(f"{url}events/", HTTP_X_TRACKING_SECRET=data["secret"]).status_code == 404
        )
        queued_submissions_process()
        done = citizen.get(url, HTTP_X_TRACKING_SECRET=data["secret"])
        assert done.status_code == 200 and done.json()["status"] == "baru"


# --------------------------------------------------------------------------- processing


class ProcessingTests:
    def test_a_category_deactivated_meanwhile_is_left_out_and_said(self, pekalongan, as_role):
        data = post_async(as_role("integration")).json()
        category = Category.objects.get(jurisdiction=pekalongan, code="pju")
        category.is_active = False
        category.save()
        assert queued_submissions_process() == 1
        complaint = Complaint.objects.get(tracking_code=data["tracking_code"])
        assert complaint.category is None and complaint.area is not None
        note = complaint.events.get(kind="note")
        assert "pju" in note.message and not note.is_public
        assert "Kategori" in note.message

    def test_a_failing_row_stays_for_another_try_and_others_go_on(
        self, pekalongan, as_role, monkeypatch
    ):
        client = as_role("integration")
        first = post_async(client).json()
        second = post_async(client, {**BODY, "address": "kedua"}).json()
        from aduan.complaints import services

        real = services.complaint_submit

        def failing(**kwargs):
            if kwargs["tracking_code"] == first["tracking_code"]:
                raise RuntimeError("disk penuh")
            return real(**kwargs)

        monkeypatch.setattr(services, "complaint_submit", failing)
        assert queued_submissions_process() == 1
        row = QueuedSubmission.objects.get()
        assert row.tracking_code == first["tracking_code"]
        assert row.attempts == 1 and "disk penuh" in row.last_error and row.retry_after
        assert Complaint.objects.get().tracking_code == second["tracking_code"]
        assert not ComplaintEvent.objects.filter(complaint__tracking_code=first["tracking_code"])
        monkeypatch.setattr(services, "complaint_submit", real)
        assert queued_submissions_process() == 0  # not before its time
        assert queued_submissions_process(now=row.retry_after) == 1
        assert Complaint.objects.count() == 2

    def test_a_crash_mid_batch_leaves_every_row_to_be_claimed_again(
        self, pekalongan, as_role, monkeypatch
    ):
        client = as_role("integration")
        post_async(client)
        post_async(client, {**BODY, "address": "kedua"})
        from aduan.complaints import services

        real = services.complaint_submit
        calls = []

        def dying(**kwargs):
            calls.append(1)
            if len(calls) == 2:
                raise KeyboardInterrupt  # the process is stopped
            return real(**kwargs)

        monkeypatch.setattr(services, "complaint_submit", dying)
        with pytest.raises(KeyboardInterrupt):
            queued_submissions_process()
        assert QueuedSubmission.objects.count() == 2 and not Complaint.objects.exists()
        monkeypatch.setattr(services, "complaint_submit", real)
        assert queued_submissions_process() == 2

    def test_the_worker_command_runs_the_task(self, pekalongan, as_role):
        from django.core.management import call_command

        post_async(as_role("integration"))
        call_command("worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert Complaint.objects.count() == 1


def test_the_rows_are_one_statement_on_postgresql(pekalongan, as_role):
    """The acknowledgement writes the idempotency record and the queued row in one
    ``INSERT`` statement on PostgreSQL (beside it only the tracking number's ``nextval``,
    once the counter row is cached)."""
    from django.test.utils import CaptureQueriesContext

    client = as_role("integration")
    with CaptureQueriesContext(connection) as queries:
        response = post_async(client, HTTP_IDEMPOTENCY_KEY="q")
    assert response.status_code == 202
    writes = [
        q["sql"]
        for q in queries
        if "complaints_queuedsubmission" in q["sql"] or "api_idempotencyrecord" in q["sql"]
    ]
    if connection.vendor == "postgresql":
        assert len(writes) == 1, writes
        assert writes[0].startswith("WITH")


# --------------------------------------------------------------------------- one cleaner

SHAPES: list[object] = [
    None,
    [],
    "x",
    1,
    {},
    {"description": ""},
    {"description": "   "},
    {"description": None},
    {"description": 5},
    {"description": True},
    {"description": ["a"]},
    {"description": "a" * 20, "title": "x" * 201},
    {"description": "ab\x00c", "title": "\ud800"},
    {"description": "abc", "latitude": "abc", "longitude": 1e400},
    {"description": "abc", "latitude": 91, "longitude": -181},
    {"description": "abc", "latitude": None, "longitude": ""},
    {"description": "abc", "privacy": "", "report_type": None},
    {"description": "abc", "privacy": "publik", "channel": 3, "report_type": True},
    {"description": "abc", "category": "bad slug!", "jurisdiction": ""},
    {"description": "abc", "category": "", "jurisdiction": "  "},
    {"description": "abc", "category": None, "area": "  x  ", "reporter_name": "  "},
    {"description": "abc", "latitude": "1.5", "longitude": True},
    {"description": "abc", "latitude": "1" * 1001},
    {"description": 12.5, "reporter_phone": 812345678, "address": "  RT 1  "},
    {"description": "lampu \ud83d\ude00 mati \udfff lagi", "address": "\U0001f600 \ud7ff\ue000"},
    {"description": "lampu jalan mati lagi", "reporter_name": "x\udc00\x00" * 50},
]


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_cleaner_answers_as_the_fields_did(language):
    """``api.submission.clean`` against DRF's own validation of the same fields: the values
    and the messages are the same, for JSON and for form (multipart) input."""
    from django.http import QueryDict
    from django.utils import translation
    from rest_framework import serializers

    from aduan.api import serializers as s
    from aduan.api import submission

    class Reference(serializers.Serializer):
        def get_fields(self):
            return submission.serializer_fields()

    def outcome(serializer):
        valid = serializer.is_valid()
        errors = {k: [str(m) for m in v] for k, v in serializer.errors.items()}
        return (dict(serializer.validated_data) if valid else None), errors

    forms = [
        QueryDict("description=abc&latitude=&longitude=&privacy=&channel=&category=&title="),
        QueryDict("description=&latitude=x&report_type=aspirasi"),
        QueryDict(""),
    ]
    with translation.override(language):
        for data in [*SHAPES, *forms]:
            assert outcome(s.ComplaintCreateInput(data=data)) == outcome(Reference(data=data)), data


# --------------------------------------------------------------------------- the answer's parts


def test_the_queued_label_is_the_translation_of_the_language_in_force():
    from django.utils import translation

    from aduan.api.apis.intake import _queued_label
    from aduan.complaints.choices import QUEUED_LABEL

    for language in ["id", "en", "id", "en"]:
        with translation.override(language):
            assert _queued_label(translation.get_language()) == str(QUEUED_LABEL)
    assert _queued_label("id") != _queued_label("en")


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        ("a", True),
        ("!" + "~" * 254, True),
        ("k" * 256, False),
        ("", False),
        ("a b", False),
        ("a\x7f", False),
        ("a\x20", False),
        ("kunci-é", False),
        ("a\n", False),
    ],
)
def test_an_idempotency_key_is_one_to_255_visible_ascii_characters(key, valid):
    from django.test import RequestFactory
    from rest_framework import exceptions

    from aduan.api import idempotency

    request = RequestFactory().post(URL, headers={"Idempotency-Key": key})
    assert request.headers.get("Idempotency-Key") == key
    if valid:
        assert idempotency.key_from(request) == key
    else:
        with pytest.raises(exceptions.ValidationError):
            idempotency.key_from(request)
    assert idempotency.key_from(RequestFactory().post(URL)) is None
