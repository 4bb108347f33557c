"""Category classifier variants, measured for generalisation (docs/triage.md, "Set E").

    ADUAN_DEBUG=1 .venv/bin/python bench/triage_variants.py [--only NAME]

Each variant is trained on the corpus and scored on held-out sets A to D (each set and all
1,003 together) and by 3-fold cross-validation with whole phrasings held out (the folds of
``training.compare_methods``). Set E is not read: it stays for the final measurement.
Prints one line per variant: top-1 / macro-F1 / top-3 in %. Takes about 6 minutes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aduan.triage import corpus_builder as cb  # noqa: E402
from aduan.triage import training as T  # noqa: E402
from aduan.triage.model import CATEGORIES, Config, Featuriser  # noqa: E402

Scorer = Callable[[list[dict], list[str]], np.ndarray]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def variant(config: Config, learner: str, C: float) -> Scorer:
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    index = {c: i for i, c in enumerate(CATEGORIES)}

    def fit_score(train: list[dict], texts: list[str]) -> np.ndarray:
        fz = Featuriser.fit([r["text"] for r in train], config)
        X = fz.transform([r["text"] for r in train])
        y = np.array([index[r["category"]] for r in train])
        Xt = fz.transform(texts)
        svm = LinearSVC(C=C, random_state=13, max_iter=5000)
        if learner == "svc":
            return svm.fit(X, y).decision_function(Xt)
        lr = LogisticRegression(C=20.0, max_iter=400, random_state=13).fit(X, y)
        if learner == "logreg":
            return np.log(lr.predict_proba(Xt) + 1e-9)
        # "ensemble": mean of the SVM softmax (temperature 0.3) and the LR probabilities
        a = _softmax(svm.fit(X, y).decision_function(Xt) / 0.3)
        return np.log((a + lr.predict_proba(Xt)) / 2 + 1e-9)

    return fit_score


def _metrics(scores: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    pred = scores.argmax(axis=1)
    top3 = np.argsort(-scores, axis=1)[:, :3]
    return (
        float((pred == y).mean()),
        T._macro_f1([CATEGORIES[i] for i in y], [CATEGORIES[i] for i in pred], CATEGORIES),
        float(np.mean([y[i] in top3[i] for i in range(len(y))])),
    )


def measure(name: str, fit_score: Scorer) -> None:
    started = time.perf_counter()
    index = {c: i for i, c in enumerate(CATEGORIES)}
    rows = T.read_jsonl(cb.CORPUS_PATH)
    sets = {
        "A": T.read_jsonl(cb.HELDOUT_PATH),
        "B": T.read_jsonl(cb.HELDOUT_B_PATH),
        "C": T.read_jsonl(cb.HELDOUT_C_PATH),
        "D": T.read_jsonl(cb.HELDOUT_D_PATH),
    }
    held = [r for s in sets.values() for r in s]
    scores = fit_score(rows, [r["text"] for r in held])
    y_held = np.array([index[r["category"]] for r in held])
    out: dict[str, tuple[float, float, float]] = {}
    start = 0
    for key, s in sets.items():
        out[key] = _metrics(scores[start : start + len(s)], y_held[start : start + len(s)])
        start += len(s)
    out["A-D"] = _metrics(scores, y_held)
    y = np.array([index[r["category"]] for r in rows])
    folds = T._fold_ids(T._groups(rows), T.N_FOLDS, 13)
    oof = np.zeros((len(rows), len(CATEGORIES)))
    for k in range(T.N_FOLDS):
        test = folds == k
        oof[test] = fit_score(
            [r for r, t in zip(rows, test, strict=True) if not t],
            [r["text"] for r, t in zip(rows, test, strict=True) if t],
        )
    out["CV"] = _metrics(oof, y)
    cells = " ".join(
        f"{k} {100 * a:.1f}/{100 * f:.1f}/{100 * t3:.1f}" for k, (a, f, t3) in out.items()
    )
    print(f"{name:<34} {cells}  ({time.perf_counter() - started:.0f} s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="Run only the variant of this name.")
    args = parser.parse_args()
    base = Config()
    variants = {
        "svm C=0.5 (the model)": variant(base, "svc", 0.5),
        "svm C=0.2": variant(base, "svc", 0.2),
        "svm C=1": variant(base, "svc", 1.0),
        "logreg C=20": variant(base, "logreg", 0.5),
        "svm + logreg ensemble": variant(base, "ensemble", 0.5),
        "svm, char weight 0.7": variant(replace(base, char_weight=0.7), "svc", 0.5),
        "svm, char 2-6": variant(
            replace(base, char_ngrams=(2, 6), max_char_features=200_000), "svc", 0.5
        ),
        "svm, words 1-1": variant(replace(base, word_ngrams=(1, 1)), "svc", 0.5),
        "svm + concept ids": variant(replace(base, concept_words=True), "svc", 0.5),
    }
    for name, fit_score in variants.items():
        if args.only is None or args.only == name:
            measure(name, fit_score)


if __name__ == "__main__":
    main()
