"""The inbox search and the overdue counts, the way they read now against the plain way, in
one process, alternating call by call so that both see the same minutes of a busy machine.

    python bench/search_bench.py --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_1m \\
        [--runs 30] [--out bench/results/search-1m.json]

- **search**: ``selectors.inbox_page`` for the words the load test searches (common words,
  a street, two words that never meet, kelurahan names, a tracking code) against the plain
  way, ``keyset_page`` over ``complaint_list`` with the search in it (the matching ids up
  to the cap first, then the page among them or along the date index), which is what the
  inbox ran before and what "Cari di semua laporan" (``lengkap=1``) runs. The way chosen,
  the count shown and whether the walk stopped at its budget are printed with each.
- **overdue**: ``selectors.overdue_counts`` (capped ranges per unit and stage) against the
  plain GROUP BY over every overdue complaint. For a fair plain run the database needs the
  index that query was written for; the script creates it (``c_overdue_plain``) for the
  run and drops it after, unless ``--keep-plain-index``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from explain import setup  # the same Django set-up as bench/explain.py, beside this script

PLAIN_INDEX = (
    "CREATE INDEX IF NOT EXISTS c_overdue_plain ON complaints_complaint "
    "(jurisdiction_id, due_at) INCLUDE (unit_id, stage) "
    "WHERE stage IN ('penyelesaian', 'tindak_lanjut_awal', 'verifikasi')"
)


def summary(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {
        "p50": round(statistics.median(samples), 2),
        "p95": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", required=True)
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--out", default="")
    p.add_argument("--keep-plain-index", action="store_true")
    args = p.parse_args()
    setup(args.database_url)

    from django.db import connection
    from django.db.models import Count
    from django.utils import timezone

    from aduan.accounts.models import User
    from aduan.complaints import selectors
    from aduan.complaints.choices import STAFF_STAGES
    from aduan.complaints.models import Complaint
    from aduan.organisation.models import Area

    verifier = User.objects.get(username="bench.verifikator")
    supervisor = User.objects.get(username="bench.pengawas")
    F = selectors.InboxFilters
    places = list(Area.objects.filter(kind="kelurahan").values_list("name", flat=True)[:5])
    code = Complaint.objects.order_by("-id").values_list("tracking_code", flat=True)[500]
    words = ["jalan berlubang", "sampah", "ktp", "Jlamprang", "banjir rob", *places, code]

    def new_search(text: str) -> Any:
        return selectors.inbox_page(verifier, F(q=text))

    def plain_search(text: str) -> Any:
        ordering = selectors.ORDERINGS[""]
        qs = selectors.complaint_list(verifier, F(q=text)).select_related(None)
        return selectors.keyset_page(qs.only(*selectors.INBOX_ROW_FIELDS), ordering)

    def plain_overdue() -> list[dict]:
        return list(
            selectors.complaints_visible_to(supervisor)
            .filter(stage__in=[*STAFF_STAGES], due_at__lt=timezone.now())
            .order_by()
            .values("unit_id", "stage")
            .annotate(n=Count("*"))
        )

    with connection.cursor() as cursor:
        cursor.execute(PLAIN_INDEX)
        cursor.execute("ANALYZE complaints_complaint")
    results: dict[str, Any] = {"complaints": Complaint.objects.count(), "cases": {}}
    cases: list[tuple[str, Any, Any]] = [
        (f"search {w!r}", (lambda w=w: new_search(w)), (lambda w=w: plain_search(w))) for w in words
    ]
    cases.append(("overdue", lambda: selectors.overdue_counts(supervisor), plain_overdue))
    try:
        for name, new, plain in cases:
            first = new()
            plain()
            times: dict[str, list[float]] = {"now": [], "plain": []}
            for _ in range(args.runs):
                for label, fn in (("plain", plain), ("now", new)):
                    t0 = time.perf_counter()
                    fn()
                    times[label].append((time.perf_counter() - t0) * 1000)
            row = {label: summary(samples) for label, samples in times.items()}
            if name.startswith("search"):
                row["shown"] = (
                    f"more than {first.count}"
                    if first.count_capped
                    else f"{first.count} among the first {first.count_scope}"
                    if first.count_scope
                    else str(first.count)
                ) + (f", {len(first.rows)} rows, walk stopped" if first.walk_stopped else "")
            results["cases"][name] = row
            print(f"{name:<28} {json.dumps(row)}", flush=True)
    finally:
        if not args.keep_plain_index:
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX IF EXISTS c_overdue_plain")
    results["load_average"] = os.getloadavg()
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
