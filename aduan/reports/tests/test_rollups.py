"""The rollup stays equal to a fresh count of the complaints as they change."""

from __future__ import annotations

from collections import Counter

import pytest

from aduan.complaints import services
from aduan.complaints.models import Complaint
from aduan.reports import rollups
from aduan.reports.models import ComplaintRollup
from aduan.surveys.services import rating_submit
from conftest import at

pytestmark = pytest.mark.django_db


def assert_rollup_matches_complaints(jurisdiction_id: int) -> Counter:
    stored = rollups.stored(jurisdiction_id)
    computed = rollups.compute(jurisdiction_id)
    assert stored == computed
    return stored


def total(counts: Counter, dim: str, value: str | None = None) -> int:
    """Complaints counted under ``dim`` (= ``value``), per kelurahan rows only."""
    return sum(
        n
        for key, n in counts.items()
        if key[2] == dim and value in (None, key[3]) and key[6] != rollups.ALL_AREAS
    )


class TestRollupFollowsEveryChange:
    def test_a_new_complaint_counts_in_its_month_channel_and_type(self, pekalongan, submit):
        with at(2026, 10, 5, 9):
            submit(channel="whatsapp", report_type="aspirasi")
        counts = assert_rollup_matches_complaints(pekalongan.pk)
        assert total(counts, "status", "baru") == 1
        assert total(counts, "channel", "whatsapp") == 1
        assert total(counts, "type", "aspirasi") == 1
        all_areas = [k for k in counts if k[2] == "status" and k[6] == rollups.ALL_AREAS]
        assert [counts[k] for k in all_areas] == [1]
        (key,) = [k for k in counts if k[2] == "status" and k[6] != rollups.ALL_AREAS]
        assert key[1] == "2026-10-01"

    def test_each_step_of_the_history_keeps_rollup_and_complaints_equal(self, history):
        counts = assert_rollup_matches_complaints(history.new.jurisdiction_id)
        assert total(counts, "status") == Complaint.objects.count() == 9
        assert total(counts, "status", "selesai") == 1
        assert total(counts, "dur_verifikasi") == 7
        assert total(counts, "dur_penyelesaian") == 1
        # Two verifications came after the deadline (disposed on 20 October).
        assert total(counts, "sla_verifikasi", "lewat") == 2
        assert total(counts, "sla_verifikasi", "tepat") == 6  # incl. the archived one
        # The TAPD flag ended the unit's first follow-up stage.
        assert total(counts, "sla_tindak_lanjut_awal") == 3

    def test_forwarding_moves_the_complaint_to_the_new_unit(self, history, people):
        with at(2026, 10, 22, 10):
            services.complaint_forward(
                complaint=history.at_unit_a,
                actor=people.officer_a,
                unit=people.unit_b,
                reason="Bukan wewenang kami, jalan rusak.",
            )
        counts = assert_rollup_matches_complaints(people.jurisdiction.pk)
        unit_b = sum(
            n
            for k, n in counts.items()
            if k[2] == "status" and k[4] == people.unit_b.pk and k[6] != rollups.ALL_AREAS
        )
        assert unit_b == Complaint.objects.filter(unit=people.unit_b).count() == 3

    def test_reopen_info_request_and_rating_keep_it_equal(self, history, people):
        with at(2026, 10, 9, 10):
            services.complaint_citizen_respond(
                complaint=history.followed_up, satisfied=False, reason="Belum diperbaiki."
            )
            services.complaint_request_info(
                complaint=history.at_unit_a, actor=people.officer_a, question="Alamat lengkap?"
            )
        with at(2026, 10, 10, 10):
            rating_submit(complaint=history.finished, score=4, resolved=True)
        counts = assert_rollup_matches_complaints(people.jurisdiction.pk)
        assert total(counts, "status", "dibuka_kembali") == 1
        assert total(counts, "status", "menunggu_info") == 1
        assert total(counts, "rating", "4") == 1

    def test_tapd_decision_and_merge_keep_it_equal(self, history, people):
        with at(2026, 10, 23, 10):
            services.complaint_tapd_decide(
                complaint=history.tapd, actor=people.tapd, decision="pemeliharaan_rutin"
            )
            services.complaint_merge(
                complaint=history.new, actor=people.verifier, into=history.at_unit_a
            )
        counts = assert_rollup_matches_complaints(people.jurisdiction.pk)
        assert total(counts, "status", "digabung") == 1

    def test_rebuild_repairs_a_damaged_rollup(self, history):
        jurisdiction_id = history.new.jurisdiction_id
        ComplaintRollup.objects.filter(dim="status").update(n=99)
        ComplaintRollup.objects.create(
            jurisdiction_id=jurisdiction_id, month="2020-01-01", dim="status", value="baru", n=5
        )
        assert rollups.stored(jurisdiction_id) != rollups.compute(jurisdiction_id)
        rollups.rebuild(jurisdiction_id)
        assert_rollup_matches_complaints(jurisdiction_id)

    def test_rebuild_command(self, history, capsys):
        from django.core.management import call_command

        ComplaintRollup.objects.all().delete()
        call_command("reports", "rebuild")
        assert "baris" in capsys.readouterr().out
        assert_rollup_matches_complaints(history.new.jurisdiction_id)


