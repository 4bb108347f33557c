"""``python -m aduan load-templates [--jurisdiction pekalongan]``: load the shipped response
templates. Idempotent: templates edited in the application are left alone. See
``aduan.replies.services.templates_load``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.replies.services import TemplateError, templates_load


class Command(BaseCommand):
    help = "Memuat templat balasan bawaan yurisdiksi dari berkas TOML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction", default="pekalongan", metavar="SLUG")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = templates_load(options["jurisdiction"])
        except TemplateError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Templat balasan: {counts['templates']} "
            f"(baru {counts['created']}, diperbarui {counts['updated']}, "
            f"diubah petugas dan dibiarkan {counts['kept']})."
        )
