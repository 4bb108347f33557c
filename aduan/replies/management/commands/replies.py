"""`aduan replies check|evaluate`: the reply-tone checker on the command line.

    aduan replies check --input F.jsonl     # {"id", "complaint", "reply"} per line -> JSONL
    aduan replies evaluate [--split heldout|dev|...|independent|all] [--json] [--errors]
    aduan replies evaluate --cross-author [--frozen] [--quick] [--held-out A,B] [--json]
    aduan replies train                     # rebuild aduan/replies/artefacts/learned.npz
    aduan replies agreement A.jsonl B.jsonl [...] [--checker] [--json]

``check`` is a stable interface read by evaluation tools: one JSON object per input line, in
input order, ``{"id", "acceptable", "score", "flaws": [codes]}`` on standard output and
nothing else there. It needs no database. ``evaluate`` scores the checker against the
labelled sets shipped in ``aduan/replies/data/`` (``dev.jsonl`` is the set the rules were
tuned on, ``heldout.jsonl`` the one kept aside): accuracy of "acceptable", and precision,
recall and F1 per flaw. ``evaluate --cross-author`` trains the learned layer on all authors
but one and scores rules, classifier and hybrid on the one left out, for each author
(``--frozen``: the rules as they stood before that author's sets were seen;
``--held-out``: only the named authors are held out, and a set labelled by four people is
also scored against their majority). ``train``
rebuilds the shipped artefact of the learned layer from all labelled sets. ``agreement``
compares people who labelled the same replies (``{"id", "acceptable", "flaws"}`` per line,
the same ids in every file): each one's precision and recall against each other one, the
majority of three or more as one more reference, and with ``--checker`` the checker too —
how far two careful readers agree is the ceiling for any checker measured against one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.lib.jsonl import read_jsonl
from aduan.replies import learned
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
    "independent_g",
    "independent_h",
    "independent_i",
    "independent_j",
    "independent_k",
    "independent_l",
    "independent_m",
    "independent_n",
    "independent_o",
    "independent_p",
    "independent_q",
    "independent_r",
    "independent_s",
    "independent_t",
    "independent_u",
    "independent_v",
    "independent_w",
    "independent_x",
    "independent_y",
    "independent_z",
    "independent_aa",
    "independent_ab",
    "independent_ac",
    "independent_ad",
    "independent_ae",
    "independent_af",
    "independent_ag",
    "independent_ah",
    "independent_ai",
    "independent_aj",
    "independent_ak",
    "independent_al",
    "independent_am",
    "independent_an",
    "independent_ao",
)


def labelled(split: str) -> list[dict]:
    """The labelled replies of one split ("dev", "heldout") or of both ("all")."""
    names = SPLITS if split == "all" else (split,)
    rows: list[dict] = []
    for name in names:
        rows.extend(row for _n, row in read_jsonl(str(DATA / f"{name}.jsonl")))
    return rows


def evaluate(rows: Iterable[dict]) -> dict[str, Any]:
    """Accuracy of the acceptable verdict and per-flaw precision/recall/F1 over ``rows``."""

    def judged() -> Iterator[tuple[dict, bool, list[str]]]:
        for row in rows:
            verdict = check(row["reply"], row.get("complaint", ""))
            yield row, verdict.acceptable, verdict.codes

    return compare(judged())


def compare(judged: Iterable[tuple[dict, bool, list[str]]]) -> dict[str, Any]:
    """Score judgements against labels: each item is a labelled row (``acceptable``,
    ``flaws``) with the acceptable verdict and flaw codes another reader gave it, whether
    the checker (``evaluate``) or another person labelling the same replies
    (``agreement``)."""
    counts = {code: {"tp": 0, "fp": 0, "fn": 0} for code in FLAWS}
    total = correct = 0
    errors = []
    for row, acceptable, codes in judged:
        total += 1
        correct += acceptable == row["acceptable"]
        predicted, expected = set(codes), set(row["flaws"])
        for code in FLAWS:
            if code in predicted and code in expected:
                counts[code]["tp"] += 1
            elif code in predicted:
                counts[code]["fp"] += 1
            elif code in expected:
                counts[code]["fn"] += 1
        if predicted != expected or acceptable != row["acceptable"]:
            errors.append(
                {
                    "id": row["id"],
                    "acceptable": [row["acceptable"], acceptable],
                    "missed": sorted(expected - predicted),
                    "extra": sorted(predicted - expected),
                    "reply": row.get("reply", ""),
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


MAJORITY = "majority"
CHECKER = "checker"


def read_labelling(path: str) -> dict[str, dict]:
    """One person's labels by reply id; a bad line raises CommandError (Bahasa Indonesia)."""
    rows: dict[str, dict] = {}
    for n, row in read_jsonl(path):
        key, flaws = row.get("id"), row.get("flaws")
        if not isinstance(key, str) or not key:
            raise CommandError(f'{path}:{n}: kolom "id" wajib berupa teks.')
        if key in rows:
            raise CommandError(f"{path}:{n}: id {key} muncul dua kali.")
        if not isinstance(flaws, list) or any(code not in FLAWS for code in flaws):
            raise CommandError(
                f'{path}:{n}: kolom "flaws" harus berupa daftar kode cacat yang dikenal '
                f"({', '.join(FLAWS)})."
            )
        if row.get("acceptable") is not (not flaws):
            raise CommandError(f'{path}:{n}: "acceptable" harus true tepat bila "flaws" kosong.')
        rows[key] = {**row, "flaws": [code for code in FLAWS if code in flaws]}
    if not rows:
        raise CommandError(f"{path}: berkas tidak berisi label.")
    return rows


