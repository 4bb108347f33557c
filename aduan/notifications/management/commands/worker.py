"""``aduan worker [--once] [--interval 5] [--worker-id ID]``: the background worker.

Runs the tasks listed in ``settings.ADUAN_WORKER_TASKS`` over and over: by default the
outbox delivery and the SLA sweeps. Each task is a callable taking the keyword arguments
``worker_id`` and ``now`` and returning how many things it did; every task claims its rows
with conditional updates (or ``SKIP LOCKED``), so any number of workers may run side by
side, on one machine or several.

A pass that did something is followed at once by the next one; an idle pass by a pause of
``--interval`` seconds. One line per pass that did something (every pass with
``--verbosity 2``): the time, the worker and each task's count.

SIGTERM or SIGINT: the current pass finishes, then the worker exits with status 0. A second
signal stops it at once; the messages it held are taken over by another worker when their
lease expires.

``--once``: work until a pass finds nothing to do, then exit (for cron and tests).
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection, connections
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger("aduan.worker")

Task = Callable[..., Any]


def load_task(path: str) -> Task | None:
    """Import a task by dotted path; None (logged) when its module does not exist (yet)."""
    module_path = path.rpartition(".")[0]
    try:
        return import_string(path)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if missing and (module_path == missing or module_path.startswith(missing + ".")):
            logger.warning("worker: task %s skipped: module %s does not exist", path, missing)
        else:
            logger.exception("worker: task %s skipped: its module failed to import", path)
    except ImportError:
        logger.exception("worker: task %s skipped: it cannot be imported", path)
    return None


class Command(BaseCommand):
    help = (
        "Menjalankan pekerjaan latar: pengiriman pesan keluar (outbox) dan pemeriksaan "
        "batas waktu (SLA). Boleh dijalankan beberapa sekaligus. SIGTERM: selesaikan putaran "
        "yang sedang berjalan lalu berhenti."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Bekerja sampai tidak ada lagi yang perlu dikerjakan, lalu berhenti.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            metavar="DETIK",
            help="Jeda setelah putaran tanpa pekerjaan (bawaan: %(default)s detik).",
        )
        parser.add_argument(
            "--worker-id",
            default="",
            metavar="ID",
            help="Nama worker di log dan di pesan yang sedang dikirim (bawaan: host:pid).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = options["worker_id"] or f"{socket.gethostname()}:{os.getpid()}"
        interval = max(float(options["interval"]), 0.1)
        verbosity = int(options["verbosity"])
        stop = threading.Event()

        def on_signal(signum: int, frame: object) -> None:
            if stop.is_set():  # the second signal: leave now
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
                return
            stop.set()

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            tasks: list[tuple[str, Task]] = []
            for path in settings.ADUAN_WORKER_TASKS:
                task = load_task(path)
                if task is not None:
                    tasks.append((path.rpartition(".")[2], task))
            names = ", ".join(name for name, _ in tasks) or "-"
            self.stdout.write(f"worker {worker_id}: started (tasks: {names})")
            self.stdout.flush()
            while not stop.is_set():
                started = time.monotonic()
                counts, failed = self._pass(tasks, worker_id)
                done = sum(counts.values())
                if done or failed or verbosity >= 2:
                    parts = " ".join(f"{name}={n}" for name, n in counts.items())
                    self.stdout.write(
                        f"{timezone.localtime():%Y-%m-%d %H:%M:%S} {worker_id} {parts}"
                        f"{' failed=' + ','.join(failed) if failed else ''}"
                        f" ({time.monotonic() - started:.2f} s)"
                    )
                    self.stdout.flush()
                if done and not failed:
                    continue
                if options["once"]:
                    break
                stop.wait(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            if not connection.in_atomic_block:
                connections.close_all()
        self.stdout.write(f"worker {worker_id}: stopped")

    def _pass(self, tasks: list[tuple[str, Task]], worker_id: str) -> tuple[dict[str, int], list]:
        counts: dict[str, int] = {}
        failed: list[str] = []
        for name, task in tasks:
            if not connection.in_atomic_block:  # (in tests, the test's transaction)
                close_old_connections()  # drop broken or expired connections
            try:
                result = task(worker_id=worker_id, now=timezone.now())
            except Exception:
                logger.exception("worker %s: task %s failed", worker_id, name)
                failed.append(name)
                result = 0
            counts[name] = int(result or 0)
        return counts, failed