def test_bucket_bounds_cover_every_duration():
    assert rollups.bucket_of(0) == 0
    assert rollups.bucket_of(0.5) == 0
    assert rollups.bucket_of(1) == 1
    assert rollups.bucket_of(10_000) == len(rollups.BUCKET_HOURS)
    assert rollups.bucket_bounds(len(rollups.BUCKET_HOURS))[1] is None


def test_new_complaints_sum_each_states_keys_once_per_distinct_state():
    """The import's shortcut: grouping equal states gives the sum of ``state_keys``, with
    states that differ only within a month or a duration bucket grouped, and the others
    (month in local time, bucket, unit, status, ...) kept apart."""
    import random
    from datetime import UTC, datetime, timedelta

    rnd = random.Random(5)
    start = datetime(2025, 1, 31, 16, 0, tzinfo=UTC)  # 23:00 WIB: months turn over here
    snaps = []
    for i in range(3000):
        submitted = start + timedelta(minutes=rnd.choice([0, 30, 61, 120, 60 * 24 * 40]) + i)
        resolved = rnd.choice([None, submitted + timedelta(hours=rnd.choice([0.5, 1, 30, 900]))])
        snaps.append(
            {
                "jurisdiction_id": rnd.choice([1, 2]),
                "submitted_at": submitted,
                "unit_id": rnd.choice([None, 3, 4]),
                "category_id": rnd.choice([None, 5]),
                "area_id": rnd.choice([None, 6, 7]),
                "channel": rnd.choice(["web", "lapor"]),
                "report_type": "aduan",
                "status": rnd.choice(["baru", "selesai", "diproses"]),
                "verified_at": None,
                "first_follow_up_at": rnd.choice([None, submitted + timedelta(hours=3)]),
                "resolved_at": resolved,
                "stage": "",
                "due_at": None,
            }
        )
    expected: Counter = Counter()
    for snap in snaps:
        expected.update(rollups.state_keys(snap))
    assert rollups.new_complaints(snaps) == expected
    assert len({key[1] for key in expected}) >= 3  # several local months
    # In batches, each state's keys kept from one batch to the next: the same sums.
    known: dict = {}
    batches = [rollups.new_complaints(snaps[at : at + 700], known) for at in range(0, 3000, 700)]
    assert sum(batches, Counter()) == expected
    states = len(known)
    assert 0 < states < len(snaps)
    assert rollups.new_complaints(snaps, known) == expected and len(known) == states


