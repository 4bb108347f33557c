"""Abuse of the public doors: rate limits (web form, API, Open311, WhatsApp), the honeypot,
the challenge question, and spam held for the verifier without losing a report."""

from __future__ import annotations

import re
import uuid

import pytest
from django.urls import reverse

from aduan.complaints import services, spam
from aduan.complaints.choices import ArchiveReason, EventKind
from aduan.complaints.models import Complaint
from aduan.complaints.selectors import InboxFilters, complaint_list
from aduan.complaints.services import SpamHeld
from aduan.intake.tests.conftest import graph, post_webhook, wa_message, wa_payload  # noqa: F401
from aduan.notifications.models import OutboxMessage
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

DESCRIPTION = "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu, gelap sekali malam hari."


def form_data(**overrides):
    data = {
        "report_type": "aduan",
        "description": DESCRIPTION,
        "category": "pju",
        "kelurahan": "Kramatsari",
        "privacy": "biasa",
        "reporter_name": "Rina",
        "reporter_phone": "081234567890",
        "reporter_email": "",
        "submission_key": uuid.uuid4().hex,
    }
    data.update(overrides)
    return data


def question_of(page: str) -> tuple[str, str]:
    """The challenge token and question on a page."""
    token = re.search(r'name="challenge_token" value="([^"]+)"', page)
    question = re.search(r"Berapa ([a-z ]+?) (ditambah|dikurangi) ([a-z ]+?)\?", page)
    assert token and question, "no challenge on the page"
    a, op, b = spam.WORDS.index(question[1]), question[2], spam.WORDS.index(question[3])
    return token[1], str(a + b if op == "ditambah" else a - b)


def post_form(client, remote_addr: str = "127.0.0.1", **overrides):
    return client.post(reverse("complaints:new"), form_data(**overrides), REMOTE_ADDR=remote_addr)


@pytest.fixture
def low_limits(settings):
    settings.ADUAN_RATE_LIMITS = {
        **settings.ADUAN_RATE_LIMITS,
        "intake_ip": "4/h",
        "intake_phone": "2/h",
        "challenge_ip": "2/h",
    }
    return settings


class HoneypotTests:
    def test_a_filled_honeypot_holds_the_report_and_loses_nothing(self, client, people):
        response = post_form(client, situs_web="http://spam.example")
        assert response.status_code == 302  # the sender sees the usual receipt page
        complaint = Complaint.objects.get()
        assert complaint.held_as_spam
        assert "honeypot" in complaint.spam_reason
        assert complaint.description == DESCRIPTION
        submitted = complaint.events.get(kind=EventKind.SUBMITTED)
        assert submitted.data["held_as_spam"] == [spam.REASON_HONEYPOT]

    def test_an_empty_honeypot_changes_nothing(self, client, people):
        post_form(client, situs_web="")
        assert not Complaint.objects.get().held_as_spam

    def test_the_form_carries_the_hidden_field(self, client, pekalongan):
        body = client.get(reverse("complaints:new")).content.decode()
        assert 'name="situs_web"' in body and 'tabindex="-1"' in body
        assert 'class="hp-field" aria-hidden="true"' in body


