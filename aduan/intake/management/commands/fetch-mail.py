"""``aduan fetch-mail [--jurisdiction SLUG] [--limit N]``: take e-mail reports in.

Reads the unread messages of the IMAP mailbox in ``ADUAN_IMAP_HOST``/``_PORT``/``_SSL``/
``_USER``/``_PASSWORD``/``_FOLDER``, hands each to the intake (a new complaint, or
information for the complaint it replies to) and marks it read. A message whose handling
failed stays unread for the next run; a message handled twice is recognised by its
Message-ID. Run it from cron every minute or two, or add
``aduan.intake.services.mail_fetch_task`` to ``ADUAN_WORKER_TASKS``.
"""

from __future__ import annotations

import imaplib
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.intake import selectors, services


class Command(BaseCommand):
    help = (
        "Membaca e-mail yang belum dibaca dari kotak surat IMAP (ADUAN_IMAP_*) dan "
        "menjadikannya laporan baru atau informasi tambahan untuk laporan yang dibalasnya."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--jurisdiction",
            default=settings.ADUAN_DEFAULT_JURISDICTION,
            metavar="SLUG",
            help="Yurisdiksi penerima laporan (bawaan: %(default)s).",
        )
        parser.add_argument(
            "--limit",
            type=int,
            default=0,
            metavar="N",
            help="Paling banyak N e-mail dalam satu kali jalan (bawaan: semua).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.ADUAN_IMAP_HOST:
            raise CommandError("ADUAN_IMAP_HOST belum diatur. / ADUAN_IMAP_HOST is not set.")
        jurisdiction = selectors.jurisdiction_get(options["jurisdiction"])
        if jurisdiction is None:
            raise CommandError(f"Yurisdiksi tidak dikenal: {options['jurisdiction']}")
        try:
            result = services.mail_fetch(jurisdiction=jurisdiction, limit=options["limit"] or None)
        except (imaplib.IMAP4.error, OSError) as exc:
            raise CommandError(f"IMAP {settings.ADUAN_IMAP_HOST}: {exc}") from exc
        parts = " ".join(f"{k}={v}" for k, v in sorted(result.outcomes.items()))
        self.stdout.write(
            f"fetch-mail: {result.fetched} e-mail diproses"
            f"{' (' + parts + ')' if parts else ''}, {result.failed} gagal"
        )
