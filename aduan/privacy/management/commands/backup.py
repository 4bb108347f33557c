"""``aduan backup --output F.tar [--no-media]``: the database and the uploaded files in one
file (see ``aduan.privacy.backup``)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.privacy.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Mencadangkan basis data dan berkas unggahan ke satu berkas tar. / Back up."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, help="berkas .tar atau .tar.gz")
        parser.add_argument("--no-media", action="store_true", help="tanpa berkas unggahan")

    def handle(self, *args, **options) -> None:
        output = Path(options["output"])
        try:
            manifest = create_backup(output, include_media=not options["no_media"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{k}={v}" for k, v in manifest.get("counts", {}).items())
        media = "dengan" if manifest["media"] else "tanpa"
        self.stdout.write(
            f"Cadangan {manifest['engine']} ditulis ke {output} ({output.stat().st_size:,} "
            f"byte, {media} berkas unggahan): {counts}."
        )
