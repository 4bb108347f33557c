"""Fault test: complaints keep arriving while the web server, the workers and the database
are killed; afterwards nothing acknowledged is lost or doubled and every message goes out.

    .venv/bin/python bench/fault.py [--seconds 90] [--clients 6] [--port 5434]

Runs as root (it starts its own PostgreSQL cluster as the ``postgres`` user) and touches no
other database: a throw-away cluster is made with initdb in a temporary folder and started
on ``--port`` (5434), so that it can be restarted freely. Then, all on loopback:

- an SMTP sink (aiosmtpd) that records every message it receives;
- gunicorn with 2 workers serving Aduan, and 2 ``aduan worker`` processes delivering the
  outbox (e-mail receipts to the sink) with a short lease, so that messages held by a
  killed worker are taken over quickly;
- ``--clients`` threads submitting complaints for ``--seconds``: 70 % through the REST API
  with an ``Idempotency-Key``, 30 % through the web form (with its hidden submission key),
  each retrying the same request until it is acknowledged (201/200, or the 302 to the
  status page), as a careful client does;
- a chaos thread that, at random moments, SIGKILLs the whole gunicorn process group and
  starts it again, SIGKILLs one gunicorn worker (the master starts another), SIGKILLs an
  ``aduan worker`` and starts it again; and once, half-way, restarts PostgreSQL in
  ``immediate`` mode (a crash: no checkpoint, recovery from the WAL on start).

Then the load stops, everything is started once more, the outbox is given time to drain,
and the checks run:

1. every acknowledged complaint exists, exactly once (each request carries a unique marker
   in its text, so doubles would show as two rows with the same marker);
2. every complaint has exactly one ``submitted`` event and one receipt in the outbox;
3. every outbox message is ``sent`` and the sink received it (by its Message-ID);
4. nothing is stuck: no outbox row pending or leased, every new complaint is on the
   verification clock with its reminder and escalation times set (the worker's sweeps will
   move it), no idempotency key left claimed without a result.

Prints a summary and exits with status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PGBIN = Path("/usr/lib/postgresql/15/bin")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed system tools
        ["/usr/sbin/runuser", "-u", "postgres", "--", *args],
        capture_output=True,
        text=True,
        check=True,
    )


class Cluster:
    """A private PostgreSQL cluster in a temporary folder."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="aduan-fault-pg-"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.logfile = self.dir / "postgres.log"

    def init(self) -> None:
        as_postgres(str(PGBIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")

    def pg_ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on"
        as_postgres(
            str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), "-o", options,
            "-w", *args,
        )  # fmt: skip

    def start(self) -> None:
        self.pg_ctl("start")

    def crash_restart(self) -> None:
        self.pg_ctl("-m", "immediate", "restart")

    def remove(self) -> None:
        try:
            self.pg_ctl("-m", "fast", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


class Sink:
    """SMTP server on loopback that keeps the Message-ID of every message it receives."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd
                message = message_from_bytes(envelope.content)
                with sink.lock:
                    sink.ids[str(message["Message-ID"])] += 1
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()


@dataclass
class Processes:
    env: dict[str, str]
    web_port: int
    logdir: Path
    web: subprocess.Popen | None = None
    workers: dict[int, subprocess.Popen | None] = field(default_factory=dict)

    def _spawn(self, args: list[str], name: str) -> subprocess.Popen:
        out = (self.logdir / f"{name}.log").open("a")
        return subprocess.Popen(  # noqa: S603 - our own interpreter
            [PY, *args], env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def start_web(self) -> None:
        self.web = self._spawn(
            ["-m", "gunicorn", "aduan.wsgi:application", "-b", f"127.0.0.1:{self.web_port}",
             "-w", "2", "--timeout", "30", "--graceful-timeout", "5"],
            "gunicorn",
        )  # fmt: skip

    def kill_web(self) -> None:
        if self.web is not None:
            try:
                os.killpg(self.web.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.web.wait()

    def kill_one_web_worker(self) -> bool:
        if self.web is None:
            return False
        children = subprocess.run(  # noqa: S603
            ["/usr/bin/pgrep", "-P", str(self.web.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        if not children:
            return False
        os.kill(int(random.choice(children)), signal.SIGKILL)  # noqa: S311
        return True

    def start_worker(self, n: int) -> None:
        self.workers[n] = self._spawn(
            ["-m", "aduan", "worker", "--interval", "1", "--worker-id", f"fault-{n}"],
            f"worker-{n}",
        )

    def kill_worker(self, n: int) -> None:
        proc = self.workers.get(n)
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()

    def stop_all(self) -> None:
        self.kill_web()
        for n in list(self.workers):
            self.kill_worker(n)


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    acked: dict[str, str] = field(default_factory=dict)  # marker -> tracking code
    attempts: Counter[str] = field(default_factory=Counter)
    gave_up: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


class Client(threading.Thread):
    def __init__(self, base: str, token: str, tally: Tally, stop: threading.Event, seed: int):
        super().__init__(daemon=True)
        self.base = base
        self.token = token
        self.tally = tally
        self.stop = stop
        self.random = random.Random(seed)  # noqa: S311 - load mix, not security

    def run(self) -> None:
        while not self.stop.is_set():
            marker = uuid.uuid4().hex
            started = time.monotonic()
            web = self.random.random() < 0.3
            code = self.submit_web(marker) if web else self.submit_api(marker)
            with self.tally.lock:
                if code:
                    self.tally.acked[marker] = code
                    self.tally.latencies.append(time.monotonic() - started)
                else:
                    self.tally.gave_up.append(marker)

    def _text(self, marker: str) -> str:
        return f"Jalan berlubang besar di depan pasar, penanda uji {marker}."

    def submit_api(self, marker: str) -> str | None:
        body = {
            "description": self._text(marker),
            "privacy": "biasa",
            "reporter_name": "Warga Uji",
            "reporter_email": f"{marker}@warga.test",
        }
        headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": marker}
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            self.tally.attempts["api"] += 1
            try:
                response = requests.post(
                    f"{self.base}/api/v1/complaints/", json=body, headers=headers, timeout=15
                )
                if response.status_code in (200, 201):
                    return response.json()["tracking_code"]
                self.tally.attempts[f"api {response.status_code}"] += 1
            except requests.RequestException:
                self.tally.attempts["api connection error"] += 1
            time.sleep(0.3)
        return None

    def submit_web(self, marker: str) -> str | None:
        session = requests.Session()
        deadline = time.monotonic() + 180
        form = None
        while form is None and time.monotonic() < deadline:
            try:
                page = session.get(f"{self.base}/lapor/", timeout=15)
                if page.status_code == 200:
                    form = {
                        name: re.search(rf'name="{name}" value="([^"]*)"', page.text).group(1)
                        for name in ("csrfmiddlewaretoken", "submission_key")
                    }
            except (requests.RequestException, AttributeError):
                self.tally.attempts["web form error"] += 1
            if form is None:
                time.sleep(0.3)
        if form is None:
            return None
        data = {
            **form,
            "report_type": "aduan",
            "description": self._text(marker),
            "privacy": "biasa",
            "reporter_name": "Warga Uji",
            "reporter_email": f"{marker}@warga.test",
        }
        while time.monotonic() < deadline:
            self.tally.attempts["web"] += 1
            try:
                response = session.post(
                    f"{self.base}/lapor/",
                    data=data,
                    headers={"Referer": f"{self.base}/lapor/"},
                    allow_redirects=False,
                    timeout=15,
                )
                found = re.search(r"/lacak/([^/]+)/", response.headers.get("Location", ""))
                if response.status_code == 302 and found:
                    return found.group(1)
                self.tally.attempts[f"web {response.status_code}"] += 1
            except requests.RequestException:
                self.tally.attempts["web connection error"] += 1
            time.sleep(0.3)
        return None


def chaos(procs: Processes, cluster: Cluster, seconds: float, stop: threading.Event,
          events: list[str]) -> None:  # fmt: skip
    rnd = random.Random(11)  # noqa: S311
    started = time.monotonic()
    restarted_db = False
    while not stop.is_set():
        time.sleep(rnd.uniform(2, 5))
        if stop.is_set():
            break
        elapsed = time.monotonic() - started
        if not restarted_db and elapsed > seconds / 2:
            events.append(f"{elapsed:5.1f}s PostgreSQL immediate restart")
            cluster.crash_restart()
            restarted_db = True
            continue
        action = rnd.choice(["web", "web", "web-worker", "worker", "worker"])
        if action == "web":
            events.append(f"{elapsed:5.1f}s SIGKILL gunicorn (master and workers)")
            procs.kill_web()
            time.sleep(rnd.uniform(0.2, 1.5))
            procs.start_web()
        elif action == "web-worker":
            if procs.kill_one_web_worker():
                events.append(f"{elapsed:5.1f}s SIGKILL one gunicorn worker")
        else:
            n = rnd.choice(sorted(procs.workers))
            events.append(f"{elapsed:5.1f}s SIGKILL aduan worker {n}")
            procs.kill_worker(n)
            time.sleep(rnd.uniform(0.2, 1.5))
            procs.start_worker(n)


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=5).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


def main() -> None:  # noqa: C901, PLR0915 - one scenario, read top to bottom
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--port", type=int, default=5434)
    parser.add_argument("--keep", action="store_true", help="keep the cluster and logs")
    args = parser.parse_args()

    import psycopg

    cluster = Cluster(args.port)
    sink = Sink()
    logdir = Path(tempfile.mkdtemp(prefix="aduan-fault-logs-"))
    web_port = free_port()
    url = f"postgres://postgres@127.0.0.1:{args.port}/aduan_fault"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": url,
        "ADUAN_DEBUG": "1",
        "ADUAN_DATA_DIR": str(logdir),
        "ADUAN_LOG_LEVEL": "WARNING",
        "ADUAN_DB_CONN_MAX_AGE": "60",
        "ADUAN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "ADUAN_EMAIL_HOST": "127.0.0.1",
        "ADUAN_EMAIL_PORT": str(sink.port),
        "ADUAN_EMAIL_TIMEOUT": "5",
        "ADUAN_OUTBOX_LEASE_SECONDS": "10",
        "ADUAN_OUTBOX_RETRY_SECONDS": "1",
        "ADUAN_OUTBOX_RETRY_MAX_SECONDS": "5",
        "ADUAN_PUBLIC_URL": f"http://127.0.0.1:{web_port}",
    }
    procs = Processes(env=env, web_port=web_port, logdir=logdir)
    events: list[str] = []
    try:
        log(f"PostgreSQL cluster in {cluster.dir} on port {args.port}")
        cluster.init()
        cluster.start()
        with psycopg.connect(
            f"postgres://postgres@127.0.0.1:{args.port}/postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE aduan_fault")

        def manage(*command: str) -> str:
            return subprocess.run(  # noqa: S603
                [PY, "-m", "aduan", *command], env=env, cwd=ROOT, capture_output=True,
                text=True, check=True,
            ).stdout  # fmt: skip

        manage("migrate", "-v", "0")
        manage("load-defaults", "--jurisdiction", "pekalongan")
        issued = manage(
            "api_token", "issue", "--jurisdiction", "pekalongan", "--name", "uji-gangguan",
            "--scope", "complaints:submit",
        )  # fmt: skip
        token = re.search(r"(adn_\S+)", issued).group(1)  # type: ignore[union-attr]
        procs.start_web()
        procs.start_worker(1)
        procs.start_worker(2)
        base = f"http://127.0.0.1:{web_port}"
        wait_http(f"{base}/lapor/")
        log(f"web on {base}, 2 workers, SMTP sink on {sink.port}; load for {args.seconds:.0f}s")

        tally = Tally()
        stop_load = threading.Event()
        stop_chaos = threading.Event()
        clients = [Client(base, token, tally, stop_load, seed) for seed in range(args.clients)]
        for client in clients:
            client.start()
        chaos_thread = threading.Thread(
            target=chaos, args=(procs, cluster, args.seconds, stop_chaos, events), daemon=True
        )
        chaos_thread.start()
        time.sleep(args.seconds)
        stop_chaos.set()
        chaos_thread.join()
        # Everything up again before the clients finish their retries.
        if procs.web is None or procs.web.poll() is not None:
            procs.start_web()
        for n, proc in list(procs.workers.items()):
            if proc is None or proc.poll() is not None:
                procs.start_worker(n)
        stop_load.set()
        for client in clients:
            client.join()
        log(f"load stopped: {len(tally.acked)} acknowledged, {len(tally.gave_up)} given up")

        db = psycopg.connect(url, autocommit=True)

        def one(sql: str, *params: object) -> object:
            return db.execute(sql, params).fetchone()[0]  # type: ignore[index]

        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            waiting = one(
                "SELECT count(*) FROM notifications_outboxmessage WHERE status IN "
                "('pending', 'sending')"
            )
            if waiting == 0:
                break
            time.sleep(1)
        time.sleep(2)  # the sink's last messages

        rows = db.execute("SELECT description, tracking_code FROM complaints_complaint").fetchall()
        by_marker: dict[str, list[str]] = {}
        for description, code in rows:
            found = re.search(r"penanda uji ([0-9a-f]{32})", description)
            if found:
                by_marker.setdefault(found.group(1), []).append(code)
        missing = [m for m in tally.acked if m not in by_marker]
        doubled = {m: c for m, c in by_marker.items() if len(c) > 1}
        wrong_code = [m for m, code in tally.acked.items() if by_marker.get(m, [code])[0] != code]
        unacked = [m for m in by_marker if m not in tally.acked]
        bad_events = one(
            "SELECT count(*) FROM complaints_complaint c WHERE (SELECT count(*) FROM "
            "complaints_complaintevent e WHERE e.complaint_id = c.id AND e.kind = 'submitted')"
            " <> 1"
        )
        bad_receipts = one(
            "SELECT count(*) FROM complaints_complaint c WHERE (SELECT count(*) FROM "
            "notifications_outboxmessage o WHERE o.complaint_id = c.id AND o.kind = 'receipt')"
            " <> 1"
        )
        outbox = dict(
            db.execute(
                "SELECT status, count(*) FROM notifications_outboxmessage GROUP BY status"
            ).fetchall()
        )
        email_ids = [
            r[0]
            for r in db.execute(
                "SELECT id FROM notifications_outboxmessage WHERE channel = 'email'"
            ).fetchall()
        ]
        received = {int(m.group(1)) for mid in sink.ids if (m := re.match(r"<outbox-(\d+)\.", mid))}
        not_received = [i for i in email_ids if i not in received]
        resent = sum(n - 1 for n in sink.ids.values() if n > 1)
        stuck_clock = one(
            "SELECT count(*) FROM complaints_complaint WHERE status = 'baru' AND (stage <> "
            "'verifikasi' OR due_at IS NULL OR escalate_at IS NULL)"
        )
        stuck_keys = one("SELECT count(*) FROM api_idempotencyrecord WHERE status_code IS NULL")
        attempts = one("SELECT count(*) FROM notifications_deliveryattempt")
        db.close()

        latencies = sorted(tally.latencies) or [0.0]
        summary = {
            "seconds": args.seconds,
            "clients": args.clients,
            "faults": events,
            "acknowledged": len(tally.acked),
            "given_up_by_clients": len(tally.gave_up),
            "request_attempts": dict(tally.attempts),
            "ack_latency_p50_s": round(latencies[len(latencies) // 2], 2),
            "ack_latency_max_s": round(latencies[-1], 2),
            "complaints_in_db": len(rows),
            "acknowledged_missing": len(missing),
            "acknowledged_doubled": len(doubled),
            "acknowledged_with_other_code": len(wrong_code),
            "stored_but_never_acknowledged": len(unacked),
            "complaints_without_exactly_one_submitted_event": bad_events,
            "complaints_without_exactly_one_receipt": bad_receipts,
            "outbox_by_status": outbox,
            "emails_not_received_by_sink": len(not_received),
            "emails_received_more_than_once": resent,
            "delivery_attempts": attempts,
            "new_complaints_off_the_clock": stuck_clock,
            "idempotency_keys_left_claimed": stuck_keys,
        }
        print(json.dumps(summary, indent=2))
        failures = [
            name
            for name in (
                "acknowledged_missing",
                "acknowledged_doubled",
                "acknowledged_with_other_code",
                "complaints_without_exactly_one_submitted_event",
                "complaints_without_exactly_one_receipt",
                "emails_not_received_by_sink",
                "new_complaints_off_the_clock",
                "idempotency_keys_left_claimed",
            )
            if summary[name]
        ]
        if set(outbox) - {"sent"}:
            failures.append("outbox_not_all_sent")
        if not tally.acked:
            failures.append("nothing_acknowledged")
        log("PASS: every check holds" if not failures else f"FAIL: {', '.join(failures)}")
        if failures:
            sys.exitcode = 1  # type: ignore[attr-defined]
    finally:
        procs.stop_all()
        sink.stop()
        if args.keep:
            log(f"kept: cluster {cluster.dir}, logs {logdir}")
        else:
            cluster.remove()
            shutil.rmtree(logdir, ignore_errors=True)
    raise SystemExit(getattr(sys, "exitcode", 0))


if __name__ == "__main__":
    main()
