"""CPU per request of the intake's acknowledgement, in process, against the bare view.

    python bench/intake_profile.py \\
        --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_10k --requests 500

Each kind of request goes through Django's test client (every middleware, no HTTP server),
one after another on one connection, ``--rounds`` times alternating so that a busy machine
weighs on all of them alike; the figure is this process's CPU time per request
(``time.process_time``: the database's own work is not in it) and the wall time, medians
of the rounds:

- ``bare``: ``/bench/bare/``, the baseline of ``bench/load.py``;
- ``sync``: ``POST /api/v1/complaints/`` with a token and an Idempotency-Key (201);
- ``async``: the same with ``Prefer: respond-async`` (202, queued). Afterwards the queue is
  emptied in process by the worker's task, timed (complaints recorded per second, one
  worker).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", required=True)
    p.add_argument("--requests", type=int, default=300, help="per kind and round")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--profile", default="", help="cProfile one kind (bare, sync, async)")
    args = p.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from load import server_env  # the settings gunicorn gets in bench/load.py (DEBUG off)

    os.environ.update(server_env(args.database_url, Path(tempfile.mkdtemp())))
    os.environ["ADUAN_LOG_LEVEL"] = "ERROR"
    import django

    django.setup()
    from django.test import Client

    from aduan.api.models import ApiToken, Scope
    from aduan.organisation.models import Area, Jurisdiction

    jurisdiction = Jurisdiction.objects.filter(is_active=True).order_by("pk").first()
    assert jurisdiction is not None  # noqa: S101 - a generated database
    _token, raw = ApiToken.issue(
        jurisdiction=jurisdiction, name="bench intake profile", scopes=[Scope.SUBMIT]
    )
    places = list(
        Area.objects.filter(jurisdiction=jurisdiction).values_list("name", flat=True)[:30]
    )
    rng = random.Random(5)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {raw}")

    def body(i: int) -> dict:
        return {
            "description": "Lampu penerangan jalan di sekitar pasar mati total sejak "
            f"beberapa hari, jalan menjadi gelap (#{i}).",
            "area": rng.choice(places),
            "address": f"RT 0{rng.randrange(1, 9)}/RW 0{rng.randrange(1, 9)}",
            "privacy": "biasa",
            "reporter_name": "Warga Uji",
            "reporter_phone": f"0812{rng.randrange(10**7, 10**8)}",
        }

    def bare(i: int) -> int:
        return client.get("/bench/bare/").status_code

    def post(i: int, prefer: bool) -> int:
        headers = {"HTTP_IDEMPOTENCY_KEY": uuid.uuid4().hex}
        if prefer:
            headers["HTTP_PREFER"] = "respond-async"
        return client.post(
            "/api/v1/complaints/", body(i), content_type="application/json", **headers
        ).status_code

    kinds = {
        "bare": (bare, 200),
        "sync": (lambda i: post(i, False), 201),
        "async": (lambda i: post(i, True), 202),
    }
    for fn, expected in kinds.values():  # warm: caches, code paths, the connection
        for i in range(20):
            status = fn(i)
            assert status == expected, status  # noqa: S101
    cpu: dict[str, list[float]] = {k: [] for k in kinds}
    wall: dict[str, list[float]] = {k: [] for k in kinds}
    for _round in range(args.rounds):
        for name, (fn, expected) in kinds.items():
            c0, w0 = time.process_time(), time.perf_counter()
            for i in range(args.requests):
                status = fn(i)
                if status != expected:
                    raise SystemExit(f"{name}: HTTP {status}")
            cpu[name].append((time.process_time() - c0) / args.requests * 1000)
            wall[name].append((time.perf_counter() - w0) / args.requests * 1000)
    if args.profile:
        import cProfile
        import pstats

        fn = kinds[args.profile][0]
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for i in range(args.requests):
            fn(i)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    from aduan.complaints.models import QueuedSubmission
    from aduan.complaints.services import queued_submissions_process

    queued = QueuedSubmission.objects.count()
    started = time.perf_counter()
    while queued_submissions_process(worker_id="intake_profile"):
        pass
    seconds = time.perf_counter() - started
    print(
        f"queue emptied in process: {queued} submissions recorded in {seconds:.1f} s "
        f"({queued / seconds:.1f}/s, one worker)"
    )
    print(f"load average {os.getloadavg()[0]:.2f}; {args.requests} requests x {args.rounds} rounds")
    print("| request | CPU ms/request (median of rounds) | wall ms/request | CPU / bare |")
    print("|---|--:|--:|--:|")
    base = statistics.median(cpu["bare"])
    for name in kinds:
        c, w = statistics.median(cpu[name]), statistics.median(wall[name])
        print(f"| {name} | {c:.2f} | {w:.2f} | {c / base:.1f}x |")


if __name__ == "__main__":
    main()
