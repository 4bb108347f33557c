"""SLA clocks through the real services, with time-machine: weekends, national holidays,
cuti bersama, pauses, year boundaries, the TAPD path."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from aduan.complaints import services
from aduan.complaints.choices import ComplaintStatus, Stage, TapdDecision
from aduan.sla import clocks
from conftest import at, wib

S = ComplaintStatus
WIB = ZoneInfo("Asia/Jakarta")
pytestmark = pytest.mark.django_db


class TestVerificationClock:
    def test_an_ordinary_week(self, submit):
        with at(2026, 11, 2, 10, 0):  # Monday
            c = submit().complaint
        assert c.stage == Stage.VERIFIKASI
        assert c.due_at == wib(2026, 11, 5, 16, 0)  # Thursday, end of office hours
        assert c.remind_at is not None and c.stage_started_at < c.remind_at < c.due_at
        assert c.escalate_at == c.due_at

    def test_received_on_saturday(self, submit):
        with at(2026, 11, 7, 9, 0):
            c = submit().complaint
        assert c.due_at == wib(2026, 11, 11, 16, 0)  # Mon, Tue, Wed

    def test_across_idul_fitri_2025(self, submit):
        # 28 Mar cuti bersama, 29 Nyepi, 31 Mar-1 Apr Idul Fitri, 2-4 and 7 Apr cuti bersama
        with at(2025, 3, 27, 10, 0):
            c = submit().complaint
        assert c.due_at == wib(2025, 4, 10, 16, 0)  # 8, 9, 10 April

    def test_across_idul_fitri_2026(self, submit):
        # 18 Mar cuti bersama, 19 Nyepi, 20 cuti bersama, 21-22 Idul Fitri, 23-24 cuti bersama
        with at(2026, 3, 17, 10, 0):
            c = submit().complaint
        assert c.due_at == wib(2026, 3, 27, 16, 0)  # 25, 26, 27 March

    def test_across_the_year_boundary(self, submit):
        with at(2026, 12, 30, 10, 0):
            c = submit().complaint
        # 31 Dec and 4 Jan working; 1 Jan New Year, 2-3 weekend, 5 Jan Isra Mi'raj
        assert c.due_at == wib(2027, 1, 6, 16, 0)

    def test_holding_keeps_the_verification_clock(self, submit, people):
        with at(2026, 11, 2, 10, 0):
            c = submit().complaint
        with at(2026, 11, 3, 10, 0):
            c = services.complaint_hold(complaint=c, actor=people.verifier, reason="cek data")
        assert c.due_at == wib(2026, 11, 5, 16, 0)


class TestUnitClocks:
    def test_disposition_starts_the_first_follow_up_and_resolution_clocks(self, submit, people):
        with at(2026, 11, 2, 10, 0):
            c = submit(category="jalan").complaint
        with at(2026, 11, 3, 9, 0):  # Tuesday
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_b)
        assert c.stage == Stage.TINDAK_LANJUT_AWAL
        assert c.due_at == wib(2026, 11, 10, 16, 0)  # 5 working days
        assert c.resolution_due_at == wib(2026, 11, 23, 16, 0)  # jalan: 14 working days
        with at(2026, 11, 4, 9, 0):
            c = services.complaint_start(complaint=c, actor=people.officer_b)
        assert c.stage == Stage.PENYELESAIAN and c.due_at == c.resolution_due_at

    def test_a_short_sla_caps_the_first_follow_up(self, submit, people):
        with at(2026, 11, 2, 10, 0):
            c = submit(category="adminduk").complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
        assert c.resolution_due_at == wib(2026, 11, 5, 16, 0)
        assert c.due_at == c.resolution_due_at

    def test_a_unit_service_standard_overrides_the_category(self, submit, people, pekalongan):
        from aduan.organisation.models import Category, ServiceStandard

        ServiceStandard.objects.create(
            unit=people.unit_a,
            category=Category.objects.get(jurisdiction=pekalongan, code="adminduk"),
            resolution_days=1,
        )
        with at(2026, 11, 2, 10, 0):
            c = submit(category="adminduk").complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
        assert c.resolution_due_at == wib(2026, 11, 3, 16, 0)

    def test_the_clock_pauses_while_waiting_for_the_citizen(self, submit, people):
        with at(2026, 11, 2, 10, 0):  # Monday
            c = submit(category="jalan").complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_b)
            c = services.complaint_start(complaint=c, actor=people.officer_b)
        assert c.due_at == wib(2026, 11, 20, 16, 0)  # 14 working days
        with at(2026, 11, 4, 10, 0):  # Wednesday: Thu 5 .. Fri 20 = 12 working days left
            c = services.complaint_request_info(
                complaint=c, actor=people.officer_b, question="Foto lokasinya?"
            )
        assert c.stage == Stage.MENUNGGU_WARGA and c.paused_remaining_days == 12
        assert c.due_at == wib(2026, 11, 14, 23, 59, 59)  # 10 calendar days to answer
        assert c.remind_at is None and c.escalate_at is None
        with at(2026, 11, 11, 10, 0):  # the next Wednesday
            c = services.complaint_add_info(complaint=c, message="Ini fotonya.")
        assert c.stage == Stage.PENYELESAIAN
        assert c.due_at == wib(2026, 11, 27, 16, 0)  # 12 working days after 11 Nov

    def test_follow_up_gives_the_citizen_ten_days(self, submit, people):
        with at(2026, 11, 2, 10, 0):
            c = submit().complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
            c = services.complaint_follow_up(complaint=c, actor=people.officer_a, text="Sudah.")
        assert c.stage == Stage.TANGGAPAN_WARGA
        assert c.due_at == wib(2026, 11, 12, 23, 59, 59)
        assert c.remind_at is None and c.escalate_at is None

    def test_reopening_restarts_resolution(self, submit, people):
        with at(2026, 11, 2, 10, 0):
            c = submit().complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
            c = services.complaint_follow_up(complaint=c, actor=people.officer_a, text="Sudah.")
        with at(2026, 11, 9, 10, 0):
            c = services.complaint_citizen_respond(complaint=c, satisfied=False, reason="Belum")
        assert c.stage == Stage.PENYELESAIAN
        assert c.due_at == wib(2026, 11, 12, 16, 0)

    def test_closing_stops_every_clock(self, submit, people):
        c = services.complaint_archive(
            complaint=submit().complaint, actor=people.verifier, reason="spam"
        )
        assert (c.stage, c.due_at, c.remind_at, c.escalate_at) == ("", None, None, None)

    def test_each_change_leaves_the_clock_on_the_timeline(self, submit, people):
        with at(2026, 11, 2, 10, 0):
            c = submit().complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
        history = [(e.kind, e.clock_due) for e in c.events.all()]
        assert history == [
            ("submitted", wib(2026, 11, 5, 16, 0)),
            ("verified", wib(2026, 11, 5, 16, 0)),
        ]


class TestTapdPath:
    def flagged(self, submit, people, when=(2026, 11, 3, 9, 0)):
        with at(2026, 11, 2, 10, 0):
            c = submit(category="jalan").complaint
            c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_b)
        with at(*when):
            return services.complaint_flag_tapd(
                complaint=c,
                actor=people.officer_b,
                reason="Jalan rusak 300 m, perlu APBD.",
                scope="300 m aspal",
            )

    def test_flagging_leaves_the_unit_clock(self, submit, people):
        c = self.flagged(submit, people)
        assert c.stage == Stage.PERENCANAAN and c.due_at is None and c.escalate_at is None
        assert c.planning.flagged_on_time and c.planning.scope == "300 m aspal"
        # working on it meanwhile does not restart a clock
        c = services.complaint_start(complaint=c, actor=people.officer_b)
        assert c.stage == Stage.PERENCANAAN

    def test_a_late_flag_is_recorded_as_late(self, submit, people):
        c = self.flagged(submit, people, when=(2026, 11, 20, 9, 0))
        assert not c.planning.flagged_on_time

    def test_scheduled_counts_as_planned_and_the_citizen_is_told(self, submit, people):
        c = self.flagged(submit, people)
        with at(2026, 11, 5, 9, 0):
            c = services.complaint_tapd_decide(
                complaint=c,
                actor=people.tapd,
                decision=TapdDecision.SCHEDULED,
                budget_year=2027,
                programme="Rehabilitasi jalan kota",
                estimated_cost=Decimal(450_000_000),
            )
        c.planning.refresh_from_db()
        assert c.planning.public_label == "Direncanakan (tahun anggaran 2027)"
        assert c.stage == "" and c.due_at is None
        event = c.events.last()
        assert event.kind == "tapd_decided" and event.is_public
        assert "tahun anggaran 2027" in event.message

    def test_routine_maintenance_puts_the_unit_back_on_a_clock(self, submit, people):
        c = self.flagged(submit, people)
        with at(2026, 11, 4, 9, 0):
            c = services.complaint_tapd_decide(
                complaint=c, actor=people.tapd, decision=TapdDecision.ROUTINE
            )
        assert c.stage == Stage.PENYELESAIAN
        assert c.due_at == wib(2026, 11, 24, 16, 0)

    def test_decisions_are_checked(self, submit, people):
        c = self.flagged(submit, people)
        with pytest.raises(services.ComplaintInputError) as err:
            services.complaint_tapd_decide(
                complaint=c, actor=people.tapd, decision=TapdDecision.SCHEDULED
            )
        assert {"budget_year", "programme"} <= set(err.value.errors)
        with pytest.raises(services.ComplaintInputError):
            services.complaint_tapd_decide(
                complaint=c, actor=people.tapd, decision=TapdDecision.NOT_FEASIBLE, reason=""
            )

    def test_only_tapd_decides(self, submit, people):
        from django.core.exceptions import PermissionDenied

        c = self.flagged(submit, people)
        for user in (people.officer_b, people.verifier, people.supervisor):
            with pytest.raises(PermissionDenied):
                services.complaint_tapd_decide(
                    complaint=c, actor=user, decision=TapdDecision.ROUTINE
                )

    def test_the_planning_queue_groups_and_counts_supporters(self, submit, people, client):
        from aduan.complaints import selectors
        from conftest import PASSWORD

        c = self.flagged(submit, people)
        dup = submit(category="jalan").complaint
        services.complaint_merge(complaint=dup, actor=people.verifier, into=c)
        groups = selectors.planning_queue(people.tapd, group="kategori")
        assert [(g["name"], len(g["items"]), g["supporters"]) for g in groups] == [
            ("Jalan, Jembatan & Trotoar", 1, 1)
        ]
        client.login(username=people.tapd.username, password=PASSWORD)
        for group in ("kategori", "kelurahan", "unit"):
            page = client.get(f"/kerja/tapd/?kelompok={group}")
            assert page.status_code == 200 and c.tracking_code in page.content.decode()
        client.logout()
        client.login(username=people.officer_b.username, password=PASSWORD)
        assert client.get("/kerja/tapd/").status_code == 403


def test_expected_completion_is_shown_to_the_citizen(submit, people, client):
    with at(2026, 11, 2, 10, 0):
        result = submit(category="adminduk")
    expected = clocks.expected_completion(result.complaint)
    assert expected == wib(2026, 11, 10, 16, 0)  # 3 to verify + 3 to resolve
    page = client.get(f"/lacak/{result.complaint.tracking_code}/{result.secret}/").content.decode()
    assert "Perkiraan selesai" in page and "10 November 2026" in page
