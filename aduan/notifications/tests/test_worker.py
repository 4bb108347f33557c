"""`aduan worker` in real subprocesses against the test database: several at once, killed
mid-delivery, stopped by SIGTERM. Each message reaches the SMTP server once."""

from __future__ import annotations

import io
import logging
import signal
import subprocess
import time
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from aduan.notifications.channels import message_id
from aduan.notifications.choices import MessageKind, OutboxStatus
from aduan.notifications.models import DeliveryAttempt, OutboxMessage
from aduan.notifications.services import outbox_enqueue
from aduan.notifications.tests.conftest import start_worker, worker_env

K = MessageKind


def enqueue(complaint, n: int, prefix: str) -> list[OutboxMessage]:
    with transaction.atomic():
        return [
            outbox_enqueue(
                jurisdiction=complaint.jurisdiction,
                complaint=complaint,
                channel="email",
                to_address=f"warga{i}@example.org",
                kind=K.FOLLOW_UP,
                subject=f"Pesan {prefix} {i}",
                body=f"Isi pesan {prefix} nomor {i}.",
                dedupe_key=f"{prefix}:{i}",
            )
            for i in range(n)
        ]


def finish(proc: subprocess.Popen, timeout: float = 30) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def wait_for_lease_expiry(ids: list[int]) -> None:
    leases = [
        lease
        for lease in OutboxMessage.objects.filter(pk__in=ids).values_list("lease_until", flat=True)
        if lease is not None
    ]
    if leases:
        delay = (max(leases) - timezone.now()).total_seconds() + 0.05
        if delay > 0:
            time.sleep(delay)


