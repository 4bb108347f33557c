"""Passwords (Argon2), lockout after repeated failures, the idle timeout, and the audit of
identity views."""

from __future__ import annotations

import importlib
import time

import pytest
import time_machine
from django.contrib.auth.hashers import check_password, make_password
from django.urls import reverse

from aduan.accounts.models import IdentitySurface, IdentityView
from conftest import PASSWORD

LOGIN = "/akun/masuk/"


class PasswordHashingTests:
    def test_production_settings_hash_with_argon2_first(self):
        production = importlib.import_module("aduan.settings")
        assert production.PASSWORD_HASHERS[0] == (
            "django.contrib.auth.hashers.Argon2PasswordHasher"
        )

    def test_new_passwords_are_argon2_and_old_pbkdf2_hashes_are_upgraded_at_login(
        self, people, settings, client
    ):
        production = importlib.import_module("aduan.settings")
        settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
        assert make_password("rahasia-sekali").startswith("argon2$")
        user = people.officer_a
        old = make_password(PASSWORD, hasher="pbkdf2_sha256")
        type(user).objects.filter(pk=user.pk).update(password=old)
        response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
        assert response.status_code == 302
        user.refresh_from_db()
        assert user.password.startswith("argon2$")
        assert check_password(PASSWORD, user.password)


class LockoutTests:
    def attempt(self, client, username, password="salah-sandi", ip="10.0.0.1"):  # noqa: S107
        return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)

    def test_five_failures_lock_the_username_from_that_address_with_a_clear_message(
        self, client, people, settings
    ):
        settings.AXES_FAILURE_LIMIT = 5
        for _ in range(4):
            response = self.attempt(client, "budi")
            assert response.status_code == 200
            assert "Nama pengguna atau kata sandi salah" in response.content.decode()
        locked = self.attempt(client, "budi")
        assert locked.status_code == 429
        html = locked.content.decode()
        assert "Terlalu banyak percobaan masuk yang gagal" in html
        assert "15 menit" in html
        # Even the right password is refused while locked.
        assert self.attempt(client, "budi", PASSWORD).status_code == 429
        # Another address, or another username, is not locked.
        assert self.attempt(client, "budi", PASSWORD, ip="10.0.0.2").status_code == 302

    def test_the_lock_ends_after_the_cool_off(self, client, people, settings):
        settings.AXES_FAILURE_LIMIT = 3
        for _ in range(3):
            self.attempt(client, "budi")
        assert self.attempt(client, "budi", PASSWORD).status_code == 429
        with time_machine.travel(time.time() + 16 * 60):
            assert self.attempt(client, "budi", PASSWORD).status_code == 302

    def test_a_success_resets_the_count(self, client, people, settings):
        settings.AXES_FAILURE_LIMIT = 3
        self.attempt(client, "budi")
        self.attempt(client, "budi")
        assert self.attempt(client, "budi", PASSWORD).status_code == 302
        client.post("/akun/keluar/", REMOTE_ADDR="10.0.0.1")
        self.attempt(client, "budi")
        self.attempt(client, "budi")
        assert self.attempt(client, "budi", PASSWORD).status_code == 302

    def test_the_django_admin_login_is_counted_too(self, client, people, settings):
        settings.AXES_FAILURE_LIMIT = 3
        for _ in range(3):
            client.post(
                "/admin/login/", {"username": "fajar", "password": "salah"}, REMOTE_ADDR="10.0.0.9"
            )
        response = self.attempt(client, "fajar", PASSWORD, ip="10.0.0.9")
        assert response.status_code == 429

    def test_the_lockout_page_is_in_english_too(self, client, people, settings):
        settings.AXES_FAILURE_LIMIT = 1
        client.cookies["django_language"] = "en"
        response = self.attempt(client, "budi")
        assert response.status_code == 429
        assert "Too many failed login attempts" in response.content.decode()


