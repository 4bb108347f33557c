"""`aduan sla due` and `aduan sla --calendar`."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from aduan.sla import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("early_2026")]


def run(*args: str) -> str:
    out = StringIO()
    call_command("sla", *args, stdout=out)
    return out.getvalue()


class DueCommandTests:
    def test_nyepi_and_idul_fitri_2026(self, pekalongan):
        assert run("due", "--start", "2026-03-18T10:00", "--days", "3") == (
            "2026-03-27T16:00:00+07:00\n"
        )

    def test_the_jurisdictions_calendar_and_close_apply(self, pekalongan):
        pekalongan.settings = {"office_close": "15:30"}
        pekalongan.save()
        services.calendar_day_add(
            jurisdiction=pekalongan, date=date(2026, 3, 24), kind="working", actor=None
        )
        args = ("due", "--start", "2026-03-18T10:00", "--days", "3")
        assert run(*args, "--jurisdiction", "pekalongan") == "2026-03-26T15:30:00+07:00\n"
        assert run(*args) == "2026-03-27T16:00:00+07:00\n"

    def test_a_start_with_an_offset_is_converted_to_wib(self, db):
        # 23:30 WITA on 17 March is 22:30 WIB on Tuesday 17 March.
        out = run("due", "--start", "2026-03-17T23:30+08:00", "--days", "1")
        assert out == "2026-03-25T16:00:00+07:00\n"

    def test_zero_days(self, db):
        assert run("due", "--start", "2026-02-02T10:00", "--days", "0").startswith(
            "2026-02-02T16:00:00+07:00"
        )

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--start", "18-03-2026", "--days", "3"], "Waktu mulai tidak dikenali"),
            (["--start", "2026-03-18T10:00", "--days", "tiga"], "Jumlah hari tidak dikenali"),
            (["--start", "2026-03-18T10:00", "--days", "-1"], "tidak boleh negatif"),
            (["--start", "2026-03-18T10:00"], "Sebutkan jumlah hari kerja"),
            (["--days", "3", "--jurisdiction", "atlantis"], "Yurisdiksi 'atlantis' tidak"),
        ],
    )
    def test_bad_input_is_explained(self, db, args, message):
        with pytest.raises(CommandError, match=message):
            run("due", *args)


class CalendarCommandTests:
    def test_lists_the_days_with_name_and_source(self, db):
        lines = run("--calendar", "--from", "2026-03-01", "--to", "2026-04-30").splitlines()
        assert "2026-03-18  cuti_bersama    Cuti Bersama Hari Suci Nyepi" in lines
        assert "2026-03-19  libur_nasional  Hari Suci Nyepi" in lines
        assert "2026-03-21  libur_nasional  Hari Raya Idul Fitri" in lines
        assert "2026-03-01  weekend         Minggu" in lines
        assert "2026-04-03  libur_nasional  Wafat Yesus Kristus" in lines
        assert lines == sorted(lines)
        assert len(lines) == 23

    def test_a_subcommand_and_no_weekends(self, pekalongan):
        services.calendar_day_add(
            jurisdiction=pekalongan,
            date=date(2026, 4, 1),
            kind="local",
            name="Hari Jadi Kota",
            actor=None,
        )
        out = run(
            "calendar",
            "--from",
            "2026-03-30",
            "--to",
            "2026-04-05",
            "--tanpa-akhir-pekan",
            "--jurisdiction",
            "pekalongan",
        )
        assert out.splitlines() == [
            "2026-04-01  lokal           Hari Jadi Kota",
            "2026-04-03  libur_nasional  Wafat Yesus Kristus",
            "2026-04-05  libur_nasional  Kebangkitan Yesus Kristus",
        ]

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--from", "2026-03-01"], "Sebutkan rentang"),
            (["--from", "1 Maret", "--to", "2026-04-30"], "Tanggal --from tidak dikenali"),
            (["--from", "2026-04-30", "--to", "2026-03-01"], "harus sama dengan atau sesudah"),
            (["--from", "2000-01-01", "--to", "2026-01-01"], "Rentang terlalu panjang"),
        ],
    )
    def test_bad_input_is_explained(self, db, args, message):
        with pytest.raises(CommandError, match=message):
            run("--calendar", *args)
