"""Urgency rules measured on every labelled set: precision and recall per set.

    PYTHONPATH=$PWD .venv/bin/python bench/triage_urgency.py [--show SET ...] [--rules]

Reads every file in ``aduan/triage/data`` whose rows carry an ``urgent`` label (the corpus
and the held-out complaint sets A-O), runs ``rules.urgency_reasons`` on each text and
prints, per set, the urgent count, hits, false alarms, misses, precision and recall, then
the totals of A-F (studied in the set F round) and of G-O.
The rules need neither the database nor the model, so this runs in a few seconds.
``--show F`` also prints that set's misses and false alarms (with the reasons that fired);
``--rules`` prints how often each rule fired and how often it was right, over all sets.
Also prints the texts per second of ``urgency_reasons`` (normalisation included; a rough
figure on a shared machine, ``bench/triage_bench.py`` is the speed benchmark).
Prints numbers; never fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aduan.triage.rules import urgency_reasons  # noqa: E402
from aduan.triage.text import normalise  # noqa: E402

DATA = ROOT / "aduan" / "triage" / "data"
#: Set name -> file, in the order of docs/triage.md.
SETS = {
    "corpus": "corpus.jsonl",
    "A": "heldout.jsonl",
    "B": "heldout_b.jsonl",
    "C": "heldout_c.jsonl",
    "D": "heldout_d.jsonl",
    "E": "heldout_e.jsonl",
    "F": "heldout_f.jsonl",
    "G": "heldout_g.jsonl",
    "H": "heldout_h.jsonl",
    "I": "heldout_i.jsonl",
    "J": "heldout_j.jsonl",
    "K": "heldout_k.jsonl",
    "L": "heldout_l.jsonl",
    "M": "heldout_m.jsonl",
    "N": "heldout_n.jsonl",
    "O": "heldout_o.jsonl",
}
#: The sets studied in the set F round, when the rules were first written.
STUDIED_IN_F = ("A", "B", "C", "D", "E", "F")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [r for r in (json.loads(line) for line in fh if line.strip()) if "urgent" in r]


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", nargs="*", default=[], help="sets whose errors to print")
    parser.add_argument("--rules", action="store_true", help="hits per rule over all sets")
    args = parser.parse_args()

    per_rule: Counter[tuple[str, bool]] = Counter()
    print(
        f"{'set':8} {'n':>5} {'urgent':>6} {'hit':>4} {'false':>5} {'miss':>4}  precision  recall"
    )
    total_time = 0.0
    total_n = 0
    held = Counter[str]()
    later = Counter[str]()
    for name, filename in SETS.items():
        path = DATA / filename
        if not path.exists():
            continue
        rows = _rows(path)
        normalise.cache_clear()
        start = time.perf_counter()
        results = [urgency_reasons(r["text"]) for r in rows]
        total_time += time.perf_counter() - start
        total_n += len(rows)
        tp = fp = fn = 0
        errors: list[str] = []
        for row, reasons in zip(rows, results, strict=True):
            gold, pred = bool(row["urgent"]), bool(reasons)
            for reason in reasons:
                per_rule[(reason, gold)] += 1
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
            if gold != pred:
                kind = "MISS " if gold else "FALSE"
                errors.append(f"  {kind} {row['id']} {reasons} {row['text']}")
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / (tp + fn) if tp + fn else None
        urgent = tp + fn
        print(
            f"{name:8} {len(rows):5} {urgent:6} {tp:4} {fp:5} {fn:4}  "
            f"{_pct(precision):>9}  {_pct(recall):>6}"
        )
        if name in STUDIED_IN_F:
            held.update(tp=tp, fp=fp, fn=fn)
        elif name != "corpus":
            later.update(tp=tp, fp=fp, fn=fn)
        if name in args.show:
            print("\n".join(errors))
    for label, counts in (("A-F", held), ("G-O", later)):
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        print(
            f"{label:8} {'':5} {tp + fn:6} {tp:4} {fp:5} {fn:4}  "
            f"{_pct(tp / (tp + fp) if tp + fp else None):>9}  "
            f"{_pct(tp / (tp + fn) if tp + fn else None):>6}"
        )
    # Normalisation included (its cache holds fewer texts than all the sets together).
    print(f"\nurgency_reasons: {total_n / total_time:,.0f} texts/s ({total_n} texts, one thread)")
    if args.rules:
        print("\nrule: right / wrong (over every set, corpus included)")
        for reason in sorted({r for r, _ in per_rule}):
            print(f"  {reason:40} {per_rule[(reason, True)]:5} / {per_rule[(reason, False)]:5}")


if __name__ == "__main__":
    main()
