"""The asynchronous intake's queue: workers side by side never make a submission twice."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from aduan.complaints import services
from aduan.complaints.models import Complaint, QueuedSubmission


def payload(n: int) -> dict:
    return {
        "channel": "api",
        "report_type": "aduan",
        "title": "",
        "description": f"Sampah menumpuk di TPS nomor {n}, mohon segera diangkut petugas.",
        "address": "",
        "latitude": None,
        "longitude": None,
        "privacy": "anonim",
        "reporter_name": "",
        "reporter_phone": "",
        "reporter_email": "",
        "media_url": "",
        "category": "",
        "area": "",
    }


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_make_the_same_submission_twice(pekalongan):
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED between connections: PostgreSQL (SQLite has one writer)")
    codes = [
        services.submission_enqueue(jurisdiction=pekalongan, payload=payload(n)).tracking_code
        for n in range(40)
    ]
    made: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def worker(name: str) -> None:
        from django.db import connections

        try:
            start.wait()
            while True:
                done = services.queued_submissions_process(worker_id=name, batch=3)
                made.append(done)
                if not done and not QueuedSubmission.objects.exists():
                    break
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(f"w{k}",)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(made) == 40
    assert sorted(Complaint.objects.values_list("tracking_code", flat=True)) == sorted(codes)
    assert not QueuedSubmission.objects.exists()
