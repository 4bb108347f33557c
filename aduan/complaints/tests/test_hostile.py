"""Every form and endpoint fed the hostile corpus (``tests/hostile``): script and HTML
injection, SQL fragments, right-to-left and zero-width characters, a megabyte in a field,
invalid UTF-8, a lone surrogate, absurd numbers, dates and points, null bytes. Every one is
answered with a clear 4xx or a validation message, never a 500; the server keeps serving;
and no stored payload is ever rendered unescaped."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from aduan.complaints import services
from aduan.complaints.models import Complaint
from aduan.complaints.tests.hostile import BAD_JSON, INVALID_UTF8, MARKERS, NUMBERS, TEXTS
from aduan.intake.tests.conftest import graph, post_webhook, sign, wa_message, wa_payload  # noqa: F401
from aduan.surveys.forms import IkmForm
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

GOOD = "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu, gelap sekali malam hari."
ALL = [*TEXTS, *NUMBERS]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """Rate limits are tested elsewhere; here every payload must reach the code."""
    settings.ADUAN_RATE_LIMITS = {name: "" for name in settings.ADUAN_RATE_LIMITS}
    settings.ADUAN_INBOUND_EMAIL_SECRET = "rahasia-surel-uji"  # noqa: S105


def check(response, what: str = "") -> None:
    """Not a server error, and nothing injected rendered as markup."""
    assert response.status_code < 500, f"{what}: {response.status_code}"
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html") and not getattr(response, "streaming", False):
        body = response.content.decode("utf-8", "replace")
        for marker in MARKERS:
            assert marker not in body, f"{what}: unescaped {marker!r}"


def pages_render_escaped(client: Client, complaints: Iterable[Complaint]) -> None:
    """The stored payloads on every page that shows them: staff detail and inbox, the
    citizen's status page, the public home page."""
    for complaint in complaints:
        text = " ".join(
            (complaint.description, complaint.title, complaint.address, complaint.reporter_name)
        )
        if "<" not in text and "=" not in text:
            continue  # nothing that could become markup: spare the page loads
        check(client.get(reverse("complaints:detail", args=[complaint.tracking_code])), "detail")
        check(
            client.get(
                reverse(
                    "complaints:citizen_status",
                    args=[complaint.tracking_code, complaint.access_secret],
                )
            ),
            "status page",
        )
    for queue in ("verifikasi", "semua", "spam"):
        check(client.get(reverse("complaints:inbox", args=[queue])), f"inbox {queue}")
    check(client.get("/"), "home")


def form(**overrides) -> dict[str, str]:
    data = {
        "report_type": "aduan",
        "description": GOOD,
        "category": "pju",
        "kelurahan": "Kramatsari",
        "address": "depan masjid",
        "privacy": "biasa",
        "reporter_name": "Rina",
        "reporter_phone": "081234567890",
        "reporter_email": "rina@example.org",
        "submission_key": uuid.uuid4().hex,
    }
    data.update(overrides)
    return data


@pytest.fixture
def verifier_client(people) -> Client:
    client = Client()
    client.login(username="alice", password=PASSWORD)
    return client


CITIZEN_FIELDS = [
    "report_type",
    "description",
    "category",
    "kelurahan",
    "address",
    "latitude",
    "longitude",
    "privacy",
    "reporter_name",
    "reporter_phone",
    "reporter_email",
    "submission_key",
    "situs_web",
    "challenge_token",
    "challenge_answer",
]


class CitizenFormTests:
    @pytest.mark.parametrize("field", CITIZEN_FIELDS)
    def test_every_field_takes_every_payload(self, client, people, verifier_client, field):
        for payload in ALL:
            check(client.post(reverse("complaints:new"), form(**{field: payload})), field)
        pages_render_escaped(verifier_client, Complaint.objects.all())
        assert client.get(reverse("complaints:new")).status_code == 200

    def test_payloads_in_the_description_are_stored_and_shown_escaped(
        self, client, people, verifier_client
    ):
        response = client.post(
            reverse("complaints:new"), form(description=f"{TEXTS[0]} {TEXTS[1]}")
        )
        assert response.status_code == 302
        complaint = Complaint.objects.get()
        assert '<script>alert("xss-aduan")</script>' in complaint.description
        body = verifier_client.get(
            reverse("complaints:detail", args=[complaint.tracking_code])
        ).content.decode()
        assert "&lt;script&gt;alert(&quot;xss-aduan&quot;)&lt;/script&gt;" in body

    @pytest.mark.parametrize("body", INVALID_UTF8)
    def test_invalid_utf8_bodies(self, client, pekalongan, body):
        response = client.post(
            reverse("complaints:new"), data=body, content_type="application/x-www-form-urlencoded"
        )
        check(response, "invalid utf-8")
        assert response.status_code == 400

    def test_too_many_files_and_odd_uploads(self, client, pekalongan):
        from django.core.files.uploadedfile import SimpleUploadedFile

        files = [SimpleUploadedFile(f"{i}.jpg", b"\xff\xd8\xff" + b"\x00" * 10) for i in range(7)]
        check(client.post(reverse("complaints:new"), {**form(), "attachments": files}))
        odd = SimpleUploadedFile("\u202egpj.exe", b"MZ" + b"\x00" * 100)
        check(client.post(reverse("complaints:new"), {**form(), "attachments": [odd]}))


