"""``aduan open311-key --jurisdiction pekalongan --name "App X"``: issue an Open311 api_key.

Prints the new key once (only its hash is stored). Revoke it in the admin (API tokens).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.api.models import ApiToken, Scope
from aduan.organisation.models import Jurisdiction


class Command(BaseCommand):
    help = "Menerbitkan api_key Open311 untuk satu integrasi (ditampilkan sekali)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction", required=True, metavar="SLUG")
        parser.add_argument("--name", required=True, help="Nama integrasi/aplikasi.")

    def handle(self, *args: Any, **options: Any) -> None:
        jurisdiction = Jurisdiction.objects.filter(slug=options["jurisdiction"]).first()
        if jurisdiction is None:
            raise CommandError(f"Yurisdiksi '{options['jurisdiction']}' tidak ada.")
        name = options["name"].strip()
        if not name:
            raise CommandError("--name wajib diisi.")
        token, raw = ApiToken.issue(
            jurisdiction=jurisdiction, name=name[:120], scopes=[Scope.OPEN311.value]
        )
        self.stderr.write(f"api_key untuk {token.name} ({jurisdiction.slug}), simpan sekarang:")
        self.stdout.write(raw)
