"""The calendar page at /kerja/kalender/: everyone reads, verifiers and admins edit."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aduan.sla import services
from aduan.sla.models import CalendarDay
from conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("early_2026")]

URL = "/kerja/kalender/"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


class CalendarPageTests:
    def test_the_url(self):
        assert reverse("sla:calendar") == URL

    def test_it_needs_a_login(self, client, pekalongan):
        response = client.get(URL)
        assert response.status_code == 302
        assert "/akun/" in response["Location"]

    def test_it_shows_each_days_source(self, client, people):
        html = page(login(client, people.officer_a), tahun=2026)
        assert "Kalender kerja 2026" in html
        assert "Cuti Bersama Hari Suci Nyepi" in html
        assert 'data-source="cuti_bersama">Cuti bersama<' in html
        assert 'data-source="libur_nasional">Libur nasional<' in html
        assert "Rabu, 18 Maret 2026" in html
        assert 'data-source="weekend"' not in html  # plain weekends are hidden by default
        assert "16:00 WIB" in html

    def test_weekends_on_request(self, client, people):
        html = page(login(client, people.officer_a), tahun=2026, akhir_pekan=1)
        assert 'data-source="weekend">Akhir pekan<' in html

    def test_an_officer_reads_only(self, client, people):
        html = page(login(client, people.officer_a), tahun=2026)
        assert 'name="action"' not in html
        assert "Hanya verifikator dan administrator" in html

    def test_an_admin_sees_the_forms(self, client, people):
        html = page(login(client, people.admin), tahun=2026)
        assert 'value="add"' in html and 'value="working"' in html

    @time_machine.travel("2026-02-01 09:00 +0700", tick=False)
    def test_this_year_by_default_and_on_a_bad_year(self, client, people):
        login(client, people.officer_a)
        assert "Kalender kerja 2026" in page(client)
        assert "Kalender kerja 2026" in page(client, tahun="dua ribu")
        assert "Kalender kerja 2026" in page(client, tahun=1900)

    def test_another_jurisdictions_local_day_is_not_shown(self, client, people, batang):
        services.calendar_day_add(
            jurisdiction=batang, date=date(2026, 2, 3), kind="local", name="Hari Batang", actor=None
        )
        assert "Hari Batang" not in page(login(client, people.admin), tahun=2026)

    def test_a_user_without_a_jurisdiction_is_refused(self, client, django_user_model, db):
        django_user_model.objects.create_user("tamu", password=PASSWORD)
        login(client, django_user_model.objects.get(username="tamu"))
        assert client.get(URL).status_code == 403

    def test_the_query_count_is_pinned(self, client, people):
        login(client, people.admin)

        def queries() -> list[str]:
            with CaptureQueriesContext(connection) as captured:
                page(client, tahun=2026)
            return [q["sql"] for q in captured.captured_queries]

        queries()  # warm the calendar cache
        baseline = queries()
        for day in (3, 4, 5, 6):
            services.calendar_day_add(
                jurisdiction=people.jurisdiction,
                date=date(2026, 2, day),
                kind="local",
                name=f"Hari {day}",
                actor=None,
            )
        queries()  # the calendar is rebuilt once after the change
        after = queries()
        assert len(after) == len(baseline)
        # The user's jurisdiction and the year's overrides (the calendar's version is read
        # every few seconds, aduan.lib.refcache); the rest (session, user, the page layout)
        # belongs to the base template.
        own = [q for q in after if "sla_calendarday" in q or "organisation_jurisdiction" in q]
        assert len(own) == 2


class CalendarPagePostTests:
    def test_an_admin_adds_a_local_day(self, client, people):
        login(client, people.admin)
        response = client.post(
            f"{URL}?tahun=2026",
            {
                "action": "add",
                "date": "2026-02-03",
                "kind": "local",
                "name": "Hari Jadi Kota Pekalongan",
                "note": "Perda",
            },
        )
        assert response.status_code == 302
        assert response["Location"] == f"{URL}?tahun=2026"
        row = CalendarDay.objects.get()
        assert (row.jurisdiction, row.kind, row.created_by) == (
            people.jurisdiction,
            "local",
            people.admin,
        )
        html = page(client, tahun=2026)
        assert "Hari Jadi Kota Pekalongan" in html
        assert 'data-source="lokal">Libur lokal<' in html
        assert "ditambahkan sebagai hari libur" in html

    def test_a_verifier_marks_a_listed_day_as_working(self, client, people):
        login(client, people.verifier)
        response = client.post(
            f"{URL}?tahun=2026", {"action": "working", "date": "2026-03-24", "note": "SKB baru"}
        )
        assert response.status_code == 302
        row = CalendarDay.objects.get()
        assert (row.kind, row.name, row.note) == (
            "working",
            "Cuti Bersama Hari Raya Idul Fitri",
            "SKB baru",
        )
        html = page(client, tahun=2026)
        assert "Tetap hari kerja" in html and "Kembalikan sebagai libur" in html

    def test_an_admin_removes_a_day(self, client, people):
        services.calendar_day_add(
            jurisdiction=people.jurisdiction,
            date=date(2026, 2, 3),
            kind="local",
            name="Hari Jadi",
            actor=None,
        )
        login(client, people.admin)
        response = client.post(f"{URL}?tahun=2026", {"action": "remove", "date": "2026-02-03"})
        assert response.status_code == 302
        assert not CalendarDay.objects.exists()

    def test_an_officer_is_refused(self, client, people):
        login(client, people.officer_a)
        response = client.post(
            URL, {"action": "add", "date": "2026-02-03", "kind": "local", "name": "X"}
        )
        assert response.status_code == 403
        assert not CalendarDay.objects.exists()

    def test_a_missing_name_is_explained(self, client, people):
        login(client, people.admin)
        response = client.post(URL, {"action": "add", "date": "2026-02-03", "kind": "local"})
        assert response.status_code == 400
        # Django's own wording, or the one a later app's catalogue gives the same message
        assert "name" in response.context["add_form"].errors
        assert "Bidang ini" in response.content.decode()
        assert not CalendarDay.objects.exists()

    def test_a_day_already_off_is_explained(self, client, people):
        login(client, people.admin)
        response = client.post(
            URL, {"action": "add", "date": "2026-03-19", "kind": "local", "name": "X"}
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "sudah hari libur: Hari Suci Nyepi (Libur nasional)" in html

    def test_a_failed_row_action_comes_back_as_a_message(self, client, people):
        login(client, people.admin)
        response = client.post(
            f"{URL}?tahun=2026", {"action": "remove", "date": "2026-02-03"}, follow=True
        )
        assert "Tidak ada pengaturan untuk tanggal 03-02-2026" in response.content.decode()

    def test_an_unknown_action_is_explained(self, client, people):
        login(client, people.admin)
        response = client.post(f"{URL}?tahun=2026", {"action": "hapus-semua"}, follow=True)
        assert "Tindakan tidak dikenal" in response.content.decode()


class CalendarPageLanguageTests:
    def test_the_page_in_english(self, client, people, settings):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        html = page(login(client, people.admin), tahun=2026)
        assert "Working calendar 2026" in html
        assert 'data-source="cuti_bersama">Collective leave<' in html
        assert "Make it a working day" in html
        assert "Kalender kerja" not in html

    def test_errors_in_english(self, client, people, settings):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        login(client, people.admin)
        response = client.post(
            URL, {"action": "add", "date": "2026-03-19", "kind": "local", "name": "X"}
        )
        assert "is already a holiday: Hari Suci Nyepi (National holiday)" in (
            response.content.decode()
        )


class CalendarPageYearsTests:
    def test_the_year_links_stop_at_the_settable_years(self, client, people):
        login(client, people.officer_a)
        html = page(client, tahun=2031)
        assert "?tahun=2030" in html and "?tahun=2032" not in html
        assert "?tahun=2020" not in page(client, tahun=2021)
