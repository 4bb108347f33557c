"""Duplicate panel benchmark: the "possible same report" suggestions of new reports, in
process, by the number of texts whose pair features the model keeps.

    python bench/duplicates_bench.py --database-url postgres://…/aduan_bench_10m \
        [--panels 100] [--rounds 2] [--kept 4000 --kept 0] [--max-id N]

Takes the ``--panels`` newest complaints still waiting for verification (the reports whose
detail pages offer the panel, as ``bench/load.py``'s ``duplicates_panel`` scenario does;
``--max-id``: only complaints up to that id, e.g. the generated ones after a load pass added
its own) and runs ``triage.services.duplicates_of`` for each of them, ``--rounds`` times
over, as a verifier's detail page does (``complaints.views._possible_duplicates``), in
the settings ``bench/load.py`` gives its server. Each ``--kept`` value runs in a fresh
process of its own, pinned to one core, one after the other, with ``TEXT_PARTS_CACHED`` set
to it (0: every text computed in every panel). Prints, per setting and round: panel
p50/p95/p99 (ms), the texts computed and unpacked, and the process's resident memory after
the round and its growth since the model was loaded (MB). Prints numbers; never fails.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from dashboard_bench import percentile  # beside this script, as the other benches
from load import ROOT, rss_mb, setup_django


def _one(database_url: str, panels: int, rounds: int, kept: int, max_id: int | None) -> None:
    """In this process: the panels with ``TEXT_PARTS_CACHED = kept``; one JSON line a round
    on stdout."""
    setup_django(database_url)
    from aduan.complaints.models import Complaint
    from aduan.triage import model as triage_model
    from aduan.triage.model import get_model
    from aduan.triage.services import duplicates_of

    triage_model.TEXT_PARTS_CACHED = kept
    model = get_model()
    waiting = Complaint.objects.filter(status="baru")
    if max_id is not None:
        waiting = waiting.filter(pk__lte=max_id)
    complaints = list(
        waiting.select_related("jurisdiction", "area", "category", "suggested_category").order_by(
            "-id"
        )[:panels]
    )
    base = rss_mb(os.getpid())
    for number in range(1, rounds + 1):
        cache = model._parts
        computed, unpacked = cache.computed, cache.unpacked
        times: list[float] = []
        found = 0
        for c in complaints:
            started = time.perf_counter()
            found += len(duplicates_of(c))
            times.append((time.perf_counter() - started) * 1000)
        print(
            json.dumps(
                {
                    "kept": kept,
                    "round": number,
                    "panels": len(times),
                    "p50": statistics.median(times),
                    "p95": percentile(times, 0.95),
                    "p99": percentile(times, 0.99),
                    "seconds": sum(times) / 1000,
                    "computed": cache.computed - computed,
                    "unpacked": cache.unpacked - unpacked,
                    "suggested": found,
                    "rss_mb": rss_mb(os.getpid()),
                    "rss_growth_mb": rss_mb(os.getpid()) - base,
                    "kept_texts": len(cache),
                }
            ),
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="the generated benchmark database")
    parser.add_argument("--panels", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--kept", type=int, action="append", default=None)
    parser.add_argument("--max-id", type=int, default=None)
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        except (AttributeError, OSError):
            pass
        _one(args.database_url, args.panels, args.rounds, args.one, args.max_id)
        return
    sys.path.insert(0, str(ROOT))
    from aduan.triage.model import TEXT_PARTS_CACHED

    settings = args.kept or [TEXT_PARTS_CACHED, 0]
    print(f"duplicate panels: {args.panels} new reports x {args.rounds} rounds, in process")
    print(
        f"{'kept':>7} {'round':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'total s':>8} "
        f"{'computed':>8} {'unpacked':>8} {'RSS MB':>7} {'growth':>7}"
    )
    for kept in settings:
        out = subprocess.run(  # noqa: S603 - this script, run again with its own arguments
            [
                sys.executable,
                __file__,
                "--one",
                str(kept),
                "--database-url",
                args.database_url,
                "--panels",
                str(args.panels),
                "--rounds",
                str(args.rounds),
                *(["--max-id", str(args.max_id)] if args.max_id is not None else []),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        for line in out.stdout.splitlines():
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            print(
                f"{r['kept']:>7} {r['round']:>5} {r['p50']:>8.1f} {r['p95']:>8.1f} "
                f"{r['p99']:>8.1f} {r['seconds']:>8.2f} {r['computed']:>8} {r['unpacked']:>8} "
                f"{r['rss_mb']:>7.1f} {r['rss_growth_mb']:>7.1f}"
            )
        if out.returncode:
            print(f"kept={kept}: failed\n{out.stderr[-2000:]}")


if __name__ == "__main__":
    main()
