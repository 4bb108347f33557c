"""Reply-tone checker benchmark: replies per second on one core and latency per reply.

    ADUAN_DEBUG=1 .venv/bin/python bench/replies_bench.py [--n 5000]

Pins the process to one core, then checks ``--n`` replies built from the labelled sets
(each made distinct by a varying suffix, so nothing is served from a cache) one at a time,
as the reply form and ``aduan replies check`` do. Prints throughput and p50/p95/p99 latency.
Prints numbers; never fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass

    # The checker reads the shipped unit names through the organisation app (no database).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
    import django

    django.setup()

    from aduan.replies.checker import check

    rows = []
    for name in ("dev", "heldout"):
        path = ROOT / "aduan" / "replies" / "data" / f"{name}.jsonl"
        rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    items = [
        (f"{rows[i % len(rows)]['reply']} (#{i})", rows[i % len(rows)]["complaint"])
        for i in range(args.n)
    ]
    check(*items[0])  # compile the rules outside the timing
    latencies = []
    start = time.perf_counter()
    for reply, complaint in items:
        t0 = time.perf_counter()
        check(reply, complaint)
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    chars = statistics.mean(len(r) for r, _c in items)
    print(f"python {platform.python_version()} on {platform.machine()}, one core")
    print(f"replies: {args.n} (mean {chars:.0f} characters, with their complaints)")
    print(f"throughput: {args.n / elapsed:.0f} replies/s")
    print(f"latency per reply: p50 {pct(50):.2f} ms, p95 {pct(95):.2f} ms, p99 {pct(99):.2f} ms")


if __name__ == "__main__":
    main()