@pytest.fixture
def waiting(people, submit):
    """A complaint waiting for the reporter's information, and its secret."""
    result = submit()
    complaint = services.complaint_request_info(
        complaint=result.complaint, actor=people.verifier, question="Di RT berapa?"
    )
    return complaint, result.secret


class StatusPageTests:
    def test_add_info_takes_every_payload(self, client, people, waiting, verifier_client):
        complaint, secret = waiting
        url = reverse("complaints:citizen_status", args=[complaint.tracking_code, secret])
        for payload in ALL:
            if Complaint.objects.get(pk=complaint.pk).status != "menunggu_info":
                services.complaint_request_info(
                    complaint=complaint, actor=people.verifier, question="Lagi?"
                )
            check(client.post(url, {"action": "add_info", "message": payload}), "add_info")
        pages_render_escaped(verifier_client, [complaint])

    def test_respond_takes_every_payload(self, client, people, submit, verifier_client):
        result = submit()
        complaint = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        url = reverse("complaints:citizen_status", args=[complaint.tracking_code, result.secret])
        for payload in ALL:
            if Complaint.objects.get(pk=complaint.pk).status != "ditindaklanjuti":
                services.complaint_follow_up(
                    complaint=complaint, actor=people.officer_a, text="Sudah diperbaiki."
                )
            for satisfied in ("0", payload):
                check(
                    client.post(
                        url, {"action": "respond", "satisfied": satisfied, "reason": payload}
                    ),
                    "respond",
                )
        pages_render_escaped(verifier_client, [complaint])

    def test_unknown_actions_and_wrong_secrets(self, client, waiting):
        complaint, secret = waiting
        for payload in ALL[:-1]:
            url = reverse("complaints:citizen_status", args=[complaint.tracking_code, secret])
            check(client.post(url, {"action": payload, "message": payload}), "action")
            bad = f"/lacak/{quote(payload[:200], safe='')}/{quote(payload[:100], safe='')}/"
            check(client.get(bad), "status path")

    def test_track_takes_every_payload(self, client, pekalongan):
        for payload in ALL:
            check(client.get(reverse("complaints:track"), {"tracking_code": payload}), "track")
            check(
                client.get(
                    reverse("complaints:track"), {"tracking_code": "ADU-2026-1", "secret": payload}
                ),
                "track secret",
            )


class SurveyTests:
    def test_the_rating_form_takes_every_payload(self, client, people, submit, verifier_client):
        result = submit()
        complaint = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        complaint = services.complaint_follow_up(
            complaint=complaint, actor=people.officer_a, text="Sudah."
        )
        services.complaint_citizen_respond(complaint=complaint, satisfied=True)
        url = reverse("surveys:rate", args=[complaint.tracking_code, result.secret])
        for payload in ALL:
            check(client.post(url, {"score": payload, "resolved": payload, "comment": payload}))
            check(client.post(url, {"score": "4", "resolved": "ya", "comment": payload}))
        pages_render_escaped(verifier_client, [complaint])

    def test_the_ikm_survey_takes_every_payload(self, client, people):
        url = reverse("surveys:ikm_survey", args=["pekalongan", "disdukcapil"])
        assert client.get(url).status_code == 200
        names = list(IkmForm().fields)
        for payload in ALL:
            check(client.post(url, dict.fromkeys(names, payload)), "ikm")


STAFF_FORMS = {
    "note": ["note-text"],
    "hold": ["hold-reason"],
    "archive": ["archive-reason", "archive-note"],
    "refer": ["refer-body", "refer-note_to_citizen"],
    "merge": ["merge-into"],
    "dispose": ["dispose-unit", "dispose-category", "dispose-note"],
    "request_info": ["request_info-question"],
}


