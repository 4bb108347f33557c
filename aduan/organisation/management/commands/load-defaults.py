"""``python -m aduan load-defaults [--jurisdiction pekalongan]``: load a jurisdiction's defaults.

Idempotent: run it after every deploy. See ``aduan.organisation.defaults``.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.organisation.defaults import DefaultsError, available_defaults, load_defaults


class Command(BaseCommand):
    help = "Memuat data bawaan yurisdiksi (wilayah, unit, kategori, aturan rute) dari berkas TOML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--jurisdiction",
            default="pekalongan",
            metavar="SLUG",
            help=f"Folder data bawaan yang dimuat (tersedia: {', '.join(available_defaults())}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            load_defaults(options["jurisdiction"], stdout=self.stdout)
        except DefaultsError as exc:
            raise CommandError(str(exc)) from exc
