"""Open311 GET endpoints in process: the request lists (JSON, XML, filters, extensions), one
request and the services, timed with Django's test client against an existing database.

    ADUAN_DEBUG=1 .venv/bin/python bench/open311_bench.py \
        --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_10k [--compare ../old]

Reads only. Each URL gets a warm-up request and then ``--repeat`` timed ones (p50, p95,
queries, bytes). ``--compare DIR`` runs the same requests with the code checked out in DIR
(e.g. a worktree of the previous commit), alternating old and new for ``--rounds`` rounds so
that a busy machine weighs on both alike, and checks that both answer the same bytes for
every URL whose window is fixed (the default window moves with the clock). Prints the load
average before and after. Never writes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def urls(codes: list[str], window: str) -> list[tuple[str, str, bool]]:
    """(name, url, fixed): ``fixed`` when the answer does not move with the clock."""
    base = "/open311/v2"
    ids = ",".join(codes[:20])
    return [
        ("requests.json", f"{base}/requests.json", False),
        ("requests.xml", f"{base}/requests.xml", False),
        ("requests.json (fixed window)", f"{base}/requests.json?{window}", True),
        ("requests.xml (fixed window)", f"{base}/requests.xml?{window}", True),
        ("?status=open", f"{base}/requests.json?status=open&{window}", True),
        ("?status=closed", f"{base}/requests.json?status=closed&{window}", True),
        ("?extensions=true", f"{base}/requests.json?extensions=true&{window}", True),
        ("?extensions=true (xml)", f"{base}/requests.xml?extensions=true&{window}", True),
        ("?page=3&page_size=100", f"{base}/requests.json?page=3&page_size=100&{window}", True),
        ("?service_request_id=20 ids", f"{base}/requests.json?service_request_id={ids}", True),
        ("requests/<id>.json", f"{base}/requests/{codes[0]}.json", True),
        ("requests/<id>.xml ext", f"{base}/requests/{codes[1]}.xml?extensions=true", True),
        ("services.json", f"{base}/services.json", True),
    ]


def worker(args: argparse.Namespace) -> None:
    """Runs in the checkout it was started from; prints one JSON object."""
    os.environ.update(DATABASE_URL=args.database_url, DJANGO_SETTINGS_MODULE="aduan.settings")
    sys.path.insert(0, os.getcwd())
    from datetime import timedelta

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from aduan.complaints.models import Complaint
    from aduan.transparency.publish import public_q

    settings.ALLOWED_HOSTS = ["*"]
    end = Complaint.objects.order_by("-submitted_at").values_list("submitted_at", flat=True)[0]
    end = end.replace(hour=0, minute=0, second=0, microsecond=0)  # yesterday at the latest
    start = end - timedelta(days=89)
    window = f"start_date={start.date().isoformat()}&end_date={end.date().isoformat()}"
    codes = list(
        Complaint.objects.filter(public_q(), submitted_at__lt=end)
        .order_by("-submitted_at", "-id")
        .values_list("tracking_code", flat=True)[:20]
    )
    client = Client()
    out = {}
    for name, url, fixed in urls(codes, window):
        response = client.get(url)  # warm up
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as ctx:
                t = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
        out[name] = {
            "times": times,
            "queries": len(ctx.captured_queries),
            "bytes": len(response.content),
            "sha": hashlib.sha256(response.content).hexdigest() if fixed else "",
            "rows": response.content.count(b'"service_request_id"')
            or response.content.count(b"<service_request_id>"),
        }
    print(json.dumps(out))


def run_in(checkout: Path, args: argparse.Namespace) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout), ADUAN_DEBUG=os.environ.get("ADUAN_DEBUG", "1"))
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        "--database-url",
        args.database_url,
        "--repeat",
        str(args.repeat),
    ]
    done = subprocess.run(cmd, cwd=checkout, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return json.loads(done.stdout.strip().splitlines()[-1])


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", required=True)
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--compare", type=Path, help="checkout of the code to compare against")
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        worker(args)
        return
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sides = {"new": ROOT} | ({"old": args.compare.resolve()} if args.compare else {})
    merged: dict[str, dict] = {side: {} for side in sides}
    for _ in range(args.rounds):
        for side in sorted(sides, reverse=True):  # old first, then new
            for name, row in run_in(sides[side], args).items():
                seen = merged[side].setdefault(name, dict(row, times=[]))
                seen["times"] += row["times"]
                assert seen["sha"] == row["sha"], f"{side} {name}: answer changed between runs"
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    head = f"{'url':30} {'rows':>5} {'KB':>6} " + " ".join(
        f"{side + ' ' + k:>13}" for side in sorted(sides, reverse=True) for k in ("p50", "p95", "q")
    )
    print(head)
    for name, row in merged["new"].items():
        cells = []
        for side in sorted(sides, reverse=True):
            r = merged[side][name]
            t = r["times"]
            cells += [f"{statistics.median(t):13.1f}", f"{p95(t):13.1f}", f"{r['queries']:13d}"]
        print(f"{name:30} {row['rows']:5d} {row['bytes'] / 1000:6.0f} " + " ".join(cells))
    if "old" in merged:
        differ = [
            name
            for name, row in merged["new"].items()
            if row["sha"] != merged["old"][name]["sha"]
            or (not row["sha"] and row["bytes"] != merged["old"][name]["bytes"])
        ]
        print("same bytes as old: " + ("yes" if not differ else "NO: " + ", ".join(differ)))


if __name__ == "__main__":
    main()
