"""GET requests and GET requests/{id}: fields, filters, caps, status mapping, extensions."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
import xmltodict
from django.utils import timezone

from aduan.complaints.models import Complaint
from aduan.open311.tests.conftest import FORMATS, errors, items, read, url
from conftest import wib

pytestmark = pytest.mark.django_db

W3C_WITH_ZONE = "%Y-%m-%dT%H:%M:%S%z"


def parse_w3c(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    assert moment.tzinfo is not None, value
    return moment


def codes(response, fmt) -> list[str]:
    return [r["service_request_id"] for r in items(response, fmt, "request")]


class RequestListShapeTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_zero_requests(self, client, pekalongan, fmt):
        response = client.get(url("requests", fmt))
        assert response.status_code == 200
        assert items(response, fmt, "request") == []
        if fmt == "xml":
            assert read(response, fmt).tag == "service_requests"
            assert xmltodict.parse(response.content) == {"service_requests": None}
        else:
            assert response.content == b"[]"

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_one_request_has_every_field(self, client, submit, fmt):
        complaint = submit(
            latitude=-6.8886,
            longitude=109.6753,
            address="Jl. Merdeka No. 5",
            media_url="https://foto.example.org/1.jpg",
        ).complaint
        response = client.get(url("requests", fmt))
        [row] = items(response, fmt, "request")
        assert row["service_request_id"] == complaint.tracking_code
        assert row["status"] == "open"
        assert row["status_notes"].startswith("Baru (belum terverifikasi)")
        assert row["service_code"] == "adminduk"
        assert row["service_name"] == "Administrasi Kependudukan"
        assert row["description"] == complaint.description
        assert row["agency_responsible"] == "Dinas Komunikasi dan Informatika"  # verifies
        assert row["address"] == "Jl. Merdeka No. 5, Kel. Medono"
        assert str(row["lat"]) == "-6.8886"
        assert str(row["long"]) == "109.6753"
        assert row["media_url"] == "https://foto.example.org/1.jpg"
        assert row["service_notice"] is None
        assert row["address_id"] is None and row["zipcode"] is None
        requested = parse_w3c(row["requested_datetime"])
        assert requested == complaint.submitted_at.replace(microsecond=0)
        assert row["requested_datetime"].endswith("+07:00")
        assert parse_w3c(row["updated_datetime"]) >= requested
        assert parse_w3c(row["expected_datetime"]) > requested
        if fmt == "xml":
            one = xmltodict.parse(response.content)["service_requests"]["request"]
            assert one["service_request_id"] == complaint.tracking_code  # a dict, not a list

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_many_requests_newest_first(self, client, submit, fmt):
        made = [submit().complaint.tracking_code for _ in range(3)]
        response = client.get(url("requests", fmt))
        assert codes(response, fmt) == made[::-1]
        if fmt == "xml":
            rows = xmltodict.parse(response.content)["service_requests"]["request"]
            assert isinstance(rows, list) and len(rows) == 3
        else:
            assert all(isinstance(r["service_request_id"], str) for r in response.json())

    def test_expected_datetime_is_the_sla_target(self, client, submit, flow):
        from aduan.sla.clocks import expected_completion

        complaint = flow.dispose(submit().complaint)
        [row] = client.get(url("requests", "json")).json()
        expected = parse_w3c(row["expected_datetime"])
        assert expected == expected_completion(complaint).replace(microsecond=0)
        assert expected == complaint.resolution_due_at.replace(microsecond=0)
        assert row["agency_responsible"] == "Dinas Kependudukan dan Pencatatan Sipil"

    def test_control_characters_do_not_break_the_xml(self, client, submit):
        submit(description="Jalan berlubang\x0b besar di depan pasar\x1b sejak minggu lalu.")
        response = client.get(url("requests", "xml"))
        [row] = items(response, "xml", "request")
        assert row["description"] == "Jalan berlubang besar di depan pasar sejak minggu lalu."


class RequestDetailTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_one_request_is_a_list_of_one(self, client, submit, fmt):
        complaint = submit().complaint
        response = client.get(url(f"requests/{complaint.tracking_code}", fmt))
        assert response.status_code == 200
        data = read(response, fmt)
        if fmt == "json":
            assert isinstance(data, list) and len(data) == 1
            assert data[0]["service_request_id"] == complaint.tracking_code
        else:
            assert data.tag == "service_requests"
            [row] = items(response, fmt, "request")
            assert row["service_request_id"] == complaint.tracking_code

    def test_the_code_is_case_insensitive(self, client, submit):
        complaint = submit().complaint
        response = client.get(url(f"requests/{complaint.tracking_code.lower()}", "json"))
        assert response.json()[0]["service_request_id"] == complaint.tracking_code

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_unknown_request_is_404(self, client, pekalongan, fmt):
        response = client.get(url("requests/ADU-2026-999999", fmt))
        assert response.status_code == 404
        assert "ADU-2026-999999" in errors(response, fmt)[0]["description"]

    def test_old_requests_are_still_found_by_id(self, client, submit):
        with time_machine.travel(timezone.now() - timedelta(days=400), tick=False):
            old = submit().complaint
        response = client.get(url(f"requests/{old.tracking_code}", "json"))
        assert response.status_code == 200


class RequestFilterTests:
    def test_service_request_id_list_overrides_every_other_filter(self, client, submit, flow):
        with time_machine.travel(timezone.now() - timedelta(days=200), tick=False):
            old = submit().complaint
        closed = flow.resolve(submit(category="kesehatan").complaint)
        submit()  # not asked for
        response = client.get(
            url("requests", "json"),
            {
                "service_request_id": f"{old.tracking_code},{closed.tracking_code}",
                "status": "open",
                "service_code": "jalan",
                "start_date": "2020-01-01T00:00:00Z",
                "end_date": "2021-01-01T00:00:00Z",
            },
        )
        assert response.status_code == 200
        assert set(codes(response, "json")) == {old.tracking_code, closed.tracking_code}

    def test_service_request_id_ignores_unknown_ids(self, client, submit):
        complaint = submit().complaint
        response = client.get(
            url("requests", "json"),
            {"service_request_id": f"ADU-1999-000001, {complaint.tracking_code} ,"},
        )
        assert codes(response, "json") == [complaint.tracking_code]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_service_code_list(self, client, submit, fmt):
        adminduk = submit().complaint
        jalan = submit(category="jalan").complaint
        submit(category="sampah")
        response = client.get(url("requests", fmt), {"service_code": "adminduk,jalan"})
        assert set(codes(response, fmt)) == {adminduk.tracking_code, jalan.tracking_code}
        response = client.get(url("requests", fmt), {"service_code": "tidak-ada"})
        assert codes(response, fmt) == []

    def test_status_list(self, client, submit, flow):
        open_one = submit().complaint
        closed = flow.refer(submit().complaint)
        get = lambda status: set(  # noqa: E731
            codes(client.get(url("requests", "json"), {"status": status}), "json")
        )
        assert get("open") == {open_one.tracking_code}
        assert get("closed") == {closed.tracking_code}
        assert get("open,closed") == get("") == {open_one.tracking_code, closed.tracking_code}
        assert get("CLOSED") == {closed.tracking_code}

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_unknown_status_is_400(self, client, pekalongan, fmt):
        response = client.get(url("requests", fmt), {"status": "open,fixed"})
        assert response.status_code == 400
        assert "fixed" in errors(response, fmt)[0]["description"]

    def test_the_default_window_is_the_latest_90_days(self, client, submit):
        with time_machine.travel(timezone.now() - timedelta(days=91), tick=False):
            submit()
        with time_machine.travel(timezone.now() - timedelta(days=89), tick=False):
            recent = submit().complaint
        assert codes(client.get(url("requests", "json")), "json") == [recent.tracking_code]

    def test_start_and_end_date_select_requested_datetime(self, client, submit):
        with time_machine.travel(wib(2026, 3, 10, 9), tick=False):
            march = submit().complaint
        with time_machine.travel(wib(2026, 5, 10, 9), tick=False):
            may = submit().complaint
        get = lambda **params: codes(client.get(url("requests", "json"), params), "json")  # noqa: E731
        assert get(start_date="2026-03-01T00:00:00+07:00", end_date="2026-03-31T00:00:00Z") == [
            march.tracking_code
        ]
        # only a start: 90 days from it
        assert get(start_date="2026-03-01T00:00:00Z") == [may.tracking_code, march.tracking_code]
        assert get(start_date="2026-03-11T00:00:00Z") == [may.tracking_code]
        # only an end: 90 days before it
        assert get(end_date="2026-04-01T00:00:00Z") == [march.tracking_code]
        # an offset whose "+" the client forgot to encode arrives as a space
        assert get(start_date="2026-03-10T09:00:00 07:00", end_date="2026-03-10T09:00:00Z") == [
            march.tracking_code
        ]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_window_over_90_days_is_400(self, client, pekalongan, fmt):
        response = client.get(
            url("requests", fmt),
            {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-04-01T00:00:01Z"},
        )
        assert response.status_code == 400
        assert "90" in errors(response, fmt)[0]["description"]
        response = client.get(
            url("requests", fmt),
            {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-04-01T00:00:00Z"},
        )
        assert response.status_code == 200

    @pytest.mark.parametrize(
        "params",
        [
            {"start_date": "kemarin"},
            {"end_date": "2026-13-01T00:00:00Z"},
            {"start_date": "2026-03-02T00:00:00Z", "end_date": "2026-03-01T00:00:00Z"},
            {"page": "0"},
            {"page_size": "x"},
        ],
    )
    def test_bad_parameters_are_400(self, client, pekalongan, params):
        response = client.get(url("requests", "json"), params)
        assert response.status_code == 400
        errors(response, "json")

    def test_empty_parameters_are_absent(self, client, submit):
        complaint = submit().complaint
        params = {
            "service_request_id": "",
            "service_code": "",
            "status": "",
            "start_date": "",
            "end_date": "",
            "jurisdiction_id": "",
        }
        assert codes(client.get(url("requests", "json"), params), "json") == [
            complaint.tracking_code
        ]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_rows_are_capped(self, client, submit, settings, fmt):
        settings.ADUAN_OPEN311_MAX_ROWS = 3
        made = [submit().complaint.tracking_code for _ in range(5)]
        response = client.get(url("requests", fmt))
        assert codes(response, fmt) == made[::-1][:3]
        ids = ",".join(made)
        assert len(codes(client.get(url("requests", fmt), {"service_request_id": ids}), fmt)) == 3
        response = client.get(url("requests", fmt), {"page_size": "50"})
        assert len(codes(response, fmt)) == 3

    def test_pages(self, client, submit):
        made = [submit().complaint.tracking_code for _ in range(5)][::-1]
        get = lambda **params: codes(client.get(url("requests", "json"), params), "json")  # noqa: E731
        assert get(page_size="2") == made[:2]
        assert get(page_size="2", page="2") == made[2:4]
        assert get(page_size="2", page="3") == made[4:]
        assert get(page_size="2", page="4") == []

    def test_the_list_reads_in_constant_queries(
        self, client, submit, flow, django_assert_max_num_queries
    ):
        for _ in range(2):
            flow.dispose(submit().complaint)
        with django_assert_max_num_queries(6) as few:
            client.get(url("requests", "json"), {"extensions": "true"})
        for _ in range(5):
            flow.follow_up(flow.start(flow.dispose(submit().complaint)))
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(url("requests", "json"), {"extensions": "true"})
        assert len(response.json()) == 7


class StatusMappingTests:
    def test_closed_statuses(self, client, submit, flow):
        resolved = flow.resolve(submit().complaint)
        referred = flow.refer(submit().complaint, note="Silakan hubungi kantor BPJS Kesehatan.")
        spam = flow.archive(
            submit(description="Beli pulsa murah di toko kami, hubungi segera!").complaint
        )
        incomplete = flow.archive(submit().complaint, reason="tidak_lengkap")
        target = submit().complaint
        merged = flow.merge(submit().complaint, into=target)
        rows = {r["service_request_id"]: r for r in client.get(url("requests", "json")).json()}

        for c in (resolved, referred, spam, incomplete, merged):
            assert rows[c.tracking_code]["status"] == "closed"
            assert rows[c.tracking_code]["expected_datetime"] is None
        assert rows[target.tracking_code]["status"] == "open"

        assert rows[resolved.tracking_code]["status_notes"] == "Selesai. KTP-el sudah dicetak."
        assert rows[referred.tracking_code]["status_notes"] == (
            "Dirujuk (bukan wewenang). Silakan hubungi kantor BPJS Kesehatan."
        )
        assert rows[spam.tracking_code]["status_notes"] == "Diarsipkan. Spam / tidak relevan."
        assert rows[spam.tracking_code]["description"] is None  # spam is not republished
        assert rows[incomplete.tracking_code]["description"] == incomplete.description
        assert rows[merged.tracking_code]["status_notes"] == (
            f"Digabung dengan laporan {target.tracking_code}."
        )

    def test_open_status_notes_carry_the_latest_staff_message(self, client, submit, flow):
        complaint = flow.dispose(submit().complaint, note="Diteruskan ke Disdukcapil.")
        [row] = client.get(url("requests", "json")).json()
        assert row["status_notes"] == ("Terverifikasi, didisposisikan. Diteruskan ke Disdukcapil.")
        flow.request_info(complaint, "Kapan Anda merekam KTP-el?")
        [row] = client.get(url("requests", "json")).json()
        assert row["status_notes"] == "Menunggu informasi warga. Kapan Anda merekam KTP-el?"

    @pytest.mark.parametrize(
        ("steps", "extended"),
        [
            ([], "FOR_TRIAGE"),
            (["dispose"], "INVESTIGATING"),
            (["dispose", "request_info"], "INVESTIGATING"),
            (["dispose", "start"], "IN_PROGRESS"),
            (["dispose", "start", "follow_up"], "IN_PROGRESS"),
            (["dispose", "start", "follow_up", "reopen"], "REOPEN"),
            (["dispose", "start", "schedule"], "ACTION_SCHEDULED"),
            (["refer"], "NOT_COUNCILS_RESPONSIBILITY"),
            (["archive"], "CLOSED"),
            (["resolve"], "FIXED"),
        ],
    )
    def test_extended_statuses(self, client, submit, flow, steps, extended):
        complaint = submit().complaint
        for step in steps:
            complaint = getattr(flow, step)(complaint)
        [row] = client.get(url("requests", "json"), {"extensions": "true"}).json()
        assert row["extended_attributes"]["status"] == extended

    def test_a_resolved_aspiration_is_closed_not_fixed(self, client, submit, flow):
        flow.resolve(submit(report_type="aspirasi").complaint)
        [row] = client.get(url("requests", "json"), {"extensions": "true"}).json()
        assert row["extended_attributes"]["status"] == "CLOSED"

    def test_duplicates(self, client, submit, flow):
        target = submit().complaint
        flow.merge(submit().complaint, into=target)
        flow.archive(submit().complaint, reason="duplikat")
        rows = client.get(url("requests", "json"), {"extensions": "true"}).json()
        statuses = sorted(r["extended_attributes"]["status"] for r in rows)
        assert statuses == ["DUPLICATE", "DUPLICATE", "FOR_TRIAGE"]
        merged = next(r for r in rows if r["extended_attributes"]["duplicate_of"])
        assert merged["extended_attributes"]["duplicate_of"] == target.tracking_code


class ExtensionsTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_extensions_add_attributes_and_notes(self, client, submit, flow, fmt):
        complaint = flow.follow_up(flow.start(flow.dispose(submit().complaint)))
        flow.note(complaint, "Catatan internal: pemohon sering datang.")
        response = client.get(
            url(f"requests/{complaint.tracking_code}", fmt), {"extensions": "true"}
        )
        if fmt == "xml":
            row = xmltodict.parse(response.content)["service_requests"]["request"]
            notes = row["notes"]["note"]
        else:
            row = response.json()[0]
            notes = row["notes"]
        assert row["attributes"] == {"kelurahan": "medono"}
        assert row["extended_attributes"]["status"] == "IN_PROGRESS"
        assert row["extended_attributes"]["kelurahan"] == "Medono"
        assert [n["type"] for n in notes] == ["opened", "activity", "activity", "activity"]
        assert notes[0]["description"] == "Laporan diterima"
        assert notes[-1]["description"] == "KTP-el sudah dicetak."
        assert all(n["datetime"].endswith("+07:00") for n in notes)
        assert "internal" not in response.content.decode()

    def test_without_extensions_there_are_none(self, client, submit):
        submit()
        [row] = client.get(url("requests", "json")).json()
        assert "notes" not in row and "extended_attributes" not in row

    def test_updated_datetime_follows_public_events_only(self, client, submit, flow):
        complaint = flow.dispose(submit().complaint)
        with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
            flow.note(complaint, "Catatan internal.")
        [row] = client.get(url("requests", "json")).json()
        verified = complaint.events.get(kind="verified")
        assert parse_w3c(row["updated_datetime"]) == verified.created_at.replace(microsecond=0)


def test_complaints_without_category_or_location_render(client, pekalongan, submit):
    submit(category=None, area=None)
    response = client.get(url("requests", "xml"))
    [row] = items(response, "xml", "request")
    assert row["service_code"] is None and row["address"] is None and row["lat"] is None
    assert Complaint.objects.count() == 1
