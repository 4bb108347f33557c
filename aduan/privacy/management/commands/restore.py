"""``aduan restore --input F.tar [--database-url URL] [--media-root DIR] [--force]``:
restore a backup made by ``aduan backup`` into an empty database (by default the configured
one) and the uploaded files into the media folder."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.privacy.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Memulihkan cadangan ke basis data kosong. / Restore a backup into an empty database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True)
        parser.add_argument("--database-url", help="tujuan lain selain DATABASE_URL")
        parser.add_argument("--media-root", help="folder berkas unggahan (bawaan: MEDIA_ROOT)")
        parser.add_argument("--no-media", action="store_true")
        parser.add_argument("--force", action="store_true", help="timpa basis data yang berisi")

    def handle(self, *args, **options) -> None:
        db = (
            dj_database_url.parse(options["database_url"])
            if options["database_url"]
            else settings.DATABASES["default"]
        )
        media_root = None
        if not options["no_media"]:
            media_root = Path(options["media_root"] or settings.MEDIA_ROOT)
        try:
            manifest = restore_backup(
                Path(options["input"]), db=db, media_root=media_root, force=options["force"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{k}={v}" for k, v in manifest.get("counts", {}).items())
        self.stdout.write(
            f"Cadangan {manifest['created_at']} dipulihkan ke {db['NAME']}: {counts}."
        )
