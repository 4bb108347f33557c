"""Triage classifier benchmark: classifications per second on one core, latency, load time.

    ADUAN_DEBUG=1 .venv/bin/python bench/triage_bench.py [--n 2000]

Pins BLAS and OpenMP to one thread before numpy is imported and the process to one core,
loads the artefact (timing the load), then classifies ``--n`` distinct corpus texts in
batches of 256, as ``aduan triage classify`` does, and 1,000 others one at a time, as the
web form does (p50/p95 latency per report). Also times the duplicate scorer on pairs.
Prints numbers; never fails.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass

    from aduan.triage.model import ARTEFACT_PATH, TriageModel
    from aduan.triage.places import gazetteer_from_defaults
    from aduan.triage.training import CORPUS_PATH, PAIRS_HELDOUT_PATH, read_jsonl

    started = time.perf_counter()
    model = TriageModel.load(ARTEFACT_PATH)
    load_s = time.perf_counter() - started
    gaz = gazetteer_from_defaults()
    # Distinct texts, so that no cache flatters the numbers.
    texts = [r["text"] for r in read_jsonl(CORPUS_PATH)][: args.n]
    model.predict(["warm up: lampu jalan mati"], gazetteer=gaz)

    started, cpu_started = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), 256):
        model.predict(texts[i : i + 256], gazetteer=gaz)
    batch_s = time.perf_counter() - started
    batch_cpu = time.process_time() - cpu_started

    latencies = []
    for t in texts[-1000:]:
        t0 = time.perf_counter()
        model.predict([t], gazetteer=gaz)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()

    pairs = read_jsonl(PAIRS_HELDOUT_PATH)
    pair_list = [(r["a"], r["b"]) for r in pairs] * 10
    started = time.perf_counter()
    model.pair_scores(pair_list, gazetteer=gaz)
    pair_s = time.perf_counter() - started

    result = {
        "date": datetime.now(tz=UTC).date().isoformat(),
        "machine": f"{platform.machine()} {platform.processor() or ''} {os.cpu_count()} cpu, "
        f"Python {platform.python_version()}".strip(),
        "threads": 1,
        "model_size_mb": round(ARTEFACT_PATH.stat().st_size / 1e6, 2),
        "features": model.featuriser.n_features,
        "load_seconds": round(load_s, 3),
        "classifications_per_second_batched": round(len(texts) / batch_s),
        # CPU time of this single-threaded process: what one free core gives, whatever else
        # shares the machine while the benchmark runs.
        "classifications_per_cpu_second_batched": round(len(texts) / batch_cpu),
        "classifications_per_second_one_by_one": round(1000 / statistics.mean(latencies)),
        "latency_ms_p50": round(latencies[len(latencies) // 2], 2),
        "latency_ms_p95": round(latencies[int(len(latencies) * 0.95)], 2),
        "pairs_per_second": round(len(pair_list) / pair_s),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
