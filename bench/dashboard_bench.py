"""Dashboard benchmark: server time of every dashboard view against the configured database.

    ADUAN_DEBUG=1 DATABASE_URL=postgres://... .venv/bin/python bench/dashboard_bench.py \
        [--jurisdiction pekalongan] [--runs 30] [--slowest 5] [--only pimpinan]

Calls each view through Django's RequestFactory (no network, no middleware) as a
supervisor of the jurisdiction (an existing one: run `aduan load-demo` for the demo
accounts), after one warm-up call, and prints the complaint count, p50/p95/p99 in
milliseconds and the number of queries of each view. Reads only. Prints numbers; never
fails on timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jurisdiction", default="pekalongan")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--slowest",
        type=int,
        default=0,
        metavar="N",
        help="after each view, its N slowest queries of the last run (ms and SQL start)",
    )
    parser.add_argument("--only", default="", help="views whose label contains this text")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
    import django

    django.setup()
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.db import connection
    from django.db.models import Count
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.urls import resolve

    from aduan.accounts.choices import Role
    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint
    from aduan.organisation.models import Area, Jurisdiction
    from aduan.reports.models import ComplaintRollup

    jurisdiction = Jurisdiction.objects.get(slug=args.jurisdiction)
    user = (
        User.objects.filter(jurisdiction=jurisdiction, role=Role.SUPERVISOR, is_active=True)
        .order_by("pk")
        .first()
    )
    if user is None:
        sys.exit("No active supervisor in this jurisdiction; run `aduan load-demo` first.")
    busiest = (
        Complaint.objects.filter(jurisdiction=jurisdiction, unit__isnull=False)
        .values("unit_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    complaints = Complaint.objects.filter(jurisdiction=jurisdiction).count()
    area = Area.objects.filter(jurisdiction=jurisdiction, kind="kelurahan").order_by("pk").first()
    unit_id = busiest["unit_id"] if busiest else None
    pages = [
        ("dasbor pimpinan (12 bulan)", "/kerja/laporan/"),
        ("dasbor pimpinan, 36 bulan", "/kerja/laporan/?dari=2024-01&sampai=2026-12"),
        ("dasbor pimpinan, satu kategori", "/kerja/laporan/?kategori=jalan"),
        ("dasbor pimpinan, satu kelurahan", f"/kerja/laporan/?kelurahan={area.pk if area else ''}"),
        ("peta", "/kerja/laporan/peta/"),
        ("data peta (JSON)", "/kerja/laporan/peta/data.json"),
    ]
    if unit_id:
        pages.insert(1, ("dasbor pimpinan, satu unit", f"/kerja/laporan/?unit={unit_id}"))
        pages.insert(2, ("dasbor unit", f"/kerja/laporan/unit/{unit_id}/"))
    pdf_pages = [
        ("PDF bulanan", "/kerja/laporan/pdf/bulanan/"),
        ("PDF tahunan", "/kerja/laporan/pdf/tahunan/"),
    ]

    factory = RequestFactory()

    last: list[dict] = []

    def call(url: str) -> tuple[float, int, int]:
        request = factory.get(url)
        request.user = user
        request.session = SessionStore()
        match = resolve(request.path)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = match.func(request, *match.args, **match.kwargs)
            elapsed = (time.perf_counter() - started) * 1000
        last[:] = queries.captured_queries
        return elapsed, len(queries), response.status_code

    print(f"database: {connection.vendor} {connection.settings_dict.get('NAME')}")
    rows = ComplaintRollup.objects.filter(jurisdiction_id=jurisdiction.pk).count()
    print(f"complaints in {jurisdiction.slug}: {complaints:,}; rollup rows: {rows:,}")
    print(f"runs per view: {args.runs}; load average: {os.getloadavg()[0]:.1f}")
    print(f"{'view':34} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'queries':>8} {'status':>6}")
    for label, url, runs in [(*p, args.runs) for p in pages] + [
        (*p, max(3, args.runs // 10)) for p in pdf_pages
    ]:
        if args.only and args.only not in label:
            continue
        call(url)  # warm-up
        times, count, status = [], 0, 0
        for _ in range(runs):
            elapsed, count, status = call(url)
            times.append(elapsed)
        print(
            f"{label:34} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f} "
            f"{percentile(times, 0.99):8.1f} {count:8d} {status:6d}"
        )
        for query in sorted(last, key=lambda q: -float(q["time"]))[: args.slowest]:
            sql = " ".join(query["sql"].split())
            print(f"    {float(query['time']) * 1000:8.1f} ms  {sql[:150]}")


if __name__ == "__main__":
    main()
