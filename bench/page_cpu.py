"""CPU and wall time per request of the staff pages, in process (Django's test client):

    python bench/page_cpu.py --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_10k
    python bench/page_cpu.py --database-url ... --user bench.dpupr

For a verifier: the inbox ("semua"), the verification queue, a complaint page and the bare
view; for an officer: the unit inbox and the newest complaint of its units (or the paths
given). CPU time (``time.process_time``) is steadier than wall time on a shared machine:
compare two versions by running them alternately, several times. ``--calls`` also counts
the Python function calls of a request (``cProfile``): the same count for the same code and
data whatever else the machine is doing, a steady measure of work removed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from load import setup_django  # the same in-process set-up as bench/load.py, beside this script

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", required=True)
    p.add_argument("--user", default="bench.verifikator")
    p.add_argument("--repeat", type=int, default=30)
    p.add_argument("--calls", action="store_true", help="also count function calls a request")
    p.add_argument("paths", nargs="*")
    args = p.parse_args()
    setup_django(args.database_url)
    from django.test import Client

    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint
    from aduan.complaints.permissions import unit_ids

    user = User.objects.get(username=args.user)
    client = Client()
    client.force_login(user)
    paths = args.paths
    if not paths:
        mine = unit_ids(user) if user.role == "officer" else set()
        if mine:
            code = (
                Complaint.objects.filter(unit_id__in=mine)
                .order_by("-id")
                .values_list("tracking_code", flat=True)
                .first()
            )
            paths = ["/kerja/daftar/unit/", f"/kerja/aduan/{code}/"]
        else:
            code = (
                Complaint.objects.filter(jurisdiction_id=user.jurisdiction_id or 0)
                .order_by("-id")
                .values_list("tracking_code", flat=True)[5]
            )
            paths = [
                "/kerja/daftar/semua/",
                "/kerja/daftar/verifikasi/",
                f"/kerja/aduan/{code}/",
                "/bench/bare/",
            ]
    for path in paths:
        for _ in range(3):
            response = client.get(path)
        cpu, wall = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            client.get(path)
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - t0) * 1000)
        cpu.sort()
        wall.sort()
        middle = len(cpu) // 2
        calls = f"  calls {_calls(client, path):,.0f}" if args.calls else ""
        print(
            f"{path[:40]:40s} {response.status_code} cpu p50 {cpu[middle]:.1f} min {cpu[0]:.1f} ms"
            f"  wall p50 {wall[middle]:.1f}  min {wall[0]:.1f}{calls}",
            flush=True,
        )


def _calls(client: object, path: str, requests: int = 10) -> float:
    """Python function calls per request of ``path`` (``cProfile``'s count)."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(requests):
        client.get(path)  # type: ignore[attr-defined]
    profile.disable()
    return pstats.Stats(profile).total_calls / requests  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
