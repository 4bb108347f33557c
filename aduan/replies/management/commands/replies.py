"""`aduan replies check|evaluate`: the reply-tone checker on the command line.

    aduan replies check --input F.jsonl     # {"id", "complaint", "reply"} per line -> JSONL
    aduan replies evaluate [--split heldout|dev|...|independent|all] [--json] [--errors]

``check`` is a stable interface read by evaluation tools: one JSON object per input line, in
input order, ``{"id", "acceptable", "score", "flaws": [codes]}`` on standard output and
nothing else there. It needs no database. ``evaluate`` scores the checker against the
labelled sets shipped in ``aduan/replies/data/`` (``dev.jsonl`` is the set the rules were
tuned on, ``heldout.jsonl`` the one kept aside): accuracy of "acceptable", and precision,
recall and F1 per flaw.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.replies.checker import FLAWS, check

DATA = Path(__file__).resolve().parents[2] / "data"
SPLITS = (
    "dev",
    "heldout",
    "fresh",
    "final",
    "blind",
    "independent",
    "independent_b",
    "independent_c",
    "independent_d",
    "independent_e",
    "independent_f",
)


def read_jsonl(path: str) -> Iterator[tuple[int, dict]]:
    """Yield (line number, object) for each non-empty line; bad lines raise CommandError."""
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


def labelled(split: str) -> list[dict]:
    """The labelled replies of one split ("dev", "heldout") or of both ("all")."""
    names = SPLITS if split == "all" else (split,)
    rows: list[dict] = []
    for name in names:
        rows.extend(row for _n, row in read_jsonl(str(DATA / f"{name}.jsonl")))
    return rows


def evaluate(rows: Iterable[dict]) -> dict[str, Any]:
    """Accuracy of the acceptable verdict and per-flaw precision/recall/F1 over ``rows``."""
    counts = {code: {"tp": 0, "fp": 0, "fn": 0} for code in FLAWS}
    total = correct = 0
    errors = []
    for row in rows:
        verdict = check(row["reply"], row.get("complaint", ""))
        total += 1
        correct += verdict.acceptable == row["acceptable"]
        predicted, expected = set(verdict.codes), set(row["flaws"])
        for code in FLAWS:
            if code in predicted and code in expected:
                counts[code]["tp"] += 1
            elif code in predicted:
                counts[code]["fp"] += 1
            elif code in expected:
                counts[code]["fn"] += 1
        if predicted != expected or verdict.acceptable != row["acceptable"]:
            errors.append(
                {
                    "id": row["id"],
                    "acceptable": [row["acceptable"], verdict.acceptable],
                    "missed": sorted(expected - predicted),
                    "extra": sorted(predicted - expected),
                    "reply": row["reply"],
                }
            )
    flaws = {}
    for code, c in counts.items():
        support = c["tp"] + c["fn"]
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / support if support else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        flaws[code] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": support,
            "predicted": c["tp"] + c["fp"],
        }
    return {
        "replies": total,
        "acceptable_accuracy": round(correct / total, 3) if total else 0.0,
        "flaws": flaws,
        "errors": errors,
    }


class Command(BaseCommand):
    help = "Reply-tone checker: check replies (JSONL) or evaluate on the labelled sets."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check_ = sub.add_parser("check", help="Check {id, complaint, reply} JSONL lines.")
        check_.add_argument("--input", required=True, help="JSONL file, or - for stdin.")
        evaluate_ = sub.add_parser("evaluate", help="Scores on the labelled sets.")
        evaluate_.add_argument("--split", choices=(*SPLITS, "all"), default="heldout")
        evaluate_.add_argument("--json", action="store_true", help="Print JSON.")
        evaluate_.add_argument("--errors", action="store_true", help="List disagreements.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "check":
            self._check(options["input"])
        else:
            self._evaluate(options["split"], options["json"], options["errors"])

    def _check(self, path: str) -> None:
        out = self.stdout
        for n, row in read_jsonl(path):
            reply = row.get("reply")
            if not isinstance(reply, str):
                raise CommandError(f'{path}:{n}: kolom "reply" (teks balasan) wajib diisi.')
            complaint = row.get("complaint") or ""
            if not isinstance(complaint, str):
                raise CommandError(f'{path}:{n}: kolom "complaint" harus berupa teks.')
            verdict = check(reply, complaint)
            line = {
                "id": row.get("id"),
                "acceptable": verdict.acceptable,
                "score": verdict.score,
                "flaws": verdict.codes,
            }
            out.write(json.dumps(line, ensure_ascii=False))

    def _evaluate(self, split: str, as_json: bool, errors: bool) -> None:
        result = evaluate(labelled(split))
        if not errors:
            result.pop("errors")
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"split={split} replies={result['replies']} "
            f"acceptable accuracy={result['acceptable_accuracy']:.3f}"
        )
        self.stdout.write(f"{'flaw':24} {'prec':>6} {'recall':>6} {'f1':>6} {'support':>8}")
        for code, m in result["flaws"].items():
            self.stdout.write(
                f"{code:24} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
                f"{m['support']:8d}"
            )
        for e in result.get("errors", []):
            self.stdout.write(
                f"- {e['id']} acc(label,pred)={e['acceptable']} missed={e['missed']} "
                f"extra={e['extra']}\n    {e['reply']}"
            )