class StaffTests:
    @pytest.mark.parametrize("action", sorted(STAFF_FORMS))
    def test_action_forms_take_every_payload(self, people, submit, verifier_client, action):
        complaint = submit().complaint
        url = reverse("complaints:act", args=[complaint.tracking_code, action])
        for field in STAFF_FORMS[action]:
            for payload in ALL:
                complaint.refresh_from_db()
                if complaint.status != "baru":
                    complaint = submit().complaint
                    url = reverse("complaints:act", args=[complaint.tracking_code, action])
                check(verifier_client.post(url, {field: payload}), f"{action} {field}")
        pages_render_escaped(verifier_client, Complaint.objects.all())

    def test_unit_forms_take_every_payload(self, client, people, submit):
        complaint = services.complaint_dispose(
            complaint=submit().complaint, actor=people.verifier, unit=people.unit_a
        )
        client.login(username="budi", password=PASSWORD)
        for payload in ALL:
            for action, field in (
                ("follow_up", "follow_up-text"),
                ("flag_tapd", "flag_tapd-scope"),
                ("forward", "forward-unit"),
            ):
                url = reverse("complaints:act", args=[complaint.tracking_code, action])
                check(client.post(url, {field: payload, "flag_tapd-reason": payload}), action)
            complaint.refresh_from_db()
            if complaint.status == "ditindaklanjuti":
                services.complaint_start(complaint=complaint, actor=people.officer_a)

    def test_inbox_filters_take_every_payload(self, verifier_client):
        url = reverse("complaints:inbox", args=["semua"])
        for payload in ALL:
            for name in (
                "q",
                "status",
                "category",
                "area",
                "unit",
                "date_from",
                "date_to",
                "due",
                "sort",
                "page",
            ):
                check(verifier_client.get(url, {name: payload}), f"inbox {name}")

    def test_unknown_actions_and_codes(self, verifier_client, submit):
        complaint = submit().complaint
        for payload in ALL[:-1]:
            segment = quote(payload[:100], safe="")
            check(verifier_client.post(f"/kerja/aduan/{complaint.tracking_code}/aksi/{segment}/"))
            check(verifier_client.get(f"/kerja/aduan/{segment}/"))

    def test_login_takes_every_payload(self, client, people):
        url = reverse("accounts:login")
        for payload in ALL:
            check(client.post(url, {"username": payload, "password": payload}), "login")
            check(client.post(url, {"username": "alice", "password": payload}), "login pw")
        # The failures lock alice out (django-axes): a clear 429, never a crash...
        assert client.post(url, {"username": "alice", "password": PASSWORD}).status_code == 429
        # ...and once the lockout is lifted the real password works.
        from axes.utils import reset

        reset()
        assert client.post(url, {"username": "alice", "password": PASSWORD}).status_code == 302

    def test_the_personal_data_page_takes_every_payload(self, verifier_client):
        url = reverse("privacy:export")
        for payload in ALL:
            check(
                verifier_client.post(url, {"phone": payload, "email": payload, "confirmed": "on"})
            )


API_FIELDS = [
    "jurisdiction",
    "channel",
    "report_type",
    "title",
    "description",
    "category",
    "area",
    "address",
    "latitude",
    "longitude",
    "privacy",
    "reporter_name",
    "reporter_phone",
    "reporter_email",
    "media_url",
]


def api_json(client, path: str, body: bytes, **headers):
    return client.generic(
        "POST", path, body, content_type="application/json", headers=headers or None
    )


class ApiTests:
    @pytest.mark.parametrize("field", API_FIELDS)
    def test_complaint_creation_takes_every_payload(self, client, people, verifier_client, field):
        base = {"description": GOOD, "privacy": "anonim"}
        for payload in ALL:
            body = json.dumps({**base, field: payload}).encode()
            response = api_json(client, "/api/v1/complaints/", body)
            check(response, field)
            assert response["Content-Type"].startswith("application/json")
            if response.status_code >= 400:
                assert response.json()["error"]["message"]
        pages_render_escaped(verifier_client, Complaint.objects.all())

    @pytest.mark.parametrize("body", [*INVALID_UTF8, *BAD_JSON])
    def test_raw_bodies(self, client, pekalongan, body):
        response = api_json(client, "/api/v1/complaints/", body)
        check(response, repr(body[:40]))
        assert 400 <= response.status_code < 500 or response.status_code == 201

    def test_citizen_and_staff_endpoints(self, client, people, waiting):
        complaint, secret = waiting
        staff = Client()
        staff.force_login(people.verifier)
        for payload in ALL:
            body = json.dumps({"message": payload, "satisfied": payload, "reason": payload})
            for path in ("add-info", "respond"):
                response = api_json(
                    client,
                    f"/api/v1/citizen/complaints/{complaint.tracking_code}/{path}/",
                    body.encode(),
                    **{"X-Tracking-Secret": secret},
                )
                check(response, path)
            check(
                staff.get("/api/v1/complaints/", {"q": payload, "date_from": payload}),
                "api list",
            )
            check(staff.get(f"/api/v1/complaints/{quote(payload[:60], safe='')}/"), "api detail")
        for raw in [*INVALID_UTF8, *BAD_JSON]:
            check(
                api_json(
                    client,
                    f"/api/v1/citizen/complaints/{complaint.tracking_code}/add-info/",
                    raw,
                    **{"X-Tracking-Secret": secret},
                )
            )


