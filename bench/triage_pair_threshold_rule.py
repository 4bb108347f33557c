"""What each threshold rule would give the next new author (nested leave-one-set-out).

For each target set X among the hand-written pair sets the scorer trains on: the threshold
is chosen by the rule (the lowest whose pooled left-out precision reaches ``--min-precision``)
on the other sets, each scored by a model trained without it and without X; X is scored by
the model trained on all but X. The targets' figures at each rule, and pooled. The targets
were seen (their errors studied) in their rounds, so the figures are optimistic; the first
looks in docs/triage.md are the honest ones.

    ADUAN_DEBUG=1 .venv/bin/python bench/triage_pair_threshold_rule.py [--targets L,M,N,P,Q,R,S,T]
        [--rules 0.90,0.91,0.92,0.93]

Takes about 80 s (the pair features, then one fit per target and pair of sets).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from triage_pair_sets import pair_data  # noqa: E402

from aduan.triage import training as T  # noqa: E402
from aduan.triage.corpus_builder import PAIRS_HANDWRITTEN  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--targets", default="L,M,N,P,Q,R,S,T")
    ap.add_argument("--rules", default="0.90,0.91,0.92,0.93")
    args = ap.parse_args()
    rules = [float(x) for x in args.rules.split(",")]
    features, generated = pair_data()
    fit = T.fit_pair_parts
    hand = {n: (*features(p), T.HANDWRITTEN_PAIR_WEIGHT) for n, p in PAIRS_HANDWRITTEN}
    totals = {m: [0, 0, 0] for m in rules}
    for x in args.targets.split(","):
        others = [n for n in hand if n != x]
        inner = {
            y: fit([generated, *(hand[k] for k in others if k != y)]).predict_proba(hand[y][0])[
                :, 1
            ]
            for y in others
        }
        p = np.concatenate([inner[y] for y in others])
        yy = np.concatenate([hand[y][1] for y in others]).astype(int)
        sx = fit([generated, *(hand[k] for k in others)]).predict_proba(hand[x][0])[:, 1]
        yx = hand[x][1]
        cells = []
        for m in rules:
            t = T._lowest_threshold(p, yy, m)
            pred = sx >= t
            tp = int((pred & yx).sum())
            totals[m][0] += tp
            totals[m][1] += int(pred.sum())
            totals[m][2] += int(yx.sum())
            cells.append(
                f"{m:.2f}: {t:.2f} {100 * tp / max(int(pred.sum()), 1):5.1f} % / "
                f"{100 * tp / int(yx.sum()):5.1f} %"
            )
        print(f"  {x}  " + "   ".join(cells), flush=True)
    for m, (tp, pp, pos) in totals.items():
        print(f"rule {m:.2f}: targets pooled {100 * tp / pp:.1f} % / {100 * tp / pos:.1f} %")


if __name__ == "__main__":
    main()
