"""GET servicerequestupdates (FixMyStreet's extension) and GET tokens/{token}."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
import xmltodict
from django.utils import timezone

from aduan.open311.tests.conftest import FORMATS, errors, items, read, url

pytestmark = pytest.mark.django_db


def updates(client, fmt="json", **params):
    response = client.get(url("servicerequestupdates", fmt), params)
    assert response.status_code == 200, response.content
    return items(response, fmt, "request_update")


class UpdatesTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_zero_one_and_many(self, client, submit, flow, fmt):
        response = client.get(url("servicerequestupdates", fmt))
        assert items(response, fmt, "request_update") == []
        if fmt == "xml":
            assert read(response, fmt).tag == "service_requests_updates"
            assert xmltodict.parse(response.content) == {"service_requests_updates": None}
        complaint = submit().complaint
        [one] = updates(client, fmt)
        assert one["service_request_id"] == complaint.tracking_code
        assert one["status"] == "FOR_TRIAGE"
        assert one["description"] == "Laporan diterima"
        assert one["updated_datetime"].endswith("+07:00")
        assert isinstance(one["update_id"], str)
        assert one["media_url"] is None
        if fmt == "xml":
            xml = client.get(url("servicerequestupdates", fmt)).content
            single = xmltodict.parse(xml)["service_requests_updates"]["request_update"]
            assert single["update_id"] == one["update_id"]
        flow.dispose(complaint)
        assert len(updates(client, fmt)) == 2

    def test_a_lifecycle_in_extended_statuses(self, client, submit, flow):
        complaint = flow.dispose(submit().complaint, note="Diteruskan ke Disdukcapil.")
        complaint = flow.request_info(complaint, "Mohon kirim nomor registrasi perekaman.")
        complaint = flow.add_info(complaint, "Nomor registrasi saya 12345, nama saya Siti.")
        flow.note(complaint, "Catatan internal: jangan dipublikasikan.")
        complaint = flow.follow_up(flow.start(complaint), "KTP-el sudah dicetak, ambil di kantor.")
        complaint = flow.reopen(complaint, "Saya sudah datang tapi belum ada.")
        complaint = flow.follow_up(flow.start(complaint), "Maaf, sekarang sudah tersedia.")
        from aduan.complaints import services

        services.complaint_resolve(complaint=complaint, actor=flow.people.officer_a)
        rows = updates(client)
        assert [(r["status"], r["description"]) for r in rows] == [
            ("FOR_TRIAGE", "Laporan diterima"),
            ("INVESTIGATING", "Diteruskan ke Disdukcapil."),
            ("INVESTIGATING", "Mohon kirim nomor registrasi perekaman."),
            ("INVESTIGATING", "Pelapor menambahkan informasi"),  # not what the reporter wrote
            ("IN_PROGRESS", "Mulai diproses"),
            ("IN_PROGRESS", "KTP-el sudah dicetak, ambil di kantor."),
            ("REOPEN", "Pelapor belum puas, dibuka kembali"),
            ("IN_PROGRESS", "Mulai diproses"),
            ("IN_PROGRESS", "Maaf, sekarang sudah tersedia."),
            ("FIXED", "Diselesaikan"),
        ]
        assert len({r["update_id"] for r in rows}) == len(rows)
        content = client.get(url("servicerequestupdates", "xml")).content.decode()
        for private in ("internal", "12345", "Siti", "sudah datang"):
            assert private not in content

    def test_closing_updates(self, client, submit, flow):
        flow.refer(submit().complaint, note="Silakan hubungi BPJS Kesehatan.")
        flow.archive(submit().complaint, reason="spam")
        flow.archive(submit().complaint, reason="tidak_lengkap")
        target = submit().complaint
        flow.merge(submit().complaint, into=target)
        closing = [r for r in updates(client) if r["status"] != "FOR_TRIAGE"]
        assert [(r["status"], r["description"]) for r in closing] == [
            ("NOT_COUNCILS_RESPONSIBILITY", "Silakan hubungi BPJS Kesehatan."),
            ("CLOSED", "Diarsipkan: Spam / tidak relevan"),
            ("NO_FURTHER_ACTION", "Diarsipkan: Tidak lengkap"),
            ("DUPLICATE", f"Digabung dengan laporan {target.tracking_code}."),
        ]

    def test_tapd_scheduling_is_action_scheduled(self, client, submit, flow):
        flow.schedule(flow.start(flow.dispose(submit().complaint)))
        rows = updates(client)
        assert [r["status"] for r in rows][-2:] == ["IN_PROGRESS", "ACTION_SCHEDULED"]
        assert rows[-1]["description"].startswith("Direncanakan (tahun anggaran")

    def test_the_window(self, client, submit, flow):
        with time_machine.travel(timezone.now() - timedelta(days=100), tick=False):
            old = submit().complaint
        flow.dispose(old)
        rows = updates(client)
        assert [r["description"] for r in rows] == ["Diverifikasi dan didisposisikan"]
        start = (timezone.now() - timedelta(days=101)).isoformat()
        end = (timezone.now() - timedelta(days=99)).isoformat()
        rows = updates(client, start_date=start, end_date=end)
        assert [r["description"] for r in rows] == ["Laporan diterima"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_window_over_90_days_is_400(self, client, pekalongan, fmt):
        response = client.get(
            url("servicerequestupdates", fmt),
            {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
        )
        assert response.status_code == 400
        errors(response, fmt)

    def test_updates_of_some_requests(self, client, submit):
        one = submit().complaint
        submit()
        rows = updates(client, service_request_id=one.tracking_code)
        assert [r["service_request_id"] for r in rows] == [one.tracking_code]

    def test_updates_are_capped_oldest_first(self, client, submit, settings):
        settings.ADUAN_OPEN311_MAX_ROWS = 2
        made = [submit().complaint.tracking_code for _ in range(3)]
        assert [r["service_request_id"] for r in updates(client)] == made[:2]


class TokenTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_token_is_the_request_id(self, client, submit, fmt):
        complaint = submit().complaint
        response = client.get(url(f"tokens/{complaint.tracking_code}", fmt))
        assert response.status_code == 200
        [row] = items(response, fmt, "request")
        assert row == {
            "service_request_id": complaint.tracking_code,
            "token": complaint.tracking_code,
        }
        if fmt == "xml":
            assert read(response, fmt).tag == "service_requests"

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_unknown_token_is_404(self, client, pekalongan, fmt):
        response = client.get(url("tokens/ADU-2026-424242", fmt))
        assert response.status_code == 404
        assert "token" in errors(response, fmt)[0]["description"]