def agreement(labellings: dict[str, dict[str, dict]], checker: bool = False) -> dict[str, Any]:
    """Each reader's precision and recall against each other one as the reference, on the
    replies all of them labelled; the majority of three or more people as one more
    reference; the checker as one more reader."""
    names = list(labellings)
    ids = list(labellings[names[0]])
    for name in names[1:]:
        if set(labellings[name]) != set(ids):
            missing = sorted(set(ids) ^ set(labellings[name]))[:3]
            raise CommandError(
                f"{name} dan {names[0]} tidak melabeli balasan yang sama "
                f"(mis. {', '.join(missing)})."
            )
    readers = dict(labellings)
    if len(names) >= 3:
        readers[MAJORITY] = {}
        for key in ids:
            flaws = learned.majority([labellings[name][key]["flaws"] for name in names])
            readers[MAJORITY][key] = {"id": key, "acceptable": not flaws, "flaws": flaws}
    if checker:
        texts = next((rows for rows in labellings.values() if "reply" in rows[ids[0]]), None)
        if texts is None:
            raise CommandError('Untuk --checker, salah satu berkas harus memuat kolom "reply".')
        readers[CHECKER] = {}
        for key in ids:
            verdict = check(texts[key]["reply"], texts[key].get("complaint", ""))
            readers[CHECKER][key] = {
                "id": key,
                "acceptable": verdict.acceptable,
                "flaws": verdict.codes,
            }
    pairs: dict[str, dict[str, Any]] = {}
    for reference in readers:
        if reference == CHECKER:
            continue
        for reader in readers:
            if reader == reference:
                continue
            result = compare(
                (
                    readers[reference][key],
                    readers[reader][key]["acceptable"],
                    readers[reader][key]["flaws"],
                )
                for key in ids
            )
            result.pop("errors")
            pairs[f"{reference}|{reader}"] = result
    return {"replies": len(ids), "people": names, "readers": list(readers), "pairs": pairs}


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
        evaluate_.add_argument(
            "--cross-author",
            action="store_true",
            help="Leave-one-author-out: rules vs learned vs hybrid.",
        )
        evaluate_.add_argument(
            "--frozen",
            action="store_true",
            help="With --cross-author: rules as they were before each author was seen (git).",
        )
        evaluate_.add_argument(
            "--quick",
            action="store_true",
            help="With --cross-author: the shipped thresholds, one fit per held-out author.",
        )
        evaluate_.add_argument(
            "--held-out",
            default="",
            help="With --cross-author: hold out only these authors or sets (comma-separated, "
            "e.g. independent_u,independent_v or author18); the others still train each fold.",
        )
        sub.add_parser("train", help="Rebuild the learned layer's artefact from all sets.")
        agreement_ = sub.add_parser(
            "agreement", help="Agreement of several labellings of the same replies."
        )
        agreement_.add_argument("files", nargs="+", help="JSONL labellings, two or more.")
        agreement_.add_argument("--checker", action="store_true", help="Add the checker.")
        agreement_.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "check":
            self._check(options["input"])
        elif options["action"] == "train":
            self._train()
        elif options["action"] == "agreement":
            self._agreement(options["files"], options["checker"], options["json"])
        elif options["cross_author"]:
            self._cross_author(
                options["frozen"], options["json"], options["quick"], options["held_out"]
            )
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

    def _train(self) -> None:
        model = learned.train(tuple(learned.AUTHORS))
        learned.save(model, learned.ARTEFACT)
        learned.shipped.cache_clear()
        size = learned.ARTEFACT.stat().st_size
        self.stdout.write(
            f"{learned.ARTEFACT.name}: {len(model.word_vocab)} word n-grams, "
            f"{len(model.char_vocab)} character n-grams, {size / 1024:.0f} KiB"
        )
        for code, t, f in zip(learned.LEARNED, model.thresholds, model.floors, strict=True):
            self.stdout.write(f"{code:24} threshold={t:.3f} floor={f:.2f}")

    def _cross_author(
        self, frozen: bool, as_json: bool, quick: bool = False, held_out: str = ""
    ) -> None:
        held = None
        if held_out.strip():
            held = []
            for name in (n.strip() for n in held_out.split(",") if n.strip()):
                found = [a for a, sets in learned.AUTHORS.items() if name == a or name in sets]
                if not found:
                    raise CommandError(
                        f"{name} bukan penulis maupun set berlabel yang dikenal "
                        "(contoh: author18, independent_u)."
                    )
                held += [a for a in found if a not in held]
        try:
            result = learned.cross_author(frozen=frozen, quick=quick, held=held)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        kinds = ("rules", "learned", "hybrid")
        self.stdout.write(
            "cross-author (train on the other authors, score the one left out)"
            + (", rules frozen before each author" if frozen else "")
            + (", shipped thresholds" if quick else "")
        )
        self.stdout.write(
            f"{'author':9} {'flaw':22} " + " ".join(f"{k + ' P/R':>13}" for k in kinds) + "  n"
        )

        def pr(m: dict) -> str:
            p = "-" if m["precision"] is None else f"{m['precision']:.2f}"
            r = "-" if m["recall"] is None else f"{m['recall']:.2f}"
            return f"{p + '/' + r:>13}"

        for author, a in result["authors"].items():
            for code, f in a["flaws"].items():
                cells = " ".join(pr(f[k]) for k in kinds)
                self.stdout.write(f"{author:9} {code:22} {cells}  {f['rules']['support']}")
            for code, m in a.get("majority", {}).items():
                self.stdout.write(
                    f"{author:9} {code:22} {'':>13} {'':>13} {pr(m)}  {m['support']} "
                    "(majority of four)"
                )
            acc = a["accuracy"]
            self.stdout.write(
                f"{author:9} {'accuracy':22} {acc['rules']:13.3f} {'':>13} {acc['hybrid']:13.3f}"
            )
        self.stdout.write("macro over held-out authors")
        for code in learned.LEARNED:
            m = result["macro"][code]
            cells = " ".join(
                pr({"precision": m[f"{k}_precision"], "recall": m[f"{k}_recall"]}) for k in kinds
            )
            self.stdout.write(f"{'macro':9} {code:22} {cells}")
        acc = result["macro"]["accuracy"]
        self.stdout.write(
            f"{'macro':9} {'accuracy':22} {acc['rules']:13.3f} {'':>13} {acc['hybrid']:13.3f}"
        )
        self.stdout.write("hybrid at precision and recall >= 0.80 (references met / references)")
        for code, m in result["meets"].items():
            self.stdout.write(f"{'meets':9} {code:22} {m['met']:>3} / {m['references']}")

    def _agreement(self, files: list[str], checker: bool, as_json: bool) -> None:
        if len(files) < 2 and not checker:
            raise CommandError("Berikan dua berkas label atau lebih (atau satu dengan --checker).")
        labellings: dict[str, dict[str, dict]] = {}
        for path in files:
            name = Path(path).stem
            while name in labellings:
                name += "'"
            labellings[name] = read_labelling(path)
        result = agreement(labellings, checker)
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        out, pairs, people = self.stdout, result["pairs"], result["people"]
        out.write(
            f"replies={result['replies']}; each cell: the column's reader against the row's "
            "reference, precision/recall"
        )
        readers = result["readers"]
        width = max(12, *(len(r) + 1 for r in readers))
        for code in ("acceptable", *FLAWS):
            out.write(f"\n{code}")
            out.write(" " * width + "".join(f"{r:>{width}}" for r in readers))
            for reference in readers:
                if reference == CHECKER:
                    continue
                cells = []
                for reader in readers:
                    m = pairs.get(f"{reference}|{reader}")
                    if m is None:
                        cells.append(" " * width)
                    elif code == "acceptable":
                        cells.append(f"{m['acceptable_accuracy']:>{width}.3f}")
                    else:
                        f = m["flaws"][code]
                        cells.append(f"{f['precision']:.2f}/{f['recall']:.2f}".rjust(width))
                out.write(f"{reference:<{width}}" + "".join(cells))
        human = [f"{a}|{b}" for a in people for b in people if a != b]
        out.write("\nflaw kinds at >= 0.80 precision and recall, per reader and reference:")
        for key, m in pairs.items():
            kinds = sum(learned.meets_target(f) for f in m["flaws"].values())
            note = " (two people)" if key in human else ""
            out.write(
                f"  {key.replace('|', ' read by '):<{2 * width + 9}} {kinds:2d} of 12, "
                f"acceptable {m['acceptable_accuracy']:.3f}{note}"
            )
