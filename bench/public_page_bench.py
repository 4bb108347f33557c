"""Public transparency page and inbox export benchmark: time and queries per request as the
table grows.

    ADUAN_DEBUG=1 .venv/bin/python bench/public_page_bench.py [--n 20000]
    DATABASE_URL=postgres://... ADUAN_DEBUG=1 .venv/bin/python bench/public_page_bench.py

Creates a throw-away test database (Django's test database for the configured engine),
loads the Kota Pekalongan defaults, inserts ``--n`` complaints spread over a year (a tenth
confidential, most answered), then times, with Django's test client: the public list's
first page, a page deep in the keyset, a search, the statistics (uncached), one complaint's
page, the citizen form's similar-report search, and a CSV and an XLSX export of every row
by the verifier (with Python's peak traced memory). On PostgreSQL the tables are analysed
after the bulk load, as autovacuum would. Prints numbers; never fails.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
PASSWORD = "bench-only-password"  # noqa: S105 - a throw-away test database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run(args, Client, CaptureQueriesContext, cache, connection)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def populate(n: int) -> None:
    from django.utils import timezone

    from aduan.accounts.choices import Role
    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint, ComplaintEvent
    from aduan.organisation.defaults import load_defaults
    from aduan.organisation.models import Area, Category, Jurisdiction, Unit
    from aduan.transparency.publish import search_text

    load_defaults("pekalongan")
    j = Jurisdiction.objects.get(slug="pekalongan")
    User.objects.create_user("alice", password=PASSWORD, jurisdiction=j, role=Role.VERIFIER)
    areas = list(Area.objects.filter(jurisdiction=j, kind="kelurahan"))
    cats = list(Category.objects.filter(jurisdiction=j))
    units = list(Unit.objects.filter(jurisdiction=j).exclude(kind="external"))
    rng = random.Random(7)
    now = timezone.now()
    texts = [
        "Jalan berlubang besar di depan SD, sudah dua minggu, motor sering jatuh.",
        "Lampu jalan mati sepanjang gang, rawan kejahatan malam hari. Hubungi 0812-3456-7890.",
        "KTP-el belum jadi sejak perekaman tiga bulan lalu, NIK 3375012345670001.",
        "Sampah menumpuk di TPS dekat pasar, bau dan banyak lalat.",
        "Saluran air tersumbat, rob masuk rumah warga saat hujan.",
    ]
    batch: list[Complaint] = []
    for i in range(n):
        submitted = now - timedelta(minutes=rng.randint(0, 365 * 24 * 60))
        answered = rng.random() < 0.7
        c = Complaint(
            jurisdiction=j,
            tracking_code=f"ADU-B-{i:07d}",
            access_salt="x",
            channel="web",
            privacy="rahasia" if rng.random() < 0.1 else rng.choice(["biasa", "anonim"]),
            category=rng.choice(cats),
            area=rng.choice(areas),
            unit=rng.choice(units),
            description=rng.choice(texts) + f" ({i})",
            reporter_name="Warga Uji",
            reporter_phone="081200000000",
            status="selesai" if answered and rng.random() < 0.6 else "diproses",
            submitted_at=submitted,
            first_follow_up_at=submitted + timedelta(days=rng.randint(1, 15)) if answered else None,
            resolution_due_at=submitted + timedelta(days=10),
        )
        c.public_search = search_text(c)
        batch.append(c)
        if len(batch) == 2000:
            Complaint.objects.bulk_create(batch)
            batch = []
    Complaint.objects.bulk_create(batch)
    events = [
        ComplaintEvent(
            complaint=c,
            kind="follow_up",
            is_public=True,
            message="Sudah ditangani oleh petugas lapangan.",
            created_at=c.first_follow_up_at,
        )
        for c in Complaint.objects.filter(first_follow_up_at__isnull=False).only(
            "id", "first_follow_up_at"
        )
    ]
    ComplaintEvent.objects.bulk_create(events, batch_size=2000)


def run(args, Client, CaptureQueriesContext, cache, connection) -> None:  # noqa: N803
    from aduan.complaints.models import Complaint

    started = time.perf_counter()
    populate(args.n)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as autovacuum would after a bulk load
            cursor.execute("ANALYZE")
    print(f"engine: {connection.vendor}; complaints: {Complaint.objects.count()}")
    print(f"populate: {time.perf_counter() - started:.1f} s")
    client = Client()
    deep = (
        Complaint.objects.exclude(privacy="rahasia")
        .order_by("-submitted_at", "-id")
        .values_list("submitted_at", "id")[args.n // 2]
    )
    from aduan.transparency.selectors import NEWEST_FIRST, position_of

    cursor = position_of(Complaint(submitted_at=deep[0], pk=deep[1]), NEWEST_FIRST)
    code = Complaint.objects.exclude(privacy="rahasia").values_list("tracking_code", flat=True)[0]
    cases = [
        ("list, first page (stats cached)", "/publik/", {}, False),
        ("list rows only (htmx)", "/publik/", {"HX": True}, False),
        ("list, page in the middle", f"/publik/?sesudah={cursor}", {"HX": True}, False),
        ("search 'lampu'", "/publik/?q=lampu", {"HX": True}, False),
        ("statistics + first page, uncached", "/publik/", {}, True),
        ("one complaint", f"/publik/laporan/{code}/", {}, False),
        (
            "similar reports (POST)",
            "/publik/serupa/",
            {"POST": {"description": "Lampu jalan mati sepanjang gang", "kelurahan": "Medono"}},
            False,
        ),
    ]
    print(f"{'request':38} {'p50 ms':>8} {'max ms':>8} {'queries':>8}")
    for name, url, opts, clear in cases:
        headers = {"HTTP_HX_REQUEST": "true"} if opts.get("HX") else {}
        post = opts.get("POST")

        def fetch(url=url, headers=headers, data=post):
            if data is not None:
                return client.post(url, data, **headers)
            return client.get(url, **headers)

        fetch()  # warm up
        times = []
        queries = 0
        for _ in range(args.repeat):
            if clear:
                cache.clear()
            with CaptureQueriesContext(connection) as ctx:
                t = time.perf_counter()
                response = fetch()
                times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            queries = len(ctx.captured_queries)
        print(f"{name:38} {statistics.median(times):8.1f} {max(times):8.1f} {queries:8d}")

    client.login(username="alice", password=PASSWORD)
    for fmt in ("csv", "xlsx"):
        t = time.perf_counter()
        response = client.get(f"/kerja/ekspor/semua/{fmt}/")
        size = sum(len(chunk) for chunk in response.streaming_content)
        elapsed = time.perf_counter() - t
        # again under tracemalloc (slower): the peak of Python's own allocations
        tracemalloc.start()
        response = client.get(f"/kerja/ekspor/semua/{fmt}/")
        for _chunk in response.streaming_content:
            pass
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"export {fmt}: {args.n} rows, {size / 1e6:.1f} MB in {elapsed:.1f} s, "
            f"peak traced Python memory {peak / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