class HeldSpamTests:
    def test_held_spam_is_silent_and_out_of_the_verification_queue(self, people, submit):
        result = submit(spam_reasons=[spam.REASON_HONEYPOT])
        complaint = result.complaint
        assert not OutboxMessage.objects.filter(complaint=complaint).exists()
        queue = complaint_list(people.verifier, InboxFilters(queue="verifikasi"))
        assert complaint not in queue
        assert complaint in complaint_list(people.verifier, InboxFilters(queue="spam"))
        # Only verifiers have the spam queue.
        assert not complaint_list(people.supervisor, InboxFilters(queue="spam")).exists()

    def test_held_spam_is_not_counted_in_public_numbers(self, client, submit):
        submit()
        submit(spam_reasons=[spam.REASON_HONEYPOT])
        stats = client.get("/api/v1/statistics/public/").json()
        assert stats["total"] == 1, stats

    def test_many_links_hold_a_report(self, submit):
        links = " ".join(f"https://promo{i}.example/x" for i in range(5))
        complaint = submit(description=f"Promo murah sekali {links}").complaint
        assert complaint.held_as_spam and "tautan" in complaint.spam_reason

    def test_a_few_links_do_not(self, submit):
        complaint = submit(
            description="Foto kerusakan ada di https://foto.example/1 dan www.foto.example/2"
        ).complaint
        assert not complaint.held_as_spam

    def test_release_puts_it_in_the_queue_sends_the_receipt_and_records_it(self, people, submit):
        complaint = submit(spam_reasons=[spam.REASON_HONEYPOT]).complaint
        services.complaint_release_spam(complaint=complaint, actor=people.verifier, note="asli")
        complaint.refresh_from_db()
        assert not complaint.held_as_spam
        event = complaint.events.get(kind=EventKind.SPAM_RELEASED)
        assert event.actor == people.verifier and event.data["reason"]
        assert OutboxMessage.objects.filter(complaint=complaint, kind="receipt").count() == 1
        assert complaint in complaint_list(people.verifier, InboxFilters(queue="verifikasi"))

    def test_archive_as_spam_stays_silent_and_is_on_the_timeline(self, people, submit):
        complaint = submit(spam_reasons=[spam.REASON_HONEYPOT]).complaint
        services.complaint_archive(
            complaint=complaint, actor=people.verifier, reason=ArchiveReason.SPAM
        )
        complaint.refresh_from_db()
        assert complaint.status == "diarsipkan" and complaint.held_as_spam
        assert complaint.events.filter(kind=EventKind.ARCHIVED).exists()
        assert not OutboxMessage.objects.filter(complaint=complaint).exists()

    def test_held_spam_cannot_be_disposed_until_released(self, people, submit):
        complaint = submit(spam_reasons=[spam.REASON_HONEYPOT]).complaint
        with pytest.raises(SpamHeld):
            services.complaint_dispose(
                complaint=complaint, actor=people.verifier, unit=people.unit_a
            )
        from aduan.complaints.permissions import available_actions

        assert set(available_actions(people.verifier, complaint)) == {
            "release_spam",
            "archive",
            "note",
        }

    def test_only_verifiers_may_release(self, people, submit):
        complaint = submit(spam_reasons=[spam.REASON_HONEYPOT]).complaint
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            services.complaint_release_spam(complaint=complaint, actor=people.supervisor)

    def test_the_verifier_releases_from_the_page(self, client, people, submit):
        complaint = submit(spam_reasons=[spam.REASON_HONEYPOT]).complaint
        client.login(username="alice", password=PASSWORD)
        page = client.get(reverse("complaints:inbox", args=["spam"])).content.decode()
        assert complaint.tracking_code in page
        detail = client.get(reverse("complaints:detail", args=[complaint.tracking_code]))
        assert 'id="spam-held"' in detail.content.decode()
        response = client.post(
            reverse("complaints:act", args=[complaint.tracking_code, "release_spam"]),
            {"release_spam-note": "Laporan sungguhan"},
        )
        assert response.status_code == 302
        complaint.refresh_from_db()
        assert not complaint.held_as_spam


class ChallengeTests:
    def test_no_question_for_an_ordinary_citizen(self, client, pekalongan):
        body = client.get(reverse("complaints:new")).content.decode()
        assert 'name="challenge_token"' not in body

    def test_after_a_few_reports_from_one_address_a_question_is_asked(
        self, client, people, low_limits
    ):
        for i in range(2):
            response = post_form(client, reporter_phone=f"08123456789{i}")
            assert response.status_code == 302
        page = client.get(reverse("complaints:new")).content.decode()
        token, answer = question_of(page)
        # Sent without an answer (as a script would): asked again, nothing stored.
        response = post_form(client, reporter_phone="081299990000")
        assert response.status_code == 400
        assert Complaint.objects.count() == 2
        body = response.content.decode()
        assert "Jawab pertanyaan pengaman" in body and DESCRIPTION in body  # input kept
        token, answer = question_of(body)
        response = post_form(
            client, reporter_phone="081299990000", challenge_token=token, challenge_answer=answer
        )
        assert response.status_code == 302
        assert not Complaint.objects.latest("pk").held_as_spam

    def test_answers_in_words_count(self):
        challenge = spam.new_challenge()
        token = challenge.token
        a, op, b = re.search(
            r"Berapa (.+?) (ditambah|dikurangi) (.+?)\?", challenge.question
        ).groups()
        value = spam.WORDS.index(a) + (1 if op == "ditambah" else -1) * spam.WORDS.index(b)
        assert spam.check_challenge(token, f" {spam.WORDS[value].upper()}. ").passed

    def test_the_token_does_not_reveal_the_answer_and_solves_once(self):
        challenge = spam.new_challenge()
        from django.core import signing

        payload = signing.loads(challenge.token, salt=spam._SALT)
        assert set(payload) == {"n", "h", "t"}
        answers = [n for n in range(0, 19) if spam.check_challenge(challenge.token, str(n)).passed]
        assert len(answers) == 1
        assert not spam.check_challenge(challenge.token, str(answers[0])).passed  # replay

    def test_a_forged_token_fails(self):
        assert not spam.check_challenge("bukan-token", "8").passed

    def test_two_wrong_answers_hold_the_report_rather_than_lose_it(
        self, client, people, low_limits
    ):
        for i in range(2):
            post_form(client, reporter_phone=f"08123456789{i}")
        token, answer = question_of(client.get(reverse("complaints:new")).content.decode())
        wrong = str(int(answer) + 1)
        response = post_form(
            client, reporter_phone="081299990000", challenge_token=token, challenge_answer=wrong
        )
        assert response.status_code == 400
        assert "belum tepat" in response.content.decode()
        token, answer = question_of(response.content.decode())
        response = post_form(
            client,
            reporter_phone="081299990000",
            challenge_token=token,
            challenge_answer=str(int(answer) + 1),
        )
        assert response.status_code == 302
        complaint = Complaint.objects.latest("pk")
        assert complaint.held_as_spam and "pertanyaan pengaman" in complaint.spam_reason


