"""A new author's first look, estimated by leaving each author out (nested).

For every author of a hand-written pair set (A and B are one author's, C and E another's;
every other letter one author): the duplicate scorer is fitted without that author's sets,
its threshold chosen by the rule (the lowest whose pooled left-out precision reaches the
aim, each remaining trained set scored by a model fitted without it, as
``training.fit_pairs`` does) without them too, and the author's pairs are scored at that
threshold. Authors never trained on (I; O and U, measured) are scored by the scorer fitted
on all training sets. Per author and pooled: precision and recall at the rule's threshold,
for each aim of ``--rules``, and how many authors meet both targets (>= 90 % precision,
>= 85 % recall). ``--with W`` trains on a measured set as well (as shipping it would).

    ADUAN_DEBUG=1 .venv/bin/python bench/triage_pair_loao.py [--with W]
        [--rules 0.90,0.91,0.92,0.93] [--json]

Takes about 3-5 minutes (the pair features, then about 350 small fits).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from triage_pair_sets import pair_data  # noqa: E402

from aduan.triage import training as T  # noqa: E402
from aduan.triage.corpus_builder import (  # noqa: E402
    PAIRS_HANDWRITTEN,
    PAIRS_HELDOUT_I_PATH,
    PAIRS_MEASURED,
)

#: Sets measured but not trained on (``--with`` trains on one); I is never trained on.
MEASURED = PAIRS_MEASURED
#: Sets written by one author (docs/triage.md, "Data").
SAME_AUTHOR = {"A": "A+B", "B": "A+B", "C": "C+E", "E": "C+E"}
TARGET_PRECISION, TARGET_RECALL = 0.90, 0.85


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--with", dest="with_", action="append", choices=sorted(MEASURED), default=[])
    ap.add_argument("--rules", default="0.90,0.91,0.92,0.93")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rules = [float(x) for x in args.rules.split(",")]
    features, generated = pair_data()
    trained_paths = dict(PAIRS_HANDWRITTEN)
    trained_paths.update({k: MEASURED[k] for k in args.with_})
    untrained_paths = {"I": PAIRS_HELDOUT_I_PATH}
    untrained_paths.update({k: v for k, v in MEASURED.items() if k not in args.with_})
    hand = {n: (*features(p), T.HANDWRITTEN_PAIR_WEIGHT) for n, p in trained_paths.items()}
    unseen = {n: features(p) for n, p in untrained_paths.items()}
    cache: dict[frozenset, T._PairLogistic] = {}

    def fit_without(names: frozenset) -> T._PairLogistic:
        if names not in cache:
            cache[names] = T.fit_pair_parts(
                [generated, *(v for k, v in hand.items() if k not in names)]
            )
        return cache[names]

    def thresholds(excluded: frozenset) -> dict[float, float]:
        """The rule's threshold for each aim, on the trained sets but ``excluded``."""
        inner = [n for n in hand if n not in excluded]
        p = np.concatenate(
            [fit_without(excluded | {n}).predict_proba(hand[n][0])[:, 1] for n in inner]
        )
        y = np.concatenate([hand[n][1] for n in inner]).astype(int)
        return {m: T._lowest_threshold(p, y, m) for m in rules}

    authors: dict[str, list[str]] = {}
    for n in [*hand, *unseen]:
        authors.setdefault(SAME_AUTHOR.get(n, n), []).append(n)
    rows = {}
    for author, names in sorted(authors.items()):
        excluded = frozenset(n for n in names if n in hand)
        clf = fit_without(excluded)
        s = np.concatenate(
            [clf.predict_proba(hand[n][0] if n in hand else unseen[n][0])[:, 1] for n in names]
        )
        y = np.concatenate([(hand[n][1] if n in hand else unseen[n][1]) for n in names])
        ts = thresholds(excluded)
        cells = {}
        for m, t in ts.items():
            pred = s >= t
            cells[m] = {
                "threshold": round(t, 2),
                "tp": int((pred & y).sum()),
                "predicted": int(pred.sum()),
                "positives": int(y.sum()),
            }
        rows[author] = {"trained": bool(excluded), "n": len(y), "cells": cells}
        if not args.json:
            print(
                f"  {author:<3}{'' if excluded else '*'} n={len(y):>3}  "
                + "   ".join(
                    f"{m:.2f}: {c['threshold']:.2f} {100 * c['tp'] / max(c['predicted'], 1):5.1f}"
                    f" / {100 * c['tp'] / c['positives']:5.1f}"
                    for m, c in cells.items()
                ),
                flush=True,
            )
    summary = {}
    for m in rules:
        tp = sum(r["cells"][m]["tp"] for r in rows.values())
        pp = sum(r["cells"][m]["predicted"] for r in rows.values())
        pos = sum(r["cells"][m]["positives"] for r in rows.values())
        met = sum(
            1
            for r in rows.values()
            if r["cells"][m]["tp"] >= TARGET_PRECISION * max(r["cells"][m]["predicted"], 1)
            and r["cells"][m]["tp"] >= TARGET_RECALL * r["cells"][m]["positives"]
        )
        met_p = sum(
            1
            for r in rows.values()
            if r["cells"][m]["tp"] >= TARGET_PRECISION * max(r["cells"][m]["predicted"], 1)
        )
        met_r = sum(
            1
            for r in rows.values()
            if r["cells"][m]["tp"] >= TARGET_RECALL * r["cells"][m]["positives"]
        )
        summary[m] = {
            "precision": round(tp / pp, 4),
            "recall": round(tp / pos, 4),
            "authors_meeting_both": met,
            "authors_meeting_precision": met_p,
            "authors_meeting_recall": met_r,
            "authors": len(rows),
        }
    if args.json:
        print(json.dumps({"authors": rows, "pooled": summary}, indent=1))
        return
    print("(* not trained on: scored by the scorer fitted on all training sets)")
    for m, f in summary.items():
        print(
            f"rule {m:.2f}: pooled {100 * f['precision']:.1f} % / {100 * f['recall']:.1f} %; "
            f"both targets met by {f['authors_meeting_both']} of {f['authors']} authors "
            f"(precision {f['authors_meeting_precision']}, recall {f['authors_meeting_recall']})"
        )


if __name__ == "__main__":
    main()
