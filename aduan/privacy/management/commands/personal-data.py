"""``aduan personal-data export --phone 0812… | --email …``: everything held about one
person, as JSON on standard output (or ``--output FILE``), for a citizen's request under
UU 27/2022. Each complaint found records the export on its timeline."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.organisation.models import Jurisdiction
from aduan.privacy.services import personal_data_export


class Command(BaseCommand):
    help = "Export everything held about one person (by phone or e-mail) as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Write the person's data as JSON.")
        export.add_argument("--phone", default="")
        export.add_argument("--email", default="")
        export.add_argument(
            "--jurisdiction", default=settings.ADUAN_DEFAULT_JURISDICTION, help="Slug."
        )
        export.add_argument("--output", default="", help="File to write (default: stdout).")

    def handle(self, *args, action: str, **options) -> None:
        phone, email = options["phone"].strip(), options["email"].strip()
        if not phone and not email:
            raise CommandError("Give --phone or --email.")
        jurisdiction = Jurisdiction.objects.filter(slug=options["jurisdiction"]).first()
        if jurisdiction is None:
            raise CommandError(f"Unknown jurisdiction {options['jurisdiction']!r}.")
        body = personal_data_export(jurisdiction=jurisdiction, phone=phone, email=email)
        text = json.dumps(body, ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(
                f"{len(body['complaints'])} complaint(s) written to {options['output']}"
            )
        else:
            self.stdout.write(text)