@pytest.mark.django_db(transaction=True)
class TestWorkers:
    def test_two_workers_at_once_deliver_each_message_once(self, complaint, smtp):
        messages = enqueue(complaint, 50, "dua")
        smtp.recorder.delay = 0.03  # a slow server, so that the workers overlap
        env = worker_env(**smtp.env, ADUAN_OUTBOX_BATCH_SIZE="5")
        workers = [start_worker("--once", f"--worker-id=w{i}", env=env) for i in (1, 2)]
        results = [finish(p, timeout=60) for p in workers]
        for code, _out, err in results:
            assert code == 0, err

        received = Counter(smtp.recorder.message_ids())
        assert received == Counter({message_id(m): 1 for m in messages})
        assert (
            OutboxMessage.objects.filter(
                pk__in=[m.pk for m in messages], status=OutboxStatus.SENT
            ).count()
            == 50
        )
        attempts = DeliveryAttempt.objects.filter(message__in=messages)
        assert attempts.count() == 50 and not attempts.exclude(ok=True).exists()
        by_worker = Counter(attempts.values_list("worker", flat=True))
        assert set(by_worker) == {"w1", "w2"}, by_worker  # both took part

    def test_a_killed_worker_neither_loses_nor_doubles_a_message(self, complaint, smtp):
        """The worker dies while the server holds a message before accepting it; after the
        lease expires another worker delivers every message, each once."""
        messages = enqueue(complaint, 5, "bunuh")
        env = worker_env(**smtp.env, ADUAN_OUTBOX_LEASE_SECONDS="2")
        smtp.recorder.stall("before")
        doomed = start_worker("--once", "--worker-id=dibunuh", env=env)
        assert smtp.recorder.stalled.wait(30), finish(doomed)
        doomed.kill()
        doomed.wait(10)
        smtp.recorder.release()  # the held message is refused: it was never accepted
        assert smtp.recorder.messages == []

        ids = [m.pk for m in messages]
        assert set(OutboxMessage.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
            OutboxStatus.SENDING
        }
        wait_for_lease_expiry(ids)
        code, _out, err = finish(start_worker("--once", "--worker-id=pengganti", env=env))
        assert code == 0, err

        assert Counter(smtp.recorder.message_ids()) == Counter({message_id(m): 1 for m in messages})
        assert OutboxMessage.objects.filter(pk__in=ids, status=OutboxStatus.SENT).count() == 5
        interrupted = DeliveryAttempt.objects.get(message__in=messages, worker="dibunuh")
        assert interrupted.finished_at is None and interrupted.ok is None
        first = OutboxMessage.objects.get(pk=interrupted.message_id)
        assert first.attempts == 2 and first.claimed_by == "pengganti"

    def test_a_kill_after_the_server_accepted_repeats_the_same_message_id(self, complaint, smtp):
        """The one at-least-once window: the server accepted, the worker died before its
        commit. The message is sent again, with the same Message-ID, so the receiver can
        drop the copy."""
        [message] = enqueue(complaint, 1, "jendela")
        env = worker_env(**smtp.env, ADUAN_OUTBOX_LEASE_SECONDS="2")
        smtp.recorder.stall("after")
        doomed = start_worker("--once", "--worker-id=dibunuh", env=env)
        assert smtp.recorder.stalled.wait(30), finish(doomed)
        doomed.kill()
        doomed.wait(10)
        smtp.recorder.release()
        wait_for_lease_expiry([message.pk])
        code, _out, err = finish(start_worker("--once", "--worker-id=pengganti", env=env))
        assert code == 0, err

        assert smtp.recorder.message_ids() == [message_id(message)] * 2
        message.refresh_from_db()
        assert message.status == OutboxStatus.SENT and message.attempts == 2

    def test_sigterm_finishes_the_batch_then_exits_0(self, complaint, smtp):
        messages = enqueue(complaint, 3, "term")
        smtp.recorder.stall("before-accept")
        proc = start_worker("--interval=0.2", "--worker-id=term", env=worker_env(**smtp.env))
        assert smtp.recorder.stalled.wait(30), finish(proc)
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        smtp.recorder.release()
        code, out, err = finish(proc)
        assert code == 0, err
        assert "term: stopped" in out
        assert Counter(smtp.recorder.message_ids()) == Counter({message_id(m): 1 for m in messages})

    def test_sigterm_while_idle_exits_0_at_once(self, pekalongan):
        proc = start_worker("--interval=30", "--worker-id=diam", env=worker_env())
        line = proc.stdout.readline()
        assert "diam: started (tasks: deliver_batch)" in line, proc.stderr.read()
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code, out, err = finish(proc, timeout=10)
        assert code == 0, err
        assert time.monotonic() - started < 5
        assert "diam: stopped" in out


@pytest.mark.django_db
class TestWorkerCommand:
    def test_it_skips_tasks_whose_module_does_not_exist_yet(
        self, complaint, smtp, settings, caplog
    ):
        settings.ADUAN_WORKER_TASKS = [
            "aduan.notifications.delivery.deliver_batch",
            "aduan.belum_ada.sweeps.sweep",
        ]
        enqueue(complaint, 2, "sekali")
        out = io.StringIO()
        with caplog.at_level(logging.WARNING, logger="aduan.worker"):
            call_command("worker", "--once", "--worker-id=uji", stdout=out)
        assert "aduan.belum_ada.sweeps.sweep skipped" in caplog.text
        lines = out.getvalue().splitlines()
        assert lines[0] == "worker uji: started (tasks: deliver_batch)"
        assert "uji deliver_batch=2" in lines[1]
        assert lines[-1] == "worker uji: stopped"
        assert len(smtp.recorder.messages) == 2

    def test_a_failing_task_does_not_stop_the_others(self, complaint, smtp, settings):
        settings.ADUAN_WORKER_TASKS = [
            "aduan.notifications.tests.test_worker.broken_task",
            "aduan.notifications.delivery.deliver_batch",
        ]
        enqueue(complaint, 1, "rusak")
        out = io.StringIO()
        call_command("worker", "--once", "--worker-id=uji", stdout=out)
        assert "broken_task=0 deliver_batch=1 failed=broken_task" in out.getvalue()
        assert len(smtp.recorder.messages) == 1


def broken_task(*, worker_id: str, now) -> int:
    raise RuntimeError("rusak")
