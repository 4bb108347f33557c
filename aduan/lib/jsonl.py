"""JSON Lines input for the commands that read one JSON object per line (``-`` is stdin)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.core.management.base import CommandError


def read_jsonl(path: str) -> Iterator[tuple[int, dict]]:
    """Yield (line number, object) for each non-empty line; a bad line raises CommandError
    naming the file and the line (in Bahasa Indonesia)."""
    try:
        fh: IO[str] = sys.stdin if path == "-" else Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"Berkas {path} tidak dapat dibuka: {exc.strerror}.") from exc
    try:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{path}:{n}: bukan JSON yang sah ({exc.msg}).") from exc
            if not isinstance(row, dict):
                raise CommandError(f"{path}:{n}: setiap baris harus berupa objek JSON.")
            yield n, row
    finally:
        if fh is not sys.stdin:
            fh.close()
