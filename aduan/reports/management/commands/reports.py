"""`aduan reports`: the dashboards' rollup and the PDF reports from the command line.

aduan reports rebuild [--jurisdiction pekalongan]
aduan reports monthly --month 2026-10 --output laporan.pdf [--untuk ombudsman]
aduan reports annual --year 2026 --output laporan.pdf [--untuk ombudsman]
aduan reports send-monthly [--month 2026-10]   (queue the e-mail to the leaders now)
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from aduan.organisation.models import Jurisdiction
from aduan.reports import pdf, rollups, tasks
from aduan.reports import selectors as sel
from aduan.reports.forms import parse_month


class Command(BaseCommand):
    help = "Bangun ulang rekap dasbor, atau buat laporan PDF bulanan/tahunan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild", "monthly", "annual", "send-monthly"])
        parser.add_argument("--jurisdiction", default="", help="Slug yurisdiksi.")
        parser.add_argument("--month", default="", help="Bulan laporan, mis. 2026-10.")
        parser.add_argument("--year", type=int, default=0, help="Tahun laporan, mis. 2026.")
        parser.add_argument("--output", default="", help="Berkas PDF yang ditulis.")
        parser.add_argument("--untuk", default="walikota", choices=sorted(pdf.AUDIENCES))

    def handle(self, *args, **options) -> None:
        action = options["action"]
        if action == "rebuild":
            jurisdiction = (
                self._jurisdiction(options["jurisdiction"]) if options["jurisdiction"] else None
            )
            started = time.monotonic()
            rows = rollups.rebuild(jurisdiction.pk if jurisdiction else None)
            self.stdout.write(
                f"Rekap dibangun ulang: {rows} baris ({time.monotonic() - started:.1f} detik).\n"
            )
            return
        jurisdiction = self._jurisdiction(
            options["jurisdiction"] or settings.ADUAN_DEFAULT_JURISDICTION
        )
        last_month = sel.add_months(timezone.localdate().replace(day=1), -1)
        if action == "send-monthly":
            month = self._month(options["month"]) if options["month"] else last_month
            done = tasks.monthly_report_dispatch(jurisdiction, month)
            if done is None:
                self.stdout.write(f"Laporan {month:%Y-%m} sudah pernah dikirim.\n")
            else:
                self.stdout.write(
                    f"Laporan {month:%Y-%m} diantrekan ke {done.recipients} pimpinan.\n"
                )
            return
        if not options["output"]:
            raise CommandError("Sebutkan berkas tujuan dengan --output. / Give --output.")
        if action == "monthly":
            month = self._month(options["month"]) if options["month"] else last_month
            filters = sel.Filters(start=month, end=month)
            kind = "bulanan"
        else:
            year = options["year"] or timezone.localdate().year - 1
            if not 2000 <= year <= 2100:
                raise CommandError("Tahun tidak masuk akal. / Unreasonable year.")
            filters = sel.Filters(start=date(year, 1, 1), end=date(year, 12, 1))
            kind = "tahunan"
        content = pdf.render(
            sel.Scope(jurisdiction=jurisdiction), filters, kind=kind, audience=options["untuk"]
        )
        Path(options["output"]).write_bytes(content)
        self.stdout.write(f"Laporan ditulis ke {options['output']} ({len(content)} bita).\n")

    def _jurisdiction(self, slug: str) -> Jurisdiction:
        jurisdiction = Jurisdiction.objects.filter(slug=slug).first()
        if jurisdiction is None:
            raise CommandError(f"Yurisdiksi '{slug}' tidak ada. / Unknown jurisdiction.")
        return jurisdiction

    def _month(self, value: str) -> date:
        month = parse_month(value)
        if month is None:
            raise CommandError(
                f"Bulan tidak dikenali: {value!r}. Gunakan TTTT-BB, mis. 2026-10. / Use YYYY-MM."
            )
        return month
