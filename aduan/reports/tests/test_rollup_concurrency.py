"""Officers working at the same moment: the rollup still equals a fresh count."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from aduan.complaints import services
from aduan.reports import rollups


@pytest.mark.django_db(transaction=True)
def test_parallel_workflow_changes_keep_the_rollup_exact(people, submit):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("in-memory SQLite is not shared between threads; runs on PostgreSQL/file DB")
    complaints = [submit(description=f"KTP-el belum jadi, antrean nomor {n}.").complaint
                  for n in range(8)]  # fmt: skip
    errors: list[BaseException] = []

    def officer(batch) -> None:
        try:
            for complaint in batch:
                complaint = services.complaint_dispose(
                    complaint=complaint, actor=people.verifier, unit=people.unit_a
                )
                complaint = services.complaint_start(complaint=complaint, actor=people.officer_a)
                services.complaint_follow_up(
                    complaint=complaint, actor=people.officer_a, text="Sudah dicetak."
                )
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=officer, args=(complaints[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stored = rollups.stored(people.jurisdiction.pk)
    assert stored == rollups.compute(people.jurisdiction.pk)
    followed = sum(
        n
        for k, n in stored.items()
        if k[2] == "status" and k[3] == "ditindaklanjuti" and k[6] == rollups.ALL_AREAS
    )
    assert followed == 8
