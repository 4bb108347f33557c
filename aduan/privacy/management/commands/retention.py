"""``aduan retention [--years N] [--apply]``: anonymise the reporters of complaints closed
more than N years ago (default ``ADUAN_RETENTION_YEARS``). Without ``--apply`` it only
counts what would change."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.privacy.services import retention_run


class Command(BaseCommand):
    help = (
        "Anonymise reporters of complaints closed more than N years ago (UU 27/2022); "
        "a dry run unless --apply."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--years",
            type=int,
            default=None,
            help=f"Retention in years (default {settings.ADUAN_RETENTION_YEARS}, from the "
            "ADUAN_RETENTION_YEARS setting).",
        )
        parser.add_argument(
            "--apply", action="store_true", help="Change the data (default: count)."
        )

    def handle(self, *args, years: int | None, apply: bool, **options) -> None:
        try:
            report = retention_run(years=years, apply=apply)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        mode = "applied" if report.applied else "dry run (use --apply to change the data)"
        self.stdout.write(
            f"retention: complaints closed more than {report.years} years ago, {mode}"
        )
        for name in sorted({"complaints", *report.counts}):
            self.stdout.write(f"  {name}: {report.counts.get(name, 0)}")
