"""`aduan sla`: deadlines and non-working days from the command line.

    aduan sla due --start 2026-03-18T10:00 --days 3 [--jurisdiction pekalongan]
    aduan sla --calendar --from 2026-03-01 --to 2026-04-30 [--jurisdiction pekalongan]
    aduan sla calendar --from 2026-03-01 --to 2026-04-30 [--tanpa-akhir-pekan]

A start without an offset is in WIB; without ``--jurisdiction`` the installation-wide
calendar applies (package + installation-wide overrides, office close 16:00).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from aduan.organisation.models import Jurisdiction
from aduan.sla.calendar import calendar_for

#: The longest range ``--calendar`` lists (about ten years).
MAX_RANGE_DAYS = 3660


def _date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"Tanggal {option} tidak dikenali: {value!r}. Gunakan format TTTT-BB-HH, "
            f"mis. 2026-03-01."
        ) from None


class Command(BaseCommand):
    help = (
        "Hitung batas waktu SLA (due) atau tampilkan hari libur dalam rentang tanggal (--calendar)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action",
            nargs="?",
            choices=["due", "calendar", "kalender"],
            default="due",
            help="due: batas waktu (bawaan); calendar: daftar hari libur.",
        )
        parser.add_argument(
            "--calendar",
            action="store_true",
            help="Tampilkan hari libur antara --from dan --to, satu per baris.",
        )
        parser.add_argument(
            "--start",
            help="Waktu diterima, ISO-8601 (mis. 2026-03-18T10:00); tanpa zona = WIB. "
            "Bawaan: sekarang.",
        )
        parser.add_argument("--days", help="Jumlah hari kerja (bilangan bulat, 0 atau lebih).")
        parser.add_argument("--from", dest="date_from", help="Tanggal awal, mis. 2026-03-01.")
        parser.add_argument("--to", dest="date_to", help="Tanggal akhir (ikut), mis. 2026-04-30.")
        parser.add_argument(
            "--tanpa-akhir-pekan",
            "--no-weekends",
            dest="no_weekends",
            action="store_true",
            help="Jangan cantumkan Sabtu/Minggu biasa.",
        )
        parser.add_argument(
            "--jurisdiction", help="Kode yurisdiksi (mis. pekalongan); bawaan: seluruh instalasi."
        )

    def handle(self, *args, **options) -> None:
        jurisdiction = None
        if options["jurisdiction"]:
            jurisdiction = Jurisdiction.objects.filter(slug=options["jurisdiction"]).first()
            if jurisdiction is None:
                raise CommandError(f"Yurisdiksi {options['jurisdiction']!r} tidak ditemukan.")
        if options["calendar"] or options["action"] in ("calendar", "kalender"):
            self._calendar(jurisdiction, options)
        else:
            self._due(jurisdiction, options)

    def _due(self, jurisdiction: Jurisdiction | None, options: dict) -> None:
        if options["date_from"] or options["date_to"]:
            raise CommandError("--from/--to hanya untuk --calendar.")
        raw_days = options["days"]
        if raw_days is None:
            raise CommandError("Sebutkan jumlah hari kerja dengan --days, mis. --days 3.")
        try:
            days = int(raw_days)
        except ValueError:
            raise CommandError(
                f"Jumlah hari tidak dikenali: {raw_days!r}. Gunakan bilangan bulat, mis. 3."
            ) from None
        if days < 0:
            raise CommandError("Jumlah hari tidak boleh negatif.")
        calendar = calendar_for(jurisdiction)
        if options["start"]:
            try:
                start = datetime.fromisoformat(options["start"].strip())
            except ValueError:
                raise CommandError(
                    f"Waktu mulai tidak dikenali: {options['start']!r}. Gunakan ISO-8601, "
                    f"mis. 2026-03-18T10:00 atau 2026-03-18T10:00+07:00."
                ) from None
        else:
            start = timezone.now()
        try:
            due = calendar.add_working_days(calendar.local(start), days)
        except (ValueError, OverflowError) as exc:
            raise CommandError(f"Batas waktu tidak dapat dihitung: {exc}") from None
        self.stdout.write(due.isoformat())

    def _calendar(self, jurisdiction: Jurisdiction | None, options: dict) -> None:
        if options["start"] or options["days"] is not None:
            raise CommandError("--start/--days hanya untuk menghitung batas waktu (due).")
        if not options["date_from"] or not options["date_to"]:
            raise CommandError("Sebutkan rentang dengan --from dan --to, mis. --from 2026-03-01.")
        first = _date(options["date_from"], "--from")
        last = _date(options["date_to"], "--to")
        if last < first:
            raise CommandError("Tanggal --to harus sama dengan atau sesudah --from.")
        if last - first > timedelta(days=MAX_RANGE_DAYS):
            raise CommandError(f"Rentang terlalu panjang; paling lama {MAX_RANGE_DAYS} hari.")
        calendar = calendar_for(jurisdiction)
        for day in calendar.non_working_days(first, last, weekends=not options["no_weekends"]):
            self.stdout.write(f"{day.date.isoformat()}  {day.source.value:<14}  {day.name}")
