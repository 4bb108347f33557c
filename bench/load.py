"""Drive a running Aduan over HTTP and print throughput and latency per kind of request.

    # start gunicorn on a generated database, run every scenario, write the JSON result
    python bench/load.py --database-url postgres://postgres@127.0.0.1:5432/aduan_bench_1m \\
        --label 1m --out bench/results/1m.json

    # or against a server that is already running (started with ADUAN_BENCH=1)
    python bench/load.py --url http://127.0.0.1:8000 --database-url … --label 1m

Each scenario runs for ``--duration`` seconds with a fixed number of clients, one request
in flight per client (closed loop), over loopback:

- ``bare``: ``/bench/bare/``, the cheapest Django view (routed only with ``ADUAN_BENCH=1``);
  every throughput is also printed as a share of it; a scenario that rotates over several
  addresses (filters, search, complaint pages) also prints its three slowest by median, and
  the JSON keeps its eight slowest (``slowest``);
- ``intake_api`` / ``intake_web``: new complaints through ``POST /api/v1/complaints/`` (a
  token from ``aduan api_token``, an Idempotency-Key per request) and through the web form
  (CSRF token, unique ``submission_key``), at ``--intake-clients`` (32). Afterwards every
  acknowledged tracking code is looked up: each must exist exactly once;
- ``intake_async``: intake_api's request with ``Prefer: respond-async`` (answered 202, the
  complaint made by the worker). After the run ``--drain-workers`` (2) ``aduan worker
  --once`` processes, with only the queue task, empty the queue; the time they take is
  reported as complaints made per second, before the acknowledged codes are looked up;
- officer pages (``--clients`` each): verification queue, a unit's inbox, all complaints
  with filters, full-text search, a deep keyset page, complaint detail, overdue, planning;
- dashboards under ``/kerja/laporan/`` and the public page ``/publik/`` when present
  (skipped with a note on 404), the citizen's status page, Open311 GETs.

Memory: the largest RSS of the gunicorn workers after the run, and of ``aduan worker``
sampled while it runs its sweeps over the same database for ``--worker-seconds``.

Reads: over each measured scenario, what the machine's disks read and wrote
(``/proc/diskstats``, on Linux) and the database's block reads that missed PostgreSQL's
buffer pool against those that hit it (``pg_stat_database``), so that a pass slowed by a
cold cache, or by the write-back a large load leaves behind, says so.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SECRET = "bench-secret-key-not-for-production-0123456789abcdef"  # noqa: S105
PASSWORD = "bench-sandi-2026"  # noqa: S105 - bench/generate.py's accounts

#: How this script's own submissions end: client and request number, written with
#: ``OWN_TEXT_END.format(n=…, i=…)`` and found again with the PostgreSQL regex beside it.
OWN_TEXT_END = " (#{n}-{i})"
OWN_TEXT_SUFFIX = r" \(#[0-9]+-[0-9]+\)$"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Result:
    name: str
    group: str
    clients: int
    seconds: float = 0.0
    ok: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    note: str = ""
    statuses: dict[str, int] = field(default_factory=dict)
    #: Over the measured seconds: MB the machine's disks read and wrote, and the database's block
    #: reads that missed its buffer pool and that hit it (``Reads``); None where unknown.
    disk_read_mb: float | None = None
    disk_written_mb: float | None = None
    db_blocks_missed: int | None = None
    db_blocks_hit: int | None = None
    #: Latencies per address, for a scenario that rotates over several (``get_many``).
    by_url: dict[str, list[float]] = field(default_factory=dict, repr=False)

    @property
    def throughput(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index]

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("latencies_ms")
        data.pop("by_url")
        data.update(
            throughput=round(self.throughput, 1),
            p50=round(self.pct(50), 1),
            p95=round(self.pct(95), 1),
            p99=round(self.pct(99), 1),
        )
        if self.by_url:
            data["slowest"] = self.slowest()
        return data

    def slowest(self, n: int = 8) -> list[dict[str, Any]]:
        """The addresses of a rotating scenario with the highest median latency: which
        of them make its p95."""
        rows = []
        for url, values in self.by_url.items():
            ordered = sorted(values)
            rows.append(
                {
                    "url": url,
                    "n": len(ordered),
                    "p50": round(ordered[len(ordered) // 2], 1),
                    "max": round(ordered[-1], 1),
                }
            )
        return sorted(rows, key=lambda row: -row["p50"])[:n]


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str, tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        ADUAN_BENCH="1",
        ADUAN_DEBUG="0",
        ADUAN_SECRET_KEY=SECRET,
        ADUAN_SECURE_COOKIES="0",
        ADUAN_SSL_REDIRECT="0",  # plain HTTP on loopback
        # The bench's staff log in with a password only (no authenticator app to answer);
        # with the second factor required every staff page would be a redirect to it.
        ADUAN_2FA_REQUIRED="0",
        ADUAN_LOG_LEVEL="WARNING",
        # One loopback address and a few phone numbers send everything: lift the per-address,
        # per-number and per-key intake limits (docs/security.md), which would otherwise
        # answer 429 (or ask the web form's question) after a few dozen reports.
        ADUAN_RATE_LIMITS=",".join(
            f"{name}=100000000/h"
            for name in ("intake_ip", "intake_phone", "intake_token", "challenge_ip")
        ),
        ADUAN_DATA_DIR=str(tmp),
        ADUAN_MEDIA_ROOT=str(tmp / "media"),
        ADUAN_STATIC_ROOT=str(tmp / "static"),
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="aduan.settings",
    )
    env.pop("ADUAN_INSECURE_DEV_KEY", None)
    return env


def start_gunicorn(
    env: dict[str, str], workers: int, port: int, threads: int = 1
) -> subprocess.Popen:
    subprocess.run(  # noqa: S603
        [PYTHON, "-m", "aduan", "collectstatic", "--noinput", "-v0"], env=env, check=True
    )
    proc = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            "aduan.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            # Threads overlap a request's waits (a commit reaching the disk) with another's
            # work; 1 keeps the synchronous workers of deploy/gunicorn.conf.py.
            *(["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []),
            "--backlog",
            "2048",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        env=env,
        cwd=str(ROOT),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("gunicorn did not start")


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def worker_memory(env: dict[str, str], seconds: float) -> dict[str, float]:
    """Run ``aduan worker`` on the database for ``seconds``; its largest RSS."""
    proc = subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "aduan", "worker", "--interval", "1"],
        env=env,
        cwd=str(ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = 0.0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        peak = max(peak, rss_mb(proc.pid))
        time.sleep(0.25)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
    return {"worker_rss_mb": round(peak, 1), "worker_seconds": seconds}


def cancel_leftovers(since: datetime) -> int:
    """Cancel the queries that this run's stopped server and worker left running on the
    benchmark database (connections opened ``since`` the run began), so that none spills into
    the next run: PostgreSQL finishes a query whose client has gone before it notices, and at
    10M the worker's public statistics take minutes of reading the whole table. How many
    were cancelled."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cur:
        cur.execute(
            "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = "
            "current_database() AND pid <> pg_backend_pid() AND state = 'active' "
            "AND backend_type = 'client backend' AND backend_start >= %s",
            [since],
        )
        return sum(1 for (cancelled,) in cur.fetchall() if cancelled)