class WebRateLimitTests:
    def test_too_many_reports_from_one_number_get_429_and_keep_the_input(
        self, client, people, low_limits
    ):
        low_limits.ADUAN_RATE_LIMITS = {**low_limits.ADUAN_RATE_LIMITS, "challenge_ip": ""}
        for _ in range(2):
            assert post_form(client).status_code == 302
        response = post_form(client)
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        body = response.content.decode()
        assert "Terlalu banyak laporan" in body and DESCRIPTION in body
        assert Complaint.objects.count() == 2

    def test_too_many_reports_from_one_address_get_429(self, client, people, low_limits):
        low_limits.ADUAN_RATE_LIMITS = {**low_limits.ADUAN_RATE_LIMITS, "challenge_ip": ""}
        for i in range(4):
            assert post_form(client, reporter_phone=f"08123456780{i}").status_code == 302
        response = post_form(client, reporter_phone="081234567809")
        assert response.status_code == 429
        # Another address is not affected.
        other = post_form(client, reporter_phone="081234567808", remote_addr="10.9.9.9")
        assert other.status_code == 302


class ApiRateLimitTests:
    def test_anonymous_submissions_are_limited_with_the_api_error_body(
        self, client, people, low_limits
    ):
        def create(phone):
            return client.post(
                "/api/v1/complaints/",
                {
                    "description": DESCRIPTION,
                    "privacy": "biasa",
                    "reporter_name": "Rina",
                    "reporter_phone": phone,
                },
                content_type="application/json",
                headers={"Accept-Language": "en"},
            )

        assert create("081234567890").status_code == 201
        assert create("081234567890").status_code == 201
        response = create("081234567890")
        assert response.status_code == 429
        assert response.json()["error"]["code"] == "throttled"
        assert "Too many reports" in response.json()["error"]["message"]
        assert int(response["Retry-After"]) > 0

    def test_open311_posts_are_limited_per_phone(self, client, people, low_limits):
        from aduan.api.models import ApiToken, Scope

        _token, key = ApiToken.issue(
            jurisdiction=people.jurisdiction, name="App", scopes=[Scope.OPEN311.value]
        )

        def post():
            return client.post(
                "/open311/v2/requests.json",
                {
                    "api_key": key,
                    "service_code": "jalan",
                    "lat": "-6.8886",
                    "long": "109.6753",
                    "description": DESCRIPTION,
                    "phone": "0812 3456 7890",
                    "first_name": "Rina",
                },
            )

        assert post().status_code == 200
        assert post().status_code == 200
        response = post()
        assert response.status_code == 429
        assert response.json()[0]["code"] == "429"
        assert response["Retry-After"]


class WhatsAppRateLimitTests:
    def test_a_flooding_number_is_not_handled_but_others_are(
        self,
        client,
        people,
        graph,  # noqa: F811 - the fixture imported from the intake tests
        low_limits,
    ):
        low_limits.ADUAN_RATE_LIMITS = {**low_limits.ADUAN_RATE_LIMITS, "whatsapp_sender": "3/h"}
        flood = [wa_message(text=f"pesan ke-{i} dari satu nomor") for i in range(5)]
        response = post_webhook(client, wa_payload(*flood))
        assert response.status_code == 200
        assert response.json()["outcomes"]["rate_limited"] == 2
        other = wa_message(text="Halo, saya mau lapor", number="6281399998888")
        response = post_webhook(client, wa_payload(other))
        assert "rate_limited" not in response.json()["outcomes"]
