"""Two-factor authentication of staff: who must enrol, the enrolment, the verification step
after the password, recovery codes, and what a half-logged-in session may reach."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from aduan.accounts import twofactor
from conftest import PASSWORD

pytestmark = pytest.mark.usefixtures("second_factor_unverified")

LOGIN = "/akun/masuk/"
VERIFY = "/akun/verifikasi/"
SETUP = "/akun/dua-langkah/"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{value:06d}"


def login(client, user):
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return response


class TwoFactorRequirementTests:
    def test_verifier_supervisor_and_admin_must_enrol_officers_and_tapd_may(self, people):
        assert twofactor.required(people.verifier)
        assert twofactor.required(people.supervisor)
        assert twofactor.required(people.admin)
        assert not twofactor.required(people.officer_a)
        assert not twofactor.required(people.tapd)

    def test_the_flag_turns_the_requirement_off(self, people, settings):
        settings.ADUAN_2FA_REQUIRED = False
        assert not twofactor.required(people.verifier)

    def test_with_the_flag_off_a_verifier_works_with_the_password_alone(
        self, client, people, settings
    ):
        settings.ADUAN_2FA_REQUIRED = False
        login(client, people.verifier)
        assert client.get("/kerja/daftar/verifikasi/").status_code == 200

    def test_a_verifier_without_a_device_is_sent_to_enrol_before_anything_else(
        self, client, people
    ):
        login(client, people.verifier)
        for url in ("/kerja/", "/kerja/daftar/verifikasi/", "/kerja/kalender/", "/"):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(SETUP), url

    def test_a_half_logged_in_user_sees_no_staff_navigation(self, client, people):
        login(client, people.verifier)
        html = client.get(SETUP).content.decode()
        assert 'href="/kerja/notifikasi/"' not in html
        assert 'href="/kerja/kalender/"' not in html
        assert "/akun/keluar/" in html

    def test_the_api_answers_a_half_logged_in_session_with_json_403(self, client, people):
        login(client, people.verifier)
        response = client.get("/api/v1/complaints/")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "second_factor_required"

    def test_an_officer_without_a_device_works_with_the_password_alone(self, client, people):
        login(client, people.officer_a)
        assert client.get("/kerja/daftar/unit/").status_code == 200

    def test_an_officer_who_enrolled_is_asked_for_the_code(self, client, people):
        TOTPDevice.objects.create(user=people.officer_a, name="hp", confirmed=True)
        login(client, people.officer_a)
        response = client.get("/kerja/daftar/unit/")
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY)

    def test_the_setup_page_cannot_replace_a_device_without_its_code(self, client, people):
        TOTPDevice.objects.create(user=people.verifier, name="hp", confirmed=True)
        login(client, people.verifier)
        response = client.get(SETUP)
        assert response.status_code == 302 and response["Location"] == VERIFY
        response = client.post(SETUP, {"action": "confirm", "token": "123456"})
        assert response.status_code == 302 and response["Location"] == VERIFY
        assert TOTPDevice.objects.filter(user=people.verifier).count() == 1


class EnrolmentTests:
    def test_enrolment_shows_a_qr_code_and_the_key_and_ends_with_recovery_codes_shown_once(
        self, client, people
    ):
        login(client, people.verifier)
        page = client.get(SETUP)
        html = page.content.decode()
        assert page.status_code == 200
        assert "<svg" in html and 'id="otp-secret"' in html
        device = TOTPDevice.objects.get(user=people.verifier, confirmed=False)
        shown = re.search(r'id="otp-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
        assert shown == twofactor.secret_for_display(device).replace(" ", "")

        done = client.post(SETUP, {"action": "confirm", "token": code_for(device)})
        assert done.status_code == 302 and done["Location"] == reverse("accounts:recovery_codes")
        codes_page = client.get(done["Location"])
        codes = re.findall(r'<li class="code">(\w+)</li>', codes_page.content.decode())
        assert len(codes) == twofactor.RECOVERY_CODES
        assert codes_page["Cache-Control"] == "no-store"
        assert set(codes) == set(
            StaticToken.objects.filter(device__user=people.verifier).values_list("token", flat=True)
        )
        # Shown once: the page does not show them again.
        assert client.get(reverse("accounts:recovery_codes")).status_code == 302
        # The session is verified: the workspace opens.
        assert client.get("/kerja/daftar/verifikasi/").status_code == 200
        device.refresh_from_db()
        assert device.confirmed

    def test_a_wrong_code_is_refused_and_slows_down_the_next_attempts(self, client, people):
        login(client, people.verifier)
        client.get(SETUP)
        device = TOTPDevice.objects.get(user=people.verifier, confirmed=False)
        wrong = client.post(SETUP, {"action": "confirm", "token": "000000"})
        assert wrong.status_code == 400
        assert "Kode tidak cocok" in wrong.content.decode()
        # django-otp throttles the device after a failure: even the right code must wait.
        right = client.post(SETUP, {"action": "confirm", "token": code_for(device)})
        assert right.status_code == 400
        device.refresh_from_db()
        assert device.throttling_failure_count >= 1 and not device.confirmed

    def test_renewing_recovery_codes_replaces_the_old_ones(self, client, people):
        device = TOTPDevice.objects.create(user=people.verifier, name="hp", confirmed=True)
        old = twofactor.issue_recovery_codes(people.verifier)
        login(client, people.verifier)
        client.post(VERIFY, {"token": code_for(device)})
        response = client.post(SETUP, {"action": "codes"})
        assert response["Location"] == reverse("accounts:recovery_codes")
        new = set(
            StaticToken.objects.filter(device__user=people.verifier).values_list("token", flat=True)
        )
        assert len(new) == twofactor.RECOVERY_CODES and not new & set(old)


class VerificationTests:
    @pytest.fixture
    def enrolled(self, people):
        device = TOTPDevice.objects.create(user=people.supervisor, name="hp", confirmed=True)
        codes = twofactor.issue_recovery_codes(people.supervisor)
        return device, codes

    def test_after_the_password_the_code_opens_the_page_asked_for(self, client, people, enrolled):
        device, _codes = enrolled
        client.post(LOGIN, {"username": "dewi", "password": PASSWORD, "next": "/kerja/terlambat/"})
        response = client.get("/kerja/terlambat/")
        assert response["Location"] == f"{VERIFY}?next=%2Fkerja%2Fterlambat%2F"
        page = client.get(response["Location"])
        assert 'value="/kerja/terlambat/"' in page.content.decode()
        done = client.post(VERIFY, {"token": code_for(device), "next": "/kerja/terlambat/"})
        assert done.status_code == 302 and done["Location"] == "/kerja/terlambat/"
        assert client.get("/kerja/terlambat/").status_code == 200

    def test_a_wrong_code_is_refused_in_bahasa_indonesia(self, client, people, enrolled):
        login(client, people.supervisor)
        response = client.post(VERIFY, {"token": "123456"})
        assert response.status_code == 400
        assert "Kode salah atau sudah kedaluwarsa" in response.content.decode()
        assert client.get("/kerja/terlambat/").status_code == 302

    def test_a_recovery_code_works_once(self, client, people, enrolled):
        _device, codes = enrolled
        login(client, people.supervisor)
        response = client.post(VERIFY, {"token": codes[0]}, follow=True)
        assert response.status_code == 200
        assert "Sisa kode: 9" in response.content.decode()
        client.post("/akun/keluar/")
        login(client, people.supervisor)
        assert client.post(VERIFY, {"token": codes[0]}).status_code == 400

    def test_next_may_not_lead_to_another_site(self, client, people, enrolled):
        device, _codes = enrolled
        login(client, people.supervisor)
        done = client.post(VERIFY, {"token": code_for(device), "next": "https://jahat.example/"})
        assert done["Location"] == reverse("complaints:workspace")

    def test_test_client_logins_count_as_verified_unless_asked_otherwise(self, people):
        from django.test import Client

        from aduan.accounts import testing

        testing.state["verify_test_logins"] = True
        try:
            client = Client()
            client.force_login(people.admin)
            assert client.get("/akun/audit/identitas/").status_code == 200
        finally:
            testing.state["verify_test_logins"] = False