# --------------------------------------------------------------------------- reads


class Reads:
    """Counters read before and after a scenario: sectors read and written by the machine's
    whole disks (Linux's ``/proc/diskstats``; partitions, loop and RAM devices left out) and the
    database's ``blks_read`` and ``blks_hit`` (a block PostgreSQL had to ask the operating
    system for, which may still come from its page cache, against one found in its own
    buffers). The statistics connection is the script's own, outside the server."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.disks = [
            name
            for name in (p.name for p in Path("/sys/block").glob("*"))
            if not name.startswith(("loop", "ram", "zram"))
        ]
        self.conn: Any = None

    def _sectors(self) -> tuple[int, int] | None:
        """Sectors read and sectors written, summed over the whole disks."""
        try:
            lines = Path("/proc/diskstats").read_text().splitlines()
        except OSError:
            return None
        read = written = 0
        for line in lines:
            fields = line.split()
            if len(fields) > 9 and fields[2] in self.disks:
                read += int(fields[5])
                written += int(fields[9])
        return (read, written) if self.disks else None

    def _blocks(self) -> tuple[int, int] | None:
        try:
            import psycopg

            if self.conn is None:
                self.conn = psycopg.connect(self.database_url, autocommit=True)
            row = self.conn.execute(
                "SELECT blks_read, blks_hit FROM pg_stat_database "
                "WHERE datname = current_database()"
            ).fetchone()
        except Exception:  # noqa: BLE001 - statistics are a bonus: never fail a run for them
            return None
        return (int(row[0]), int(row[1])) if row else None

    def take(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        return self._sectors(), self._blocks()

    def into(
        self, result: Result, before: tuple[tuple[int, int] | None, tuple[int, int] | None]
    ) -> None:
        """The differences since ``before`` (taken with ``take``) into ``result``."""
        sectors, blocks = self.take()
        if sectors is not None and before[0] is not None:
            result.disk_read_mb = round((sectors[0] - before[0][0]) * 512 / 1e6, 1)
            result.disk_written_mb = round((sectors[1] - before[0][1]) * 512 / 1e6, 1)
        if blocks is not None and before[1] is not None:
            result.db_blocks_missed = blocks[0] - before[1][0]
            result.db_blocks_hit = blocks[1] - before[1][1]

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


# --------------------------------------------------------------------------- data from the DB


def setup_django(database_url: str) -> None:
    """Set Django up in this process with the settings ``server_env`` gives gunicorn (DEBUG
    off, the benchmark's staff without a second factor, no intake limits), for the scripts
    that time pages or queries in process (``explain.py``, ``breakdown.py``,
    ``page_cpu.py``)."""
    os.environ.update(server_env(database_url, Path(tempfile.mkdtemp(prefix="aduan-bench-"))))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def sample_data(rng: random.Random) -> dict[str, Any]:
    """Codes, secrets, a deep cursor and search words read from the database."""
    from django.db import connection

    from aduan.complaints.models import Complaint
    from aduan.complaints.selectors import encode_position
    from aduan.organisation.models import Area, Category

    with connection.cursor() as cur:
        cur.execute("SELECT max(id) FROM complaints_complaint")
        top = cur.fetchone()[0] or 0
    ids = [rng.randrange(1, top + 1) for _ in range(400)] if top else []
    rows = list(
        Complaint.objects.filter(pk__in=ids).only("tracking_code", "access_salt", "privacy")
    )
    codes = [c.tracking_code for c in rows]
    # Open311 answers 404 for a rahasia complaint, as it should: ask for public ones.
    public_codes = [c.tracking_code for c in rows if c.privacy != "rahasia"]
    citizen = [(c.tracking_code, c.access_secret) for c in rows]
    deep = Complaint.objects.order_by("-submitted_at", "-id").values_list("submitted_at", "id")[
        min(10_000, max(top - 60, 0)) :
    ][:1]
    deep_cursor = encode_position(list(deep[0])) if deep else ""
    dpupr = [
        c.tracking_code
        for c in Complaint.objects.filter(unit__code="dpupr", pk__in=ids).only("tracking_code")
    ]
    fresh = list(  # at the verifier: their detail pages offer the duplicates panel
        # The generated reports, not an earlier pass's own submissions: every pass then
        # measures the panel on the same kind of text.
        Complaint.objects.filter(status="baru")
        .exclude(description__regex=OWN_TEXT_SUFFIX)
        .order_by("-id")
        .values_list("tracking_code", flat=True)[:100]
    )
    return {
        "fresh_codes": fresh or codes or ["X"],
        "codes": codes or ["X"],
        "public_codes": public_codes or codes or ["X"],
        "dpupr_codes": dpupr or codes or ["X"],
        "citizen": citizen,
        "deep_cursor": deep_cursor,
        "categories": list(Category.objects.values_list("code", flat=True)[:20]),
        "areas": list(Area.objects.filter(kind="kelurahan").values_list("id", flat=True)),
        "area_names": list(Area.objects.filter(kind="kelurahan").values_list("name", flat=True)),
        "total": top,
    }


def issue_token(env: dict[str, str]) -> str:
    out = subprocess.run(  # noqa: S603
        [
            PYTHON,
            "-m",
            "aduan",
            "api_token",
            "issue",
            "--jurisdiction",
            "pekalongan",
            "--name",
            f"bench {uuid.uuid4().hex[:6]}",
            "--scope",
            "complaints:submit",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"(adn_[A-Za-z0-9_\-]+)", out)
    if not match:
        raise SystemExit(f"no token in: {out!r}")
    return match.group(1)


def check_acknowledged(codes: list[str]) -> dict[str, Any]:
    """Every acknowledged tracking code exists exactly once."""
    from django.db import connection

    found: dict[str, int] = {}
    with connection.cursor() as cur:
        for start in range(0, len(codes), 5000):
            batch = codes[start : start + 5000]
            cur.execute(
                "SELECT tracking_code, count(*) FROM complaints_complaint "
                "WHERE tracking_code = ANY(%s) GROUP BY tracking_code",
                [batch],
            )
            found.update(dict(cur.fetchall()))
    missing = [c for c in set(codes) if c not in found]
    return {
        "acknowledged": len(codes),
        "distinct": len(set(codes)),
        "found_once": sum(1 for n in found.values() if n == 1),
        "missing": len(missing),
        "lost_examples": missing[:5],
        "ok": len(codes) == len(set(codes)) == sum(1 for n in found.values() if n == 1),
    }


def drain_queue(env: dict[str, str], workers: int) -> dict[str, Any]:
    """Run ``aduan worker --once`` (the queue task only) until the asynchronous intake's
    queue is empty; how many submissions it made complaints of, and how fast."""
    from django.db import connection

    def queued() -> int:
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM complaints_queuedsubmission")
            return int(cur.fetchone()[0])

    before = queued()
    if not before:
        return {"queued": 0}
    only_queue = {
        **env,
        "ADUAN_WORKER_TASKS": "aduan.complaints.services.queued_submissions_process",
    }
    started = time.monotonic()
    while queued():
        procs = [
            subprocess.Popen(  # noqa: S603
                [PYTHON, "-m", "aduan", "worker", "--once", "--worker-id", f"drain-{k}"],
                env=only_queue,
                cwd=str(ROOT),
                stdout=subprocess.DEVNULL,
            )
            for k in range(max(1, workers))
        ]
        for proc in procs:
            proc.wait()
    seconds = time.monotonic() - started
    return {
        "queued": before,
        "workers": max(1, workers),
        "seconds": round(seconds, 1),
        "complaints_per_s": round(before / seconds, 1) if seconds else 0.0,
    }


# --------------------------------------------------------------------------- the clients

TEXTS = (
    "Jalan di depan {place} berlubang besar dan sudah dua minggu belum diperbaiki, "
    "membahayakan pengendara motor terutama malam hari.",
    "Sampah menumpuk di dekat {place} sejak seminggu, bau menyengat dan belum diangkut "
    "petugas kebersihan.",
    "Lampu penerangan jalan di sekitar {place} mati total sejak beberapa hari, jalan "
    "menjadi gelap dan rawan kejahatan.",
    "Saluran air di {place} tersumbat sehingga air meluap ke jalan setiap kali hujan turun.",
    "Sudah rekam KTP-el sejak bulan lalu tetapi sampai sekarang belum dicetak, mohon "
    "informasinya. Alamat saya dekat {place}.",
)


async def login(session: aiohttp.ClientSession, base: str, username: str) -> str:
    async with session.get(f"{base}/akun/masuk/") as resp:
        html = await resp.text()
        csrf_cookie = resp.cookies["csrftoken"].value
    token = CSRF_INPUT.search(html).group(1)  # type: ignore[union-attr]
    async with session.post(
        f"{base}/akun/masuk/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
        headers={"Cookie": f"csrftoken={csrf_cookie}", "Referer": f"{base}/akun/masuk/"},
        allow_redirects=False,
    ) as resp:
        if resp.status != 302 or "sessionid" not in resp.cookies:
            raise SystemExit(f"login as {username} failed: HTTP {resp.status}")
        return f"sessionid={resp.cookies['sessionid'].value}; csrftoken={csrf_cookie}"


async def run_scenario(
    session: aiohttp.ClientSession,
    name: str,
    group: str,
    clients: int,
    duration: float,
    request: Any,
) -> Result:
    result = Result(name=name, group=group, clients=clients)
    stop = time.monotonic() + duration
    address_of = getattr(request, "address_of", None)

    async def client(n: int) -> None:
        i = 0
        while time.monotonic() < stop:
            i += 1
            t0 = time.perf_counter()
            try:
                status = await request(session, n, i)
            except (TimeoutError, aiohttp.ClientError) as exc:
                status = type(exc).__name__
            elapsed = (time.perf_counter() - t0) * 1000
            key = str(status)
            result.statuses[key] = result.statuses.get(key, 0) + 1
            if status is True or (isinstance(status, int) and 200 <= status < 400):
                result.ok += 1
                result.latencies_ms.append(elapsed)
                if address_of is not None:
                    result.by_url.setdefault(address_of(n, i), []).append(elapsed)
            else:
                result.errors += 1

    t0 = time.monotonic()
    await asyncio.gather(*(client(n) for n in range(clients)))
    result.seconds = time.monotonic() - t0
    return result


def _page_status(resp: aiohttp.ClientResponse) -> int | str:
    """A page's status, a redirect (to the login or the second factor) or an htmx redirect
    counted as a failure: the page itself was not served."""
    if 300 <= resp.status < 400 or resp.headers.get("HX-Redirect"):
        return f"redirect {resp.status}"
    return resp.status


def get(url: str, cookie: str = "") -> Any:
    headers = {"Cookie": cookie} if cookie else {}

    async def request(session: aiohttp.ClientSession, n: int, i: int) -> int | str:
        async with session.get(url, headers=headers, allow_redirects=False) as resp:
            await resp.read()
            return _page_status(resp)

    return request


def get_many(urls: list[str], cookie: str = "", headers: dict[str, str] | None = None) -> Any:
    headers = {**(headers or {}), **({"Cookie": cookie} if cookie else {})}

    def address_of(n: int, i: int) -> str:
        return urls[(n * 7919 + i) % len(urls)]

    async def request(session: aiohttp.ClientSession, n: int, i: int) -> int | str:
        async with session.get(address_of(n, i), headers=headers, allow_redirects=False) as resp:
            await resp.read()
            return _page_status(resp)

    request.address_of = address_of  # type: ignore[attr-defined]  # for the per-address table
    return request


async def probe(session: aiohttp.ClientSession, url: str, cookie: str = "") -> int:
    headers = {"Cookie": cookie} if cookie else {}
    try:
        async with session.get(url, headers=headers, allow_redirects=False) as resp:
            await resp.read()
            return resp.status
    except aiohttp.ClientError:
        return 0


async def main_async(args: argparse.Namespace, base: str, data: dict[str, Any], token: str) -> dict:
    rng = random.Random(7)
    results: list[Result] = []
    acknowledged: list[str] = []
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    async with aiohttp.ClientSession(
        timeout=timeout, connector=connector, cookie_jar=aiohttp.DummyCookieJar()
    ) as session:
        verifier = await login(session, base, "bench.verifikator")
        officer = await login(session, base, "bench.dpupr")
        supervisor = await login(session, base, "bench.pengawas")
        tapd = await login(session, base, "bench.tapd")
        places = data["area_names"] or ["Kauman"]

        def body(n: int, i: int) -> str:
            return rng.choice(TEXTS).format(place=rng.choice(places)) + OWN_TEXT_END.format(
                n=n, i=i
            )

        async def submit_api(
            session: aiohttp.ClientSession, n: int, i: int, *, queued: bool
        ) -> int:
            """One API submission; with ``queued``, ``Prefer: respond-async`` (202, recorded
            later by the worker), otherwise the synchronous 201."""
            payload = {
                "description": body(n, i),
                "area": rng.choice(places),
                "address": f"RT 0{rng.randrange(1, 9)}/RW 0{rng.randrange(1, 9)}",
                "privacy": "biasa",
                "reporter_name": "Warga Uji",
                "reporter_phone": f"0812{rng.randrange(10**7, 10**8)}",
            }
            headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex}
            if queued:
                headers["Prefer"] = "respond-async"
            async with session.post(
                f"{base}/api/v1/complaints/", json=payload, headers=headers
            ) as resp:
                text = await resp.text()
                if resp.status == (202 if queued else 201):
                    acknowledged.append(json.loads(text)["tracking_code"])
                return resp.status

        async def intake_api(session: aiohttp.ClientSession, n: int, i: int) -> int:
            return await submit_api(session, n, i, queued=False)

        async def intake_async(session: aiohttp.ClientSession, n: int, i: int) -> int:
            return await submit_api(session, n, i, queued=True)

        form_state: dict[int, tuple[str, str]] = {}

        async def intake_web(session: aiohttp.ClientSession, n: int, i: int) -> int | str:
            if n not in form_state:  # each client reads the form once, as a browser does
                async with session.get(f"{base}/lapor/") as resp:
                    html = await resp.text()
                    form_state[n] = (
                        resp.cookies["csrftoken"].value,
                        CSRF_INPUT.search(html).group(1),  # type: ignore[union-attr]
                    )
            cookie, token_value = form_state[n]
            form = {
                "csrfmiddlewaretoken": token_value,
                "report_type": "aduan",
                "description": body(n, i),
                "kelurahan": rng.choice(places),
                "address": "dekat masjid",
                "privacy": "biasa",
                "reporter_name": "Warga Uji",
                "reporter_phone": f"0813{rng.randrange(10**7, 10**8)}",
                "submission_key": uuid.uuid4().hex,
            }
            async with session.post(
                f"{base}/lapor/",
                data=form,
                headers={"Cookie": f"csrftoken={cookie}", "Referer": f"{base}/lapor/"},
                allow_redirects=False,
            ) as resp:
                await resp.read()
                match = re.search(r"/lacak/([^/]+)/", resp.headers.get("Location", ""))
                if resp.status == 302 and match:
                    acknowledged.append(match.group(1))
                    return 302
                # 200 is the form shown again (an error or the question): not filed.
                return (
                    "form_again"
                    if resp.status == 200
                    else resp.status
                    if resp.status != 302
                    else 599
                )

        cats = data["categories"] or [""]
        areas = data["areas"] or [0]
        inbox = f"{base}/kerja/daftar"
        searches = ["jalan berlubang", "sampah", "ktp", "Jlamprang", "banjir rob", *places[:5]]
        deep = data["deep_cursor"]
        scenarios: list[tuple[str, str, int, Any, str]] = [
            ("bare", "baseline", args.clients, get(f"{base}/bench/bare/"), ""),
            ("intake_api", "intake", args.intake_clients, intake_api, ""),
            ("intake_web", "intake", args.intake_clients, intake_web, ""),
            (
                "intake_async",
                "intake",
                args.intake_clients,
                intake_async,
                "Prefer: respond-async (202; recorded by the worker afterwards)",
            ),
            ("inbox_verify", "officer", args.clients, get(f"{inbox}/verifikasi/", verifier), ""),
            ("inbox_unit", "officer", args.clients, get(f"{inbox}/unit/", officer), ""),
            ("inbox_all", "officer", args.clients, get(f"{inbox}/semua/", verifier), ""),
            (
                "inbox_filters",
                "officer",
                args.clients,
                get_many(
                    [
                        f"{inbox}/semua/?category={c}&area={a}&status=terbuka"
                        for c in cats[:8]
                        for a in areas[:6]
                    ]
                    + [f"{inbox}/semua/?category={c}" for c in cats[:8]]
                    + [f"{inbox}/semua/?sort=batas&status=terbuka"],
                    verifier,
                ),
                "",
            ),
            (
                "inbox_search",
                "officer",
                args.clients,
                get_many(
                    [f"{inbox}/semua/?q={w}" for w in searches]
                    + [f"{inbox}/semua/?q={c}" for c in data["codes"][:10]],
                    verifier,
                ),
                "",
            ),
            (
                "inbox_deep",
                "officer",
                args.clients,
                get(f"{inbox}/semua/?setelah={deep}", verifier),
                "the page after the 10,000th complaint, by keyset",
            ),
            (
                "detail",
                "officer",
                args.clients,
                get_many([f"{base}/kerja/aduan/{c}/" for c in data["codes"]], verifier),
                "as the verifier",
            ),
            (
                "duplicates_panel",
                "officer",
                args.clients,
                get_many(
                    [f"{base}/kerja/aduan/{c}/serupa/" for c in data["fresh_codes"]],
                    verifier,
                    headers={"HX-Request": "true"},
                ),
                "the detail page's duplicate suggestions (htmx, after the page) for new reports",
            ),
            (
                "detail_unit",
                "officer",
                args.clients,
                get_many([f"{base}/kerja/aduan/{c}/" for c in data["dpupr_codes"]], officer),
                "as an officer of the handling unit",
            ),
            ("overdue", "officer", args.clients, get(f"{base}/kerja/terlambat/", supervisor), ""),
            ("planning", "officer", args.clients, get(f"{base}/kerja/tapd/", tapd), ""),
            (
                "citizen_status",
                "public",
                args.clients,
                get_many([f"{base}/lacak/{c}/{s}/" for c, s in data["citizen"]]),
                "",
            ),
            ("public_form", "public", args.clients, get(f"{base}/lapor/"), ""),
            (
                "open311_services",
                "open311",
                args.clients,
                get(f"{base}/open311/v2/services.json"),
                "",
            ),
            (
                "open311_requests",
                "open311",
                args.clients,
                get_many(
                    [
                        f"{base}/open311/v2/requests.json",
                        f"{base}/open311/v2/requests.json?status=open",
                        *(
                            f"{base}/open311/v2/requests/{c}.json"
                            for c in data["public_codes"][:20]
                        ),
                    ]
                ),
                "",
            ),
        ]
        # Pages that other parts of the project may or may not provide yet.
        optional = [
            ("dashboard", "dashboard", f"{base}/kerja/laporan/", supervisor),
            ("public_page", "public", f"{base}/publik/", ""),
        ]
        for name, group, url, cookie in optional:
            status = await probe(session, url, cookie)
            if status == 404 or status == 0:
                results.append(
                    Result(name, group, 0, note=f"{url[len(base) :]}: HTTP {status}, skipped")
                )
                continue
            scenarios.append((name, group, args.clients, get(url, cookie), url[len(base) :]))
            links = await discover(session, base, url, cookie)
            for k, link in enumerate(links[: args.max_dashboards]):
                scenarios.append(
                    (f"{name}_{k + 1}", group, args.clients, get(base + link, cookie), link)
                )
        only = [n for n in args.only.split(",") if n] if args.only else None
        if only:  # in the order given (bare, the baseline, first whatever the order)
            order = {name: k for k, name in enumerate(["bare", *only])}
            scenarios = sorted((x for x in scenarios if x[0] in order), key=lambda x: order[x[0]])
        reads = Reads(args.database_url)
        for name, group, clients, request, note in scenarios:
            await asyncio.sleep(0.5)
            if args.warmup > 0:  # every worker loads its code, templates and models first
                await run_scenario(session, name, group, clients, args.warmup, request)
            before = reads.take()
            result = await run_scenario(session, name, group, clients, args.duration, request)
            reads.into(result, before)
            result.note = note
            results.append(result)
            print(line_for(result, results), flush=True)
            for row in result.slowest(3) if result.by_url else ():
                path = row["url"][len(base) :]
                print(f"    {row['p50']:7.1f} ms p50 {row['max']:7.1f} max  {path}", flush=True)
        reads.close()
    return {"results": results, "acknowledged": acknowledged}


async def discover(session: aiohttp.ClientSession, base: str, url: str, cookie: str) -> list[str]:
    """Links to sub-pages of a dashboard or public page (same prefix), to measure them too."""
    headers = {"Cookie": cookie} if cookie else {}
    async with session.get(url, headers=headers) as resp:
        html = await resp.text()
    prefix = url[len(base) :]
    found = []
    for href in re.findall(r'href="([^"#]+)"', html):
        href = href.replace("&amp;", "&")
        if href.startswith(prefix) and href != prefix and href not in found:
            if any(x in href for x in ("ekspor", "export", ".csv", ".xlsx", ".pdf")):
                continue
            found.append(href)
    return found


def line_for(r: Result, results: list[Result]) -> str:
    bare = next((x for x in results if x.name == "bare"), None)
    ratio = f"{r.throughput / bare.throughput:6.1%}" if bare and bare.throughput else "     -"
    reads = ""
    if r.disk_read_mb is not None:
        reads += f"  disk {r.disk_read_mb:.1f} MB"
        if r.disk_written_mb is not None:
            reads += f" read, {r.disk_written_mb:.1f} MB written"
    if r.db_blocks_missed is not None and r.db_blocks_hit is not None:
        total = r.db_blocks_missed + r.db_blocks_hit
        share = f" ({r.db_blocks_missed / total:.1%})" if total else ""
        reads += f"  missed {r.db_blocks_missed:,} blocks{share}"
    return (
        f"{r.name:<18} {r.clients:>3}c {r.throughput:8.1f}/s {ratio} of bare  "
        f"p50 {r.pct(50):7.1f}  p95 {r.pct(95):7.1f}  p99 {r.pct(99):7.1f} ms  "
        f"ok {r.ok} err {r.errors} {dict(r.statuses)}{reads}"
    )


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "ram_mb": mem,
        "python": platform.python_version(),
        "loadavg_1m_before": round(load, 2),
    }


def commit() -> str:
    try:
        out = subprocess.run(  # noqa: S603
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        )
        dirty = subprocess.run(  # noqa: S603
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", required=True, help="the generated benchmark database")
    p.add_argument("--url", default="", help="a running server (else gunicorn is started)")
    p.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (started)")
    p.add_argument(
        "--threads", type=int, default=1, help="threads per gunicorn worker (gthread when > 1)"
    )
    p.add_argument("--duration", type=float, default=10.0, help="seconds per scenario")
    p.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds first")
    p.add_argument("--clients", type=int, default=4, help="concurrent clients for pages")
    p.add_argument("--intake-clients", type=int, default=32)
    p.add_argument("--worker-seconds", type=float, default=20.0)
    p.add_argument(
        "--drain-workers",
        type=int,
        default=2,
        help="`aduan worker --once` processes that empty the asynchronous intake's queue",
    )
    p.add_argument("--max-dashboards", type=int, default=6)
    p.add_argument("--only", default="", help="comma-separated scenario names, run in this order")
    p.add_argument("--label", default="")
    p.add_argument("--out", default="", help="write the JSON result here")
    args = p.parse_args()

    began = datetime.now(UTC)
    setup_django(args.database_url)
    data = sample_data(random.Random(11))
    tmp = Path(tempfile.mkdtemp(prefix="aduan-bench-"))
    env = server_env(args.database_url, tmp)
    token = issue_token(env)
    info = {
        "machine": machine(),
        "commit": commit(),
        "label": args.label,
        "complaints": data["total"],
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }
    proc = None
    base = args.url.rstrip("/")
    if not base:
        port = free_port()
        proc = start_gunicorn(env, args.workers, port, args.threads)
        base = f"http://127.0.0.1:{port}"
    memory: dict[str, float] = {}
    try:
        out = asyncio.run(main_async(args, base, data, token))
        if proc is not None:
            pids = children(proc.pid)
            memory["web_workers"] = len(pids)
            memory["web_worker_rss_mb"] = round(max((rss_mb(p) for p in pids), default=0), 1)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
    drain = drain_queue(env, args.drain_workers)
    if drain["queued"]:
        print(f"queue drained: {drain}")
    check = check_acknowledged(out["acknowledged"])
    print(f"acknowledged submissions: {check}")
    if args.worker_seconds > 0:
        memory.update(worker_memory(env, args.worker_seconds))
    print(f"memory: {memory}")
    if cancelled := cancel_leftovers(began):
        print(f"cancelled {cancelled} queries the stopped processes left running")
    info.update(
        gunicorn_workers=args.workers if not args.url else None,
        gunicorn_threads=args.threads if not args.url else None,
        duration=args.duration,
        results=[r.summary() for r in out["results"]],
        acknowledged=check,
        drain=drain,
        memory=memory,
        finished=time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        loadavg_1m_after=round(os.getloadavg()[0], 2),
    )
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(info, indent=1, default=str) + "\n")
        print(f"written to {args.out}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