class TestAppendedRowsAndCompaction:
    KEY = (0, "2026-10-01", "status", "baru", 0, 0, rollups.ALL_AREAS)

    def key(self, jurisdiction_id: int, **change: object) -> tuple:
        fields = ["j", "month", "dim", "value", "unit", "category", "area"]
        values = dict(zip(fields, (jurisdiction_id, *self.KEY[1:]), strict=True))
        values.update(change)
        return tuple(values[f] for f in fields)

    def test_changes_append_rows_that_readers_sum_and_compaction_merges(self, pekalongan):
        key = self.key(pekalongan.pk)
        gone = self.key(pekalongan.pk, value="diproses")
        rollups.apply(Counter({key: 1, gone: 1}))
        rollups.apply(Counter({key: 2, gone: -1}))
        rollups.apply(Counter({key: -1}))
        assert ComplaintRollup.objects.filter(fresh=True).count() == 5
        assert rollups.stored(pekalongan.pk) == Counter({key: 2})
        assert rollups.compact() == 2
        rows = list(ComplaintRollup.objects.values_list("value", "n", "fresh"))
        assert rows == [("baru", 2, False)]  # the key that sums to zero is gone
        assert rollups.stored(pekalongan.pk) == Counter({key: 2})
        assert rollups.compact() == 0

    def test_compaction_keeps_the_rollup_equal_to_the_complaints(self, history):
        j = history.new.jurisdiction_id
        before = assert_rollup_matches_complaints(j)
        assert ComplaintRollup.objects.filter(fresh=True).exists()
        assert rollups.compact() > 0
        assert not ComplaintRollup.objects.filter(fresh=True).exists()
        assert assert_rollup_matches_complaints(j) == before
        keys = ComplaintRollup.objects.values_list(
            "jurisdiction_id", "month", "dim", "value", "unit_id", "category_id", "area_id"
        )
        assert len(set(keys)) == len(keys)  # one row per key

    def test_compaction_in_small_steps_loses_nothing(self, history):
        j = history.new.jurisdiction_id
        before = rollups.stored(j)
        while rollups.compact(limit=3):
            assert rollups.stored(j) == before
        assert not ComplaintRollup.objects.filter(fresh=True).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql",
    reason="PostgreSQL's row locks (SQLite has one writer at a time)",
)
def test_a_change_does_not_wait_for_another_uncommitted_change_of_the_same_key(pekalongan):
    """Every submission of a month adds to the same all-kelurahan keys: an open transaction
    that did so must not hold up the next one (it did while the rows were updated)."""
    from django.db import transaction

    from conftest import in_another_transaction

    key = (pekalongan.pk, "2026-10-01", "status", "baru", 0, 0, rollups.ALL_AREAS)

    def other() -> None:
        rollups.apply(Counter({key: 1}))
        rollups.compact()  # merges only what is committed: not the open change

    with transaction.atomic():
        rollups.apply(Counter({key: 1}))
        errors = in_another_transaction(other)
    assert not errors, errors
    assert rollups.stored(pekalongan.pk)[key] == 2
    rollups.compact()
    assert list(ComplaintRollup.objects.values_list("n", flat=True)) == [2]


ON_POSTGRESQL = pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql",
    reason="autovacuum and the visibility map are PostgreSQL's",
)


@ON_POSTGRESQL
def test_the_rollup_and_complaint_tables_are_vacuumed_after_few_changes():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname IN "
            "('reports_complaintrollup', 'complaints_complaint') ORDER BY relname"
        )
        rows = cursor.fetchall()
    assert [name for name, _ in rows] == ["complaints_complaint", "reports_complaintrollup"]
    for _, options in rows:
        assert "autovacuum_vacuum_scale_factor=0.02" in options
        assert "autovacuum_vacuum_insert_scale_factor=0.02" in options


@pytest.mark.django_db(transaction=True)
@ON_POSTGRESQL
def test_a_rebuild_leaves_the_rollup_vacuumed_for_index_only_scans(pekalongan, submit):
    from django.db import connection

    submit()
    rows = rollups.rebuild()
    assert rows > 0
    with connection.cursor() as cursor:
        # Every page of the rebuilt table is marked all-visible: sums read the index alone.
        cursor.execute(
            "SELECT relallvisible, relpages FROM pg_class WHERE relname = 'reports_complaintrollup'"
        )
        all_visible, pages = cursor.fetchone()
    assert pages >= 1 and all_visible == pages
