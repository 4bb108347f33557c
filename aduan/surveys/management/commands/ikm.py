"""``aduan ikm --input F.csv``: the IKM of survey answers in a CSV file (columns u1..u9, and
optionally ``unit``), per unit: index, grade and each element's NRR."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.surveys import ikm


class Command(BaseCommand):
    help = "Compute the IKM (PermenPANRB 14/2017) per unit from a CSV of answers u1..u9."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="CSV file with columns u1..u9[, unit]")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["input"])
        if not path.is_file():
            raise CommandError(f"File not found: {path}")
        groups: dict[str, list[dict[str, int]]] = defaultdict(list)
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = {name.strip().lower() for name in reader.fieldnames or []}
            missing = [code for code in ikm.ELEMENT_CODES if code not in columns]
            if missing:
                raise CommandError(f"Missing columns: {', '.join(missing)}")
            for line, raw in enumerate(reader, start=2):
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
                try:
                    answers = {code: int(row[code]) for code in ikm.ELEMENT_CODES}
                except ValueError as exc:
                    raise CommandError(f"Line {line}: answers must be whole numbers 1-4") from exc
                if any(not 1 <= value <= 4 for value in answers.values()):
                    raise CommandError(f"Line {line}: answers must be between 1 and 4")
                groups[row.get("unit") or "-"].append(answers)
        if not groups:
            raise CommandError("No answers in the file.")
        for unit in sorted(groups):
            result = ikm.compute(groups[unit])
            self.stdout.write(
                f"{unit}: IKM {result.index} {result.grade} ({result.label}), "
                f"{result.respondents} respondents"
            )
            rounded = result.nrr_rounded()
            for code, name in ikm.ELEMENTS:
                self.stdout.write(f"  {code.upper()} {name}: NRR {rounded[code]}")
