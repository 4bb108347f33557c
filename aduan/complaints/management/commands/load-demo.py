"""``python -m aduan load-demo [--count 300] [--jurisdiction pekalongan]``: demo data.

Creates the demo staff accounts and about a year of demo complaints (see
``aduan.complaints.demo``), then prints the logins. Demo data never belongs in production: the
command refuses to run unless ``DEBUG`` is on (``ADUAN_DEBUG=1``) or ``--force`` is given.
Running it again creates nothing new and prints the logins again.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.complaints.demo import DemoError, format_logins, load_demo


class Command(BaseCommand):
    help = (
        "Memuat data demo (akun petugas dan laporan contoh) lalu menampilkan akun login. "
        "Hanya untuk pengembangan/pelatihan: ditolak bila DEBUG mati, kecuali dengan --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--jurisdiction",
            default=settings.ADUAN_DEFAULT_JURISDICTION,
            metavar="SLUG",
            help="Yurisdiksi yang diisi data demo (bawaan: %(default)s).",
        )
        parser.add_argument(
            "--count",
            type=int,
            default=300,
            metavar="N",
            help="Jumlah laporan demo (bawaan: %(default)s).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=2026,
            help="Benih acak agar hasilnya sama setiap kali (bawaan: %(default)s).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Jalankan walaupun DEBUG mati. Jangan pernah di server produksi.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Data demo tidak boleh dimuat di server produksi: DEBUG mati. Jalankan dengan "
                "ADUAN_DEBUG=1, atau tambahkan --force bila Anda yakin ini bukan produksi. / "
                "Refusing to load demo data with DEBUG off; use --force if this is not "
                "production."
            )
        if options["count"] < 0:
            raise CommandError("--count tidak boleh negatif. / --count must not be negative.")
        try:
            load_demo(
                jurisdiction_slug=options["jurisdiction"],
                count=options["count"],
                seed=options["seed"],
                stdout=self.stdout,
            )
        except DemoError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("\n" + format_logins())
