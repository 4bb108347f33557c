"""Many citizens at once: every accepted complaint is kept, codes never repeat."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from aduan.complaints import services
from aduan.complaints.models import Complaint


@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_get_distinct_codes_and_none_is_lost(pekalongan):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("in-memory SQLite is not shared between threads; runs on PostgreSQL/file DB")
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def citizen(n: int) -> None:
        from django.db import connections

        try:
            for i in range(3):
                result = services.complaint_submit(
                    jurisdiction=pekalongan,
                    channel="web",
                    privacy="anonim",
                    description=f"Sampah menumpuk di TPS nomor {n}-{i}, mohon diangkut.",
                )
                with lock:
                    results.append(result.complaint.tracking_code)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=citizen, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 18 == len(set(results))
    assert Complaint.objects.count() == 18