class IdleTimeoutTests:
    @pytest.fixture(autouse=True)
    def production_timeouts(self, settings):
        settings.ADUAN_SESSION_IDLE_MINUTES = 30
        settings.SESSION_COOKIE_AGE = 12 * 3600

    def test_thirty_idle_minutes_end_the_session(self, client, people):
        with time_machine.travel(time.time(), tick=False) as clock:
            client.force_login(people.officer_a)
            assert client.get("/kerja/daftar/unit/").status_code == 200
            clock.shift(29 * 60)
            assert client.get("/kerja/daftar/unit/").status_code == 200
            clock.shift(29 * 60)  # active a minute ago: still in
            assert client.get("/kerja/daftar/unit/").status_code == 200
            clock.shift(31 * 60)
            response = client.get("/kerja/daftar/unit/")
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:login"))
            page = client.get(response["Location"])
            assert "Sesi Anda berakhir karena tidak ada aktivitas" in page.content.decode()
            assert client.get("/kerja/daftar/unit/").status_code == 302

    def test_the_notification_bell_polling_does_not_keep_the_session_alive(self, client, people):
        with time_machine.travel(time.time(), tick=False) as clock:
            client.force_login(people.officer_a)
            answers = []
            for _ in range(40):
                clock.shift(60)
                answers.append(
                    client.get(
                        "/kerja/notifikasi/lonceng/", HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="bell"
                    )
                )
            # The poll after the 30th idle minute ends the session and sends the page to the
            # login (htmx follows HX-Redirect); the polls after it find no session.
            assert [a.status_code for a in answers[:30]] == [200] * 30
            assert answers[30].status_code == 204
            assert answers[30]["HX-Redirect"] == reverse("accounts:login")
            assert client.get("/kerja/daftar/unit/").status_code == 302


class IdentityAuditTests:
    @pytest.fixture
    def complaint(self, people, submit):
        from aduan.complaints import services

        result = submit()
        return services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )

    def test_each_view_of_an_identity_is_recorded_once_a_day_with_a_count(
        self, client, people, complaint
    ):
        client.force_login(people.officer_a)
        url = reverse("complaints:detail", args=[complaint.tracking_code])
        client.get(url)
        client.get(url)
        client.get(f"/api/v1/complaints/{complaint.tracking_code}/")
        rows = {r.surface: r for r in IdentityView.objects.filter(complaint=complaint)}
        assert set(rows) == {IdentitySurface.PAGE, IdentitySurface.API}
        page = rows[IdentitySurface.PAGE]
        assert (page.user, page.count) == (people.officer_a, 2)
        assert page.first_seen <= page.last_seen
        assert rows[IdentitySurface.API].count == 1

    def test_a_new_day_starts_a_new_row(self, client, people, complaint):
        client.force_login(people.verifier)
        url = reverse("complaints:detail", args=[complaint.tracking_code])
        with time_machine.travel("2026-11-02 10:00 +0700", tick=False):
            client.get(url)
        with time_machine.travel("2026-11-03 10:00 +0700", tick=False):
            client.get(url)
        assert IdentityView.objects.filter(user=people.verifier, complaint=complaint).count() == 2

    def test_who_may_not_see_the_identity_leaves_no_record(self, client, people, complaint):
        for user in (people.supervisor, people.tapd):
            client.force_login(user)
            assert (
                client.get(reverse("complaints:detail", args=[complaint.tracking_code])).status_code
                == 200
            )
        assert not IdentityView.objects.exists()

    def test_administrators_read_the_audit_and_no_one_else(self, client, people, complaint):
        client.force_login(people.officer_a)
        client.get(reverse("complaints:detail", args=[complaint.tracking_code]))
        for user in (people.verifier, people.supervisor, people.officer_a):
            client.force_login(user)
            assert client.get("/akun/audit/identitas/").status_code == 403
        client.force_login(people.admin)
        page = client.get("/akun/audit/identitas/", {"kode": complaint.tracking_code})
        html = page.content.decode()
        assert page.status_code == 200
        assert complaint.tracking_code in html and "(budi)" in html
        other = client.get("/akun/audit/identitas/", {"pengguna": "alice"}).content.decode()
        assert "(budi)" not in other
