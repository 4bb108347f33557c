"""Query plans and in-process timings of the inbox, search, detail and duplicate finder.

    python bench/explain.py --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_1m \\
        [--plans docs/plans-1m.txt] [--out bench/results/explain-1m.json]

For each key query: the ``EXPLAIN (ANALYZE, BUFFERS)`` plan of the query the page runs (built
by the same selectors) and the p50/p95 of running it ``--repeat`` times in this process
(no HTTP, no template). The duplicate finder (``aduan.triage.services``) is timed twice:
its candidate queries alone and the whole ``find_duplicates`` (candidates + scoring) for
recent open complaints of the database.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from load import setup_django  # the same in-process set-up as bench/load.py, beside this script

ROOT = Path(__file__).resolve().parent.parent


def setup(url: str) -> None:
    setup_django(url)


def timed(fn: Any, repeat: int) -> dict[str, float]:
    fn()  # warm
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return {
        "p50": round(statistics.median(samples), 2),
        "p95": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
        "max": round(samples[-1], 2),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", required=True)
    p.add_argument("--repeat", type=int, default=30)
    p.add_argument("--plans", default="", help="write the plans to this file")
    p.add_argument("--out", default="", help="write the timings as JSON")
    p.add_argument(
        "--only", default="", help="comma-separated words: only the cases whose name has one"
    )
    args = p.parse_args()
    setup(args.database_url)

    from django.utils import timezone

    from aduan.accounts.models import User
    from aduan.complaints import selectors
    from aduan.complaints.choices import OPEN_STATUSES
    from aduan.complaints.models import Complaint
    from aduan.organisation.models import Area
    from aduan.triage import services as triage

    verifier = User.objects.get(username="bench.verifikator")
    officer = User.objects.get(username="bench.dpupr")
    F = selectors.InboxFilters
    total = Complaint.objects.count()
    deep = Complaint.objects.order_by("-submitted_at", "-id").values_list("submitted_at", "id")[
        min(10_000, max(total - 60, 0)) :
    ][:1]
    deep_cursor = selectors.encode_position(list(deep[0])) if deep else ""
    area = Area.objects.filter(kind="kelurahan").order_by("id").first()
    some = Complaint.objects.order_by("-id").values_list("tracking_code", flat=True)[500]

    def page(user: User, filters: Any, after: str = "") -> Any:
        return lambda: selectors.inbox_page(user, filters, after=after)

    cases: list[tuple[str, Any, Any]] = [
        (
            "inbox verifikasi",
            page(verifier, F(queue="verifikasi")),
            selectors.complaint_list(verifier, F(queue="verifikasi")),
        ),
        (
            "inbox unit",
            page(officer, F(queue="unit")),
            selectors.complaint_list(officer, F(queue="unit")),
        ),
        ("inbox semua", page(verifier, F()), selectors.complaint_list(verifier, F())),
        ("inbox deep page (after 10,000)", page(verifier, F(), deep_cursor), None),
        (
            "inbox category+kelurahan+open",
            page(verifier, F(category="jalan", area=area.pk if area else None, status="terbuka")),
            selectors.complaint_list(
                verifier, F(category="jalan", area=area.pk if area else None, status="terbuka")
            ),
        ),
        (
            "inbox sort by deadline, open",
            page(verifier, F(sort="batas", status="terbuka")),
            selectors.complaint_list(verifier, F(sort="batas", status="terbuka")),
        ),
        (
            "search 'jalan berlubang'",
            page(verifier, F(q="jalan berlubang")),
            selectors.complaint_list(verifier, F(q="jalan berlubang")),
        ),
        (
            "search 'Jlamprang'",
            page(verifier, F(q="Jlamprang")),
            selectors.complaint_list(verifier, F(q="Jlamprang")),
        ),
        (
            "search tracking code",
            page(verifier, F(q=some)),
            selectors.complaint_list(verifier, F(q=some)),
        ),
        ("detail lookup", lambda: selectors.complaint_get_for_user(verifier, some), None),
    ]
    # Searches as the load test sends them: common words, a street, two common words that
    # never meet, a kelurahan name. The plan is the one the page runs (a walk of the list
    # in page order, or the matching ids first), chosen as ``keyset_page`` chooses.
    places = list(Area.objects.filter(kind="kelurahan").values_list("name", flat=True)[:2])
    for words in ["sampah", "ktp", "banjir rob", *places]:
        cases.append((f"search {words!r}", page(verifier, F(q=words)), None))
    for words in ["jalan berlubang", "Jlamprang", "banjir rob", *places[:1]]:
        cases.append((f"search plan {words!r}", None, ("search", words)))
    cases.append(("overdue counts", lambda: selectors.overdue_counts(verifier), ("overdue", "")))
    recent = list(
        # generated complaints (no submission key) with a kelurahan, as most reports have
        Complaint.objects.filter(
            status__in=list(OPEN_STATUSES), submission_key__isnull=True, area__isnull=False
        )
        .select_related("jurisdiction", "area", "category")
        .order_by("-submitted_at")[:40]
    )
    state = {"i": 0}

    def next_recent() -> Complaint:
        state["i"] = (state["i"] + 1) % len(recent)
        return recent[state["i"]]

    def candidates() -> Any:
        c = next_recent()
        return triage.duplicate_candidates(
            jurisdiction=c.jurisdiction,
            area_ids=[c.area_id] if c.area_id else [],
            latitude=c.latitude,
            longitude=c.longitude,
            category=c.category,
            since=timezone.now() - triage.DUPLICATE_WINDOW,
            exclude=c.pk,
        )

    def finder() -> Any:
        c = next_recent()
        return triage.find_duplicates(
            jurisdiction=c.jurisdiction,
            text=f"{c.title}\n{c.description}",
            area=c.area,
            latitude=c.latitude,
            longitude=c.longitude,
            category=c.category,
            exclude=c,
        )

    if recent:
        cases.append(("triage duplicate candidates", candidates, None))
        cases.append(("triage find_duplicates (with scoring)", finder, None))
        c0 = recent[0]
        since = timezone.now() - triage.DUPLICATE_WINDOW
        cases.append(
            (
                "triage candidates by kelurahan (plan)",
                None,
                Complaint.objects.filter(
                    jurisdiction=c0.jurisdiction,
                    submitted_at__gte=since,
                    status__in=list(OPEN_STATUSES),
                    area_id__in=[c0.area_id or 0],
                ).order_by("-submitted_at")[: triage.CANDIDATE_LIMIT],
            )
        )
    plans: list[str] = [f"# {total:,} complaints\n"]
    timings: dict[str, Any] = {"complaints": total, "cases": {}}
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    for name, fn, qs in cases:
        if wanted and not any(w in name for w in wanted):
            continue
        if isinstance(qs, tuple):
            plans.append(f"## {name}\n\n{special_plan(qs, verifier)}\n")
            qs = None
        if fn is not None:
            timings["cases"][name] = timed(fn, args.repeat)
            print(f"{name:<42} {timings['cases'][name]}", flush=True)
        if qs is not None:
            query = qs if qs.query.low_mark or qs.query.high_mark else qs[:51]
            plan = query.explain(analyze=True, buffers=True)
            plans.append(f"## {name}\n\n{plan}\n")
    text = "\n".join(plans)
    if args.plans:
        Path(args.plans).parent.mkdir(parents=True, exist_ok=True)
        Path(args.plans).write_text(text)
    else:
        print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(timings, indent=1) + "\n")


def special_plan(what: tuple[str, str], user: Any) -> str:
    """The plan of the query a search page or the overdue view runs, with the choice made."""
    from django.db import connection

    from aduan.complaints import selectors

    statements: list[tuple[str, Any]] = []

    def keep(run: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        statements.append((sql, params))
        return run(sql, params, many, context)

    kind, words = what
    with connection.execute_wrapper(keep):
        if kind == "overdue":
            selectors.overdue_counts(user)
        else:
            selectors.inbox_page(user, selectors.InboxFilters(q=words))
    out = []
    for sql, params in statements:
        if sql.lstrip().upper().startswith("EXPLAIN") or "django_session" in sql:
            continue
        head = "walk" if "walk_hit" in sql else "query"
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        out.append(f"### {head}\n\n{plan}\n")
    return "\n".join(out)


if __name__ == "__main__":
    main()