OPEN311_FIELDS = [
    "service_code",
    "description",
    "lat",
    "long",
    "address_string",
    "email",
    "phone",
    "first_name",
    "last_name",
    "media_url",
    "account_id",
    "attribute[kelurahan]",
    "jurisdiction_id",
]


class Open311Tests:
    @pytest.mark.parametrize("field", OPEN311_FIELDS)
    def test_post_takes_every_payload(self, client, people, verifier_client, field):
        from aduan.api.models import ApiToken, Scope

        _token, key = ApiToken.issue(
            jurisdiction=people.jurisdiction, name="App", scopes=[Scope.OPEN311.value]
        )
        base = {
            "api_key": key,
            "service_code": "jalan",
            "lat": "-6.8886",
            "long": "109.6753",
            "description": GOOD,
        }
        for i, payload in enumerate(ALL):
            fmt = "xml" if i % 2 else "json"
            check(client.post(f"/open311/v2/requests.{fmt}", {**base, field: payload}), field)
        pages_render_escaped(verifier_client, Complaint.objects.all())

    def test_get_parameters_take_every_payload(self, client, pekalongan):
        for payload in ALL:
            for name in (
                "start_date",
                "end_date",
                "status",
                "service_code",
                "page",
                "page_size",
                "service_request_id",
                "jurisdiction_id",
            ):
                check(client.get("/open311/v2/requests.json", {name: payload}), name)

    def test_invalid_utf8_bodies(self, client, pekalongan):
        for body in INVALID_UTF8:
            check(
                client.post(
                    "/open311/v2/requests.json",
                    data=body,
                    content_type="application/x-www-form-urlencoded",
                )
            )


class WebhookTests:
    def test_whatsapp_takes_every_payload(self, client, people, graph, verifier_client):  # noqa: F811
        for i, payload in enumerate(ALL):
            number = f"62812000{i:05d}"
            response = post_webhook(client, wa_payload(wa_message(text=payload, number=number)))
            check(response, "whatsapp")
            # 400 only for the megabyte body (over DATA_UPLOAD_MAX_MEMORY_SIZE).
            assert response.status_code == 200 or len(payload) > 100_000
            check(
                post_webhook(
                    client, wa_payload(wa_message(text=payload, number=number), name=payload)
                ),
                "whatsapp name",
            )
        pages_render_escaped(verifier_client, Complaint.objects.all())

    def test_whatsapp_text_no_database_can_store(self, client, people, graph):  # noqa: F811
        """A lone surrogate and a NUL are valid JSON escapes; they are stored replaced."""
        message = wa_message(text="x", number="6281200000999")
        body = json.dumps(wa_payload(message)).replace(
            '"body": "x"', '"body": "Lampu mati \\ud800 dan \\u0000 di Jl. Hayam Wuruk, Medono"'
        )
        response = post_webhook(client, body.encode())
        assert response.status_code == 200, response.content
        from aduan.intake.models import InboundMessage

        stored = InboundMessage.objects.get(sender="6281200000999").text
        assert "\x00" not in stored and "\ufffd" in stored

    def test_whatsapp_raw_bodies(self, client, graph):  # noqa: F811
        bodies = [
            *INVALID_UTF8,
            *BAD_JSON,
            b'{"entry": "x"}',
            b'{"entry": [{"changes": [{"value": {"messages": [{"type": 5}]}}]}]}',
        ]
        for body in bodies:
            check(post_webhook(client, body), repr(body[:40]))

    def test_email_takes_every_payload(self, client, people, verifier_client):
        headers = {"X-Aduan-Inbound-Secret": "rahasia-surel-uji"}
        for i, payload in enumerate(ALL):
            subject = payload[:500].replace("\r", " ").replace("\n", " ")
            raw = (
                f"From: Warga <warga{i}@example.org>\r\nTo: aduan@example.org\r\n"
                f"Subject: {subject}\r\nMessage-ID: <h{i}@example.org>\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                f"{payload}\r\n{GOOD}\r\n"
            ).encode("utf-8", "surrogatepass")
            check(
                client.post("/masuk/email/", raw, content_type="message/rfc822", headers=headers),
                "email",
            )
        for body in INVALID_UTF8:
            check(
                client.post("/masuk/email/", body, content_type="message/rfc822", headers=headers)
            )
        pages_render_escaped(verifier_client, Complaint.objects.all())


def test_the_server_keeps_serving_after_the_corpus(client, pekalongan):
    for payload in ALL:
        client.post(reverse("complaints:new"), form(description=payload))
    assert client.get("/").status_code == 200
    assert client.get(reverse("complaints:new")).status_code == 200
    assert client.get("/api/v1/categories/").status_code == 200
