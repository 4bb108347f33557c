"""``python -m aduan load-practice``: load the shipped practice scenarios and sets.

Idempotent (matched by code); run it after every deploy, like ``load-defaults``.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from aduan.practice.services import PracticeDataError, scenarios_load


class Command(BaseCommand):
    help = "Memuat skenario latihan menjawab dan paketnya dari aduan/practice/data/."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = scenarios_load()
        except PracticeDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Skenario latihan: {counts['scenarios']} skenario, {counts['sets']} paket dimuat."
        )
