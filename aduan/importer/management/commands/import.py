"""``aduan import --format lapor|whatsapp|csv --input F.csv|F.xlsx [--mapping M.json]
[--dry-run] [--skip-bad] [--jurisdiction slug]``: bring in complaints from another system.

See ``aduan.importer.formats`` for the columns of each format and the mapping file, and
``aduan.importer.services`` for what an import does. Exit status 0 when the import (or the
dry run) found no bad row, 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.importer import formats
from aduan.importer.services import import_file
from aduan.organisation.models import Jurisdiction


class Command(BaseCommand):
    help = (
        "Mengimpor laporan dari sistem lain (ekspor SP4N-LAPOR!, lembar log WhatsApp, CSV) "
        "dari berkas CSV atau XLSX. / Import complaints exported by other systems."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=sorted(formats.FORMATS), required=True)
        parser.add_argument("--input", required=True, help="CSV atau XLSX")
        parser.add_argument("--mapping", help="berkas pemetaan kolom (JSON) untuk sistem lain")
        parser.add_argument("--jurisdiction", default=settings.ADUAN_DEFAULT_JURISDICTION)
        parser.add_argument("--dry-run", action="store_true", help="periksa saja, tanpa impor")
        parser.add_argument(
            "--skip-bad", action="store_true", help="impor baris yang baik, lewati yang salah"
        )
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, **options) -> None:
        path = Path(options["input"])
        if not path.exists():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        jurisdiction = Jurisdiction.objects.filter(slug=options["jurisdiction"]).first()
        if jurisdiction is None:
            raise CommandError(f"Yurisdiksi '{options['jurisdiction']}' tidak ditemukan.")
        fmt = formats.FORMATS[options["format"]]
        try:
            if options["mapping"]:
                fmt = formats.load_mapping(Path(options["mapping"]), fmt)
            report = import_file(
                path=path,
                fmt=fmt,
                jurisdiction=jurisdiction,
                dry_run=options["dry_run"],
                skip_bad=options["skip_bad"],
                batch_size=options["batch_size"],
            )
        except formats.FormatError as exc:
            raise CommandError(str(exc)) from exc
        for error in report.errors:
            self.stdout.write(str(error))
        if report.dry_run:
            verdict = "Uji coba (tidak ada yang disimpan)"
        elif report.committed:
            verdict = "Impor selesai"
        else:
            verdict = (
                "Impor dibatalkan, tidak ada yang disimpan (gunakan --skip-bad untuk "
                "mengimpor baris yang baik saja)"
            )
        self.stdout.write(
            f"{verdict}: {report.rows} baris dibaca, {report.imported} diimpor, "
            f"{report.already_imported} sudah ada sebelumnya, {report.bad_rows} baris salah "
            f"({len(report.errors)} kesalahan); {report.seconds:.2f} detik, "
            f"{report.rows_per_second:,.0f} baris/detik."
        )
        if report.errors:
            sys.exit(1)
