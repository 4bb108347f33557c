"""Where the time of a staff page goes: the same request in-process, with and without parts.

    python bench/breakdown.py --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_1m

Runs in one process, moments apart, so that the shares hold even on a busy machine: the
bare view (middleware only), the inbox's selectors alone, the inbox rows partial (htmx), the
full inbox page, and the overdue page; median and p95 of ``--repeat`` requests each.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from load import setup_django  # the same in-process set-up as bench/load.py, beside this script

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", required=True)
    p.add_argument("--repeat", type=int, default=30)
    args = p.parse_args()
    setup_django(args.database_url)
    from django.test import Client

    from aduan.accounts.models import User
    from aduan.complaints import selectors

    user = User.objects.get(username="bench.verifikator")
    client = Client()
    client.force_login(user)
    inbox = "/kerja/daftar/semua/"
    cases = {
        "bare view (/bench/bare/)": lambda: client.get("/bench/bare/"),
        "inbox selectors only": lambda: selectors.inbox_page(user, selectors.InboxFilters()),
        "inbox rows partial (htmx)": lambda: client.get(inbox, HTTP_HX_REQUEST="true"),
        "inbox full page": lambda: client.get(inbox),
        "overdue page": lambda: client.get("/kerja/terlambat/"),
    }
    for name, fn in cases.items():
        for _ in range(3):
            fn()
        samples = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t0) * 1000)
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
        print(f"| {name} | {statistics.median(samples):.1f} | {p95:.1f} |", flush=True)


if __name__ == "__main__":
    main()
