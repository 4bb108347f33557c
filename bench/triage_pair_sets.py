"""Ranking figures of the duplicate scorer on the hand-written pair sets.

For each pair set: precision and recall at the shipped threshold, the ranking AUC, and the
oracle (the best precision of any threshold whose recall reaches 85 %). The sets the scorer
trains on (``corpus_builder.PAIRS_HANDWRITTEN``) are scored by models fitted without them
(as ``training.fit_pairs`` does to choose the threshold), and pooled; set I by the shipped
scorer. ``--without SET`` (repeatable) shows what training without a set would do: the
threshold by the same rule, each remaining set left out, and the removed sets scored by the
scorer fitted without them; sets measured but not trained on (``MEASURED``: O, U, W-Z, AA-AE)
count as removed unless ``--with SET`` trains on them; "all" pools every hand-written set but I,
each scored by a model that did not see it, whichever configuration; ``--pool-without SET``
(repeatable) adds that pool without the named sets (the pool without the set whose errors
the last round studied). ``--min-precision`` replaces the rule's precision
(``training.PAIR_MIN_PRECISION``).

    ADUAN_DEBUG=1 .venv/bin/python bench/triage_pair_sets.py [--without L --without M]
        [--with O] [--pool-without R] [--min-precision 0.93] [--json]

Takes about 20 s (the pair features of about 3,000 pairs, then 12 small fits).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from aduan.triage import training as T  # noqa: E402
from aduan.triage.corpus_builder import (  # noqa: E402
    PAIRS_HANDWRITTEN,
    PAIRS_HELDOUT_I_PATH,
    PAIRS_HELDOUT_L_PATH,
    PAIRS_HELDOUT_M_PATH,
    PAIRS_HELDOUT_N_PATH,
    PAIRS_MEASURED,
    PAIRS_TRAIN_PATH,
)
from aduan.triage.model import get_model  # noqa: E402
from aduan.triage.places import gazetteer_from_defaults  # noqa: E402

NOT_TRAINED = {"I": PAIRS_HELDOUT_I_PATH}
#: Hand-written sets measured but not trained on (``--with SET`` trains on one).
MEASURED = PAIRS_MEASURED
ALL_SETS = {
    **dict(PAIRS_HANDWRITTEN),
    "L": PAIRS_HELDOUT_L_PATH,
    "M": PAIRS_HELDOUT_M_PATH,
    "N": PAIRS_HELDOUT_N_PATH,
    **MEASURED,
}


def auc(s: np.ndarray, y: np.ndarray) -> float:
    pos, neg = s[y], s[~y]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def at(s: np.ndarray, y: np.ndarray, t: float) -> tuple[float, float]:
    pred = s >= t
    tp = int((pred & y).sum())
    return tp / max(int(pred.sum()), 1), tp / int(y.sum())


def oracle(s: np.ndarray, y: np.ndarray, recall: float = 0.85) -> float:
    best = 0.0
    for t in np.unique(s):
        p, r = at(s, y, t)
        if r >= recall:
            best = max(best, p)
    return best


def figures(s: np.ndarray, y: np.ndarray, t: float) -> dict:
    p, r = at(s, y, t)
    return {
        "n": len(y),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "auc": round(auc(s, y), 4),
        "oracle_at_85": round(oracle(s, y), 4),
    }


def pair_data() -> tuple[Callable[[Path], tuple[np.ndarray, np.ndarray]], Any]:
    """What every pair bench script starts from: a reader of a hand-written set's features
    and labels (the shipped model's pair features, the default gazetteer) and the generated
    part of the training pairs."""
    model = get_model()
    gaz = gazetteer_from_defaults()

    def features(path: Path) -> tuple[np.ndarray, np.ndarray]:
        return T.pair_features_and_labels(model, T.read_jsonl(path), gaz)

    return features, T.generated_pair_part(model, T.read_jsonl(PAIRS_TRAIN_PATH), gaz)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--without", action="append", choices=sorted(ALL_SETS), default=[])
    ap.add_argument("--with", dest="with_", action="append", choices=sorted(MEASURED), default=[])
    ap.add_argument("--pool-without", action="append", choices=sorted(ALL_SETS), default=[])
    ap.add_argument("--min-precision", type=float, default=T.PAIR_MIN_PRECISION)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    features, generated = pair_data()
    fit = T.fit_pair_parts
    untrained = set(args.without) | (set(MEASURED) - set(args.with_))
    trained = {k: v for k, v in ALL_SETS.items() if k not in untrained}
    removed = {k: ALL_SETS[k] for k in sorted(untrained)}
    hand = {name: (*features(path), T.HANDWRITTEN_PAIR_WEIGHT) for name, path in trained.items()}
    left_out = {
        name: fit([generated, *(v for k, v in hand.items() if k != name)]).predict_proba(part[0])[
            :, 1
        ]
        for name, part in hand.items()
    }
    p = np.concatenate(list(left_out.values()))
    y = np.concatenate([part[1] for part in hand.values()])
    threshold = T._lowest_threshold(p, y.astype(int), args.min_precision)
    full = fit([generated, *hand.values()])
    unseen = {**removed, **NOT_TRAINED}
    unseen_scores = {}
    for name, path in unseen.items():
        F, yy = features(path)
        unseen_scores[name] = (full.predict_proba(F)[:, 1], yy)
    every = {**{n: (left_out[n], hand[n][1]) for n in hand}, **unseen_scores}
    every.pop("I")
    base = list("ABCEFGHJK")
    pools = {"pooled_all_but_I": every}
    if args.pool_without:
        kept = {n: v for n, v in every.items() if n not in args.pool_without}
        pools["pooled_all_but_I" + "".join(sorted(args.pool_without))] = kept
    out = {
        "threshold": round(threshold, 3),
        "shipped_threshold": get_model().pair_threshold,
        "pooled_left_out": figures(p, y, threshold),
        **{
            key: figures(
                np.concatenate([s for s, _ in pool.values()]),
                np.concatenate([yy for _, yy in pool.values()]),
                threshold,
            )
            for key, pool in pools.items()
        },
        "pooled_left_out_of_" + "".join(base): figures(
            np.concatenate([left_out[n] for n in base]),
            np.concatenate([hand[n][1] for n in base]),
            threshold,
        ),
        "left_out": {n: figures(left_out[n], hand[n][1], threshold) for n in hand},
        "not_trained_on": {
            name: figures(s, yy, threshold) for name, (s, yy) in unseen_scores.items()
        },
    }
    if args.json:
        print(json.dumps(out, indent=1))
        return

    def line(name: str, f: dict) -> str:
        return (
            f"  {name:<10} n={f['n']:>4}  precision {100 * f['precision']:5.1f} %  recall "
            f"{100 * f['recall']:5.1f} %  AUC {f['auc']:.4f}  oracle@85 "
            f"{100 * f['oracle_at_85']:5.1f} %"
        )

    print(f"threshold {out['threshold']} (shipped {out['shipped_threshold']})")
    print("pooled, left out of training:")
    for key in [k for k in out if k.startswith("pooled")]:
        name = key.replace("pooled_all_but_I", "all but I ").replace("pooled_left_out", "trained")
        print(line(name.replace("_of_", " of "), out[key]))
    print("each set, left out of training:")
    for name, f in out["left_out"].items():
        print(line(name, f))
    print("not trained on (the scorer fitted on all training pairs):")
    for name, f in out["not_trained_on"].items():
        print(line(name, f))


if __name__ == "__main__":
    main()
