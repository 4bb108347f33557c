"""The map's data carries no identity and only what the user may see; the PDF reports;
the monthly e-mail queued once."""

from __future__ import annotations

import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from aduan.notifications.choices import MessageKind
from aduan.notifications.delivery import deliver_batch
from aduan.notifications.models import OutboxMessage
from aduan.reports.models import MonthlyReportDispatch
from aduan.reports.tasks import monthly_report_task
from conftest import PASSWORD, wib

pytestmark = pytest.mark.django_db

PERIOD = "dari=2026-01&sampai=2026-12"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def map_data(client, query: str = PERIOD) -> dict:
    response = client.get(reverse("reports:map_data") + "?" + query)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    return json.loads(response.content)


class TestMapData:
    IDENTITY = ("Siti", "0812", "siti@example.org")

    def test_markers_never_carry_the_reporters_identity(self, client, people, history):
        for user in (people.verifier, people.supervisor, people.tapd, people.officer_a):
            login(client, user)
            text = json.dumps(map_data(client))
            for value in self.IDENTITY:
                assert value not in text, (user, value)

    def test_an_officer_sees_only_their_units_points(self, client, people, history):
        login(client, people.officer_b)  # DPUPR: the rahasia complaint is at Disdukcapil
        data = map_data(client)
        assert data["markers"] == []
        assert sum(a["n"] for a in data["areas"]) == 2  # DPUPR's two complaints
        login(client, people.officer_a)
        codes = [m["code"] for m in map_data(client)["markers"]]
        assert codes == [history.rahasia.tracking_code]

    def test_kelurahan_are_approximate_circles_with_totals_and_lists(self, client, people, history):
        login(client, people.supervisor)
        data = map_data(client, PERIOD + "&status=terbuka")
        assert len(data["areas"]) == 27
        assert all(a["approximate"] for a in data["areas"])
        tirto = next(a for a in data["areas"] if a["name"] == "Tirto")
        assert tirto["n"] == 1 and "status=terbuka" in tirto["url"]
        assert sum(a["n"] for a in data["areas"]) == 6  # open complaints of 2026

    def test_the_map_page_names_its_tiles_and_works_without(self, client, people, settings):
        login(client, people.supervisor)
        settings.ADUAN_MAP_TILES = ""
        page = client.get(reverse("reports:map")).content.decode()
        assert 'data-tiles=""' in page and "leaflet.js" in page
        assert "Peta dasar tidak dipasang" in page

    def test_query_count_is_fixed(self, client, people, history, django_assert_max_num_queries):
        login(client, people.supervisor)
        map_data(client)
        with django_assert_max_num_queries(10):
            map_data(client)

    def test_the_public_never_gets_map_data(self, client, history):
        response = client.get(reverse("reports:map_data"))
        assert response.status_code == 302


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


class TestPdfReports:
    def test_monthly_report_download(self, client, people, history):
        login(client, people.supervisor)
        response = client.get(reverse("reports:pdf_monthly") + "?bulan=2026-10")
        assert response["Content-Type"] == "application/pdf"
        assert "laporan-bulanan-2026-10.pdf" in response["Content-Disposition"]
        text = pdf_text(response.content)
        assert "Laporan Bulanan Pengelolaan Pengaduan" in text
        assert "Oktober 2026" in text
        assert "Laporan diterima\n8" in text or "Laporan diterima 8" in text
        assert "Tirto" in text and "Siti" not in text

    def test_annual_report_for_the_ombudsman(self, client, people, history):
        login(client, people.supervisor)
        response = client.get(reverse("reports:pdf_annual") + "?tahun=2026&untuk=ombudsman")
        text = pdf_text(response.content)
        assert "Laporan Tahunan" in text and "Ombudsman" in text and "Tahun 2026" in text

    def test_officers_cannot_download_reports(self, client, people):
        login(client, people.officer_a)
        assert client.get(reverse("reports:pdf_monthly")).status_code == 403

    def test_command_writes_the_pdf(self, people, history, tmp_path, capsys):
        target = tmp_path / "laporan.pdf"
        call_command("reports", "monthly", "--month", "2026-10", "--output", str(target))
        assert "Oktober 2026" in pdf_text(target.read_bytes())
        call_command("reports", "annual", "--year", "2026", "--output", str(target))
        assert "Tahun 2026" in pdf_text(target.read_bytes())

    def test_command_refuses_a_bad_month(self, pekalongan, tmp_path):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError, match="TTTT-BB"):
            call_command(
                "reports", "monthly", "--month", "10-2026", "--output", str(tmp_path / "x")
            )


class TestMonthlyEmail:
    def leaders(self, people):
        people.supervisor.email = "pimpinan@example.org"
        people.supervisor.save()

    def test_queued_once_on_the_first_working_day_and_sent_with_the_pdf(
        self, people, history, settings
    ):
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        self.leaders(people)
        # 1 November 2026 is a Sunday: the first working day is Monday the 2nd.
        assert monthly_report_task(now=wib(2026, 11, 1, 9)) == 0
        assert monthly_report_task(now=wib(2026, 11, 2, 7)) == 1
        assert monthly_report_task(now=wib(2026, 11, 2, 7, 1)) == 0
        assert monthly_report_task(now=wib(2026, 11, 20, 7)) == 0
        (message,) = OutboxMessage.objects.filter(kind=MessageKind.MONTHLY_REPORT)
        assert message.to_address == "pimpinan@example.org"
        assert "Oktober 2026" in message.subject
        assert MonthlyReportDispatch.objects.get().recipients == 1
        deliver_batch(worker_id="uji")
        (sent,) = [m for m in mail.outbox if m.subject.startswith("Laporan bulanan")]
        (name, content, mimetype) = sent.attachments[0]
        assert name.endswith(".pdf") and mimetype == "application/pdf"
        assert "Oktober 2026" in pdf_text(content)

    def test_the_command_does_not_send_twice(self, people, history, capsys):
        self.leaders(people)
        call_command("reports", "send-monthly", "--month", "2026-10")
        call_command("reports", "send-monthly", "--month", "2026-10")
        out = capsys.readouterr().out
        assert "diantrekan ke 1 pimpinan" in out and "sudah pernah dikirim" in out
        assert OutboxMessage.objects.filter(kind=MessageKind.MONTHLY_REPORT).count() == 1
