"""Reply-quality benchmark: the time and queries of ``replies.selectors.reply_quality`` over
many recorded verdicts, and the cost the verdict adds to a follow-up.

    ADUAN_DEBUG=1 .venv/bin/python bench/replies_quality_bench.py [--n 20000]

Uses a fresh SQLite file in a temporary folder unless DATABASE_URL is set (then that
database, which must be empty or disposable). Creates ``--n`` verdicts spread over 12 months,
20 officers and 10 units, then times the selector for the whole year and for one unit.
Prints numbers; never fails.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="aduan-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
    import django

    django.setup()
    from datetime import date, datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from aduan.accounts.models import User
    from aduan.complaints import services
    from aduan.complaints.models import ComplaintEvent
    from aduan.organisation.defaults import load_defaults
    from aduan.organisation.models import Jurisdiction, Membership, Unit
    from aduan.replies import checker
    from aduan.replies.models import ReplyReview
    from aduan.replies.selectors import reply_quality

    call_command("migrate", verbosity=0)
    load_defaults("pekalongan")
    jurisdiction = Jurisdiction.objects.get(slug="pekalongan")
    units = list(Unit.objects.filter(jurisdiction=jurisdiction).exclude(kind="external")[:10])
    officers = []
    for i in range(20):
        user = User.objects.create_user(
            username=f"petugas{i}", jurisdiction=jurisdiction, role="officer"
        )
        Membership.objects.create(user=user, unit=units[i % 10])
        officers.append(user)
    complaint = services.complaint_submit(
        jurisdiction=jurisdiction,
        channel="web",
        description="Lampu jalan mati sejak seminggu di depan masjid.",
        reporter_name="Uji",
        reporter_phone="081234567890",
    ).complaint
    texts = [
        "ok",
        "Yth. Bapak/Ibu, terima kasih. Perbaikan dijadwalkan Senin.",
        "SUDAH KAMI CEK",
        "Terima kasih atas laporannya, petugas kami akan datang besok pagi.",
    ]
    verdicts = [checker.check(t) for t in texts]
    rng = random.Random(7)
    tz = ZoneInfo("Asia/Jakarta")
    start = datetime(2025, 1, 1, 8, tzinfo=tz)
    t0 = time.perf_counter()
    events = ComplaintEvent.objects.bulk_create(
        [
            ComplaintEvent(
                complaint=complaint,
                created_at=start + timedelta(minutes=rng.randrange(365 * 24 * 60)),
                kind="follow_up",
                message="x",
                is_public=True,
            )
            for _ in range(args.n)
        ],
        batch_size=2000,
    )
    reviews = []
    for event in events:
        n = rng.randrange(len(texts))
        officer = officers[rng.randrange(20)]
        v = verdicts[n]
        reviews.append(
            ReplyReview(
                event=event,
                complaint=complaint,
                jurisdiction=jurisdiction,
                officer=officer,
                unit=units[officers.index(officer) % 10],
                kind="follow_up",
                score=v.score,
                acceptable=v.acceptable,
                flaws=v.as_dict()["flaws"],
                flaw_codes=f" {' '.join(v.codes)} " if v.flaws else "",
                created_at=event.created_at,
            )
        )
    ReplyReview.objects.bulk_create(reviews, batch_size=2000)
    setup = time.perf_counter() - t0
    print(f"engine: {connection.vendor}; verdicts: {args.n} (set up in {setup:.1f} s)")

    def timed(label: str, **kwargs) -> None:
        runs = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                t = time.perf_counter()
                result = reply_quality(jurisdiction, date(2025, 1, 1), date(2025, 12, 31), **kwargs)
                runs.append(time.perf_counter() - t)
        print(
            f"{label}: median {statistics.median(runs) * 1000:.1f} ms, "
            f"{len(queries.captured_queries)} queries, {len(result.units)} unit rows, "
            f"{len(result.officers)} officer rows"
        )

    timed("reply_quality, whole year, every unit")
    timed("reply_quality, whole year, one unit", unit=units[0])
    samples = []
    for text in texts * 250:
        t = time.perf_counter()
        checker.check(text, complaint.description)
        samples.append(time.perf_counter() - t)
    print(f"checker.check per reply: median {statistics.median(samples) * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
