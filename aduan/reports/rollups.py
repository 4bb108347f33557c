"""Keeping ``ComplaintRollup`` equal to what the complaints say, write by write.

The complaint services call ``snapshot`` before they save a complaint and ``record`` after
they wrote the event, inside the same transaction: the rollup changes by the difference
between the two states (plus the finished SLA stage, if one finished), so it commits with
the change or not at all, as new rows that the worker merges later (``compact``).
``rebuild`` recomputes everything from the complaints, their timelines and ratings with the
same functions; tests compare both.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from aduan.complaints.choices import STAFF_STAGES, Stage
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.reports.models import ComplaintRollup

#: The complaint's columns the rollup depends on.
FIELDS = (
    "jurisdiction_id",
    "submitted_at",
    "unit_id",
    "category_id",
    "area_id",
    "channel",
    "report_type",
    "status",
    "verified_at",
    "first_follow_up_at",
    "resolved_at",
    "stage",
    "due_at",
)

#: State dimensions (dim -> column) also kept summed over every kelurahan, in rows with
#: ``area_id = ALL_AREAS``: a dashboard without a kelurahan filter reads those, 27 times
#: fewer rows. Per-kelurahan reads leave them out (``area_id >= 0``).
SUMMED_DIMS = {"status": "status", "channel": "channel", "type": "report_type"}
ALL_AREAS = -1

#: Milestones whose time since submission is kept as a histogram: dim -> column.
MILESTONES = {
    "dur_verifikasi": "verified_at",
    "dur_tindak_lanjut_awal": "first_follow_up_at",
    "dur_penyelesaian": "resolved_at",
}
#: Upper bounds (hours, exclusive) of the duration buckets; the last bucket is open.
BUCKET_HOURS = (
    1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1080, 1440, 2160, 4320
)  # fmt: skip
SLA_STAGES = (Stage.VERIFIKASI, Stage.TINDAK_LANJUT_AWAL, Stage.PENYELESAIAN)
ON_TIME, LATE = "tepat", "lewat"

Snapshot = Mapping[str, Any]
Key = tuple[int, str, str, str, int, int, int]  # jurisdiction, month, dim, value, unit, cat, area


def month_of(moment: datetime) -> date:
    """The first day of the month of ``moment`` in the local time (WIB)."""
    return timezone.localtime(moment).date().replace(day=1)


def _month_key(snap: Snapshot) -> str:
    # The rebuild computes several keys per complaint: convert its time zone once.
    cached = snap.get("_month")
    return cached if cached is not None else month_of(snap["submitted_at"]).isoformat()


def bucket_of(hours: float) -> int:
    """The index of the duration bucket holding ``hours``."""
    return bisect.bisect_right(BUCKET_HOURS, max(hours, 0.0))


def bucket_bounds(index: int) -> tuple[float, float | None]:
    low = 0.0 if index == 0 else float(BUCKET_HOURS[index - 1])
    high = float(BUCKET_HOURS[index]) if index < len(BUCKET_HOURS) else None
    return low, high


def _key(
    snap: Snapshot, dim: str, value: str, *, unit_id: int | None = None, area: int | None = None
) -> Key:
    unit = snap["unit_id"] if unit_id is None else unit_id
    return (
        snap["jurisdiction_id"],
        _month_key(snap),
        dim,
        value,
        unit or 0,
        snap["category_id"] or 0,
        (snap["area_id"] or 0) if area is None else area,
    )


def state_keys(snap: Snapshot | None) -> Counter[Key]:
    """What one complaint in this state contributes: its status, channel and type (in its
    kelurahan and in all kelurahan) and the durations of the milestones it reached."""
    out: Counter[Key] = Counter()
    if snap is None:
        return out
    snap = {**snap, "_month": month_of(snap["submitted_at"]).isoformat()}
    for dim, column in SUMMED_DIMS.items():
        out[_key(snap, dim, snap[column])] += 1
        out[_key(snap, dim, snap[column], area=ALL_AREAS)] += 1
    for dim, column in MILESTONES.items():
        moment = snap[column]
        if moment is not None:
            hours = (moment - snap["submitted_at"]).total_seconds() / 3600
            # Not per kelurahan: 27 times fewer rows for the histograms.
            out[_key(snap, dim, str(bucket_of(hours)), area=0)] += 1
    return out


def new_complaints(
    snaps: Iterable[Snapshot], known: dict[tuple[Any, ...], Counter[Key]] | None = None
) -> Counter[Key]:
    """``state_keys`` summed over complaints just written (a timeline without a finished
    stage and no rating yet: their whole share of ``compute``), each distinct state
    computed once. Two complaints are in the same state when their ``FIELDS`` are equal,
    but for the time of submission (its local month) and the milestones (their buckets):
    ``state_keys`` reads nothing else. ``known``: the keys of the states met in earlier
    calls, kept there by the caller (an import's batches share most states)."""
    tz = timezone.get_current_timezone()
    milestones = tuple(MILESTONES.values())
    plain = itemgetter(*(f for f in FIELDS if f != "submitted_at" and f not in milestones))
    moments = itemgetter(*milestones)
    unreached = (None,) * len(milestones)  # a new complaint's usual milestones
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for snap in snaps:
        submitted = snap["submitted_at"]
        local = submitted.astimezone(tz)
        buckets = moments(snap)
        if buckets != unreached:
            buckets = tuple(
                None if m is None else bucket_of((m - submitted).total_seconds() / 3600)
                for m in buckets
            )
        state = (local.year, local.month, buckets, plain(snap))
        group = groups.get(state)
        if group is None:
            groups[state] = [snap, 1]
        else:
            group[1] += 1
    if known is not None and len(known) > 50_000:
        known.clear()
    total: Counter[Key] = Counter()
    for state, (snap, count) in groups.items():
        keys = None if known is None else known.get(state)
        if keys is None:
            keys = state_keys(snap)
            if known is not None:
                known[state] = keys
        for key, n in keys.items():
            total[key] += n * count
    return total


def stage_outcome(
    *, stage: str, due_at: datetime | None, new_stage: str, at: datetime
) -> tuple[str, str] | None:
    """(dim, value) when a staff stage finished with this change: it ends when the clock
    moves to another stage other than the pause for the citizen's information."""
    if stage not in STAFF_STAGES or new_stage == stage or new_stage == Stage.MENUNGGU_WARGA:
        return None
    if due_at is None:
        return None
    return f"sla_{stage}", ON_TIME if at <= due_at else LATE


def snapshot(complaint: Complaint | int) -> Snapshot | None:
    """The complaint's rollup columns as stored (call before saving a change)."""
    pk = complaint if isinstance(complaint, int) else complaint.pk
    return Complaint.objects.filter(pk=pk).values(*FIELDS).first()


def _state(complaint: Complaint) -> dict[str, Any]:
    return {name: getattr(complaint, name) for name in FIELDS}


def record(before: Snapshot | None, complaint: Complaint, *, at: datetime) -> None:
    """Apply the change from ``before`` (None: a new complaint) to the complaint's current
    state, at the time of its event ``at``. Inside the transaction of the change."""
    after = _state(complaint)
    delta = state_keys(after)
    delta.subtract(state_keys(before))
    if before is not None:
        outcome = stage_outcome(
            stage=before["stage"], due_at=before["due_at"], new_stage=after["stage"], at=at
        )
        if outcome is not None:
            # Attributed to the unit that held the stage.
            delta[_key(after, *outcome, unit_id=before["unit_id"] or 0)] += 1
    apply(delta)


def record_rating(complaint: Complaint, score: int) -> None:
    """A rating was given (once per complaint, after it closed)."""
    apply(Counter({rating_key(_state(complaint), score): 1}))


def rating_key(snap: Snapshot, score: int) -> Key:
    """The key a rating of ``score`` counts under: the complaint's unit, category, kelurahan
    and month."""
    return _key(snap, "rating", str(score))


_TABLE = ComplaintRollup._meta.db_table
_KEY = "jurisdiction_id, month, dim, value, unit_id, category_id, area_id"


def _insert(cursor: Any, counts: Mapping[Key, int], *, fresh: bool, chunk: int = 1000) -> None:
    """One row per non-zero key of ``counts``, in key order, ``chunk`` rows a statement."""
    rows = sorted((key, n) for key, n in counts.items() if n)
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        params: list[Any] = []
        for key, n in part:
            params.extend([*key, n, fresh])
        placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(part))
        cursor.execute(
            f"INSERT INTO {_TABLE} ({_KEY}, n, fresh) VALUES {placeholders}",  # noqa: S608
            params,
        )


def apply(delta: Mapping[Key, int]) -> None:
    """Add ``delta`` to the rollup: one ``INSERT`` of a new (fresh) row per key, never an
    update of a row another transaction may be changing, so that concurrent submissions do
    not wait for each other's commit (every submission of a month touches the same
    all-kelurahan keys). ``compact`` merges them later; readers sum meanwhile."""
    if any(delta.values()):
        with connection.cursor() as cursor:
            _insert(cursor, delta, fresh=True)


def apply_many(delta: Mapping[Key, int]) -> None:
    """``apply`` for a large ``delta`` (a bulk import's, thousands of keys): the same rows,
    on PostgreSQL with one ``COPY`` instead of statements of a thousand rows each."""
    _write_many(delta, fresh=True)


def _write_many(counts: Mapping[Key, int], *, fresh: bool) -> int:
    """One row per non-zero key, with one ``COPY`` on PostgreSQL; returns the rows."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            _insert(cursor, counts, fresh=fresh)
        return sum(1 for n in counts.values() if n)
    rows = sorted((key, n) for key, n in counts.items() if n)
    if rows:
        with connection.cursor() as wrapper, connection.wrap_database_errors:
            sql = f"COPY {_TABLE} ({_KEY}, n, fresh) FROM STDIN"  # noqa: S608 - our own table
            with wrapper.cursor.copy(sql) as copy:
                for key, n in rows:
                    copy.write_row((*key, n, fresh))
    return len(rows)


#: Keys merged per ``compact`` statement (a busy hour's worth stays one pass).
COMPACT_KEYS = 20_000


def compact(*, limit: int = COMPACT_KEYS) -> int:
    """Merge the rows of keys that have fresh rows into one row per key (a key whose sum
    is zero goes); returns how many keys were merged. One transaction; on PostgreSQL one
    compaction at a time (an advisory lock) and never a row a running transaction has not
    committed yet (it is not seen, and stays fresh for the next pass)."""
    merged: Counter[Key] = Counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [_TABLE])
            if not cursor.fetchone()[0]:
                return 0
        cursor.execute(
            f"DELETE FROM {_TABLE} WHERE ({_KEY}) IN ("  # noqa: S608
            f"SELECT DISTINCT {_KEY} FROM {_TABLE} WHERE fresh LIMIT %s) "
            f"RETURNING {_KEY}, n",
            [limit],
        )
        for j, month, dim, value, unit, category, area, n in cursor.fetchall():
            month_text = month if isinstance(month, str) else month.isoformat()
            merged[(j, month_text, dim, value, unit, category, area)] += n
        _insert(cursor, merged, fresh=False)
    return len(merged)


def compact_task(*, worker_id: str = "", now: datetime | None = None) -> int:
    """Worker task: ``compact`` on every pass."""
    return compact()


# --------------------------------------------------------------------------- rebuild


def compute(
    jurisdiction_id: int | None = None, *, pks: Collection[int] | None = None, chunk: int = 5000
) -> Counter[Key]:
    """The whole rollup computed from the stored complaints, timelines and ratings; with
    ``pks``, the share of those complaints only (a bulk import adds it with ``apply``)."""
    from aduan.surveys.models import Rating

    complaints = Complaint.objects.all()
    if jurisdiction_id is not None:
        complaints = complaints.filter(jurisdiction_id=jurisdiction_id)
    if pks is not None:
        complaints = complaints.filter(pk__in=list(pks))
    total: Counter[Key] = Counter()
    snaps: dict[int, dict[str, Any]] = {}
    for row in complaints.order_by("pk").values("pk", *FIELDS).iterator(chunk_size=chunk):
        total.update(state_keys(row))
        snaps[row["pk"]] = {
            "jurisdiction_id": row["jurisdiction_id"],
            "submitted_at": row["submitted_at"],
            "_month": month_of(row["submitted_at"]).isoformat(),
            "category_id": row["category_id"],
            "area_id": row["area_id"],
        }
    total.update(_stage_outcomes(snaps, jurisdiction_id, pks=pks, chunk=chunk))
    ratings = Rating.objects.all()
    if jurisdiction_id is not None:
        ratings = ratings.filter(complaint__jurisdiction_id=jurisdiction_id)
    if pks is not None:
        ratings = ratings.filter(complaint_id__in=list(pks))
    for complaint_id, unit_id, score in ratings.values_list(
        "complaint_id", "complaint__unit_id", "score"
    ).iterator(chunk_size=chunk):
        total[rating_key({**snaps[complaint_id], "unit_id": unit_id}, score)] += 1
    return +total


def _stage_outcomes(
    snaps: Mapping[int, Mapping[str, Any]],
    jurisdiction_id: int | None,
    *,
    pks: Collection[int] | None = None,
    chunk: int,
) -> Iterable[Key]:
    """``timeline_keys`` of the stored timelines."""
    events = ComplaintEvent.objects.filter(data__has_key="stage")
    if jurisdiction_id is not None:
        events = events.filter(complaint__jurisdiction_id=jurisdiction_id)
    if pks is not None:
        events = events.filter(complaint_id__in=list(pks))
    return timeline_keys(
        snaps,
        events.order_by("complaint_id", "created_at", "id")
        .values_list("complaint_id", "created_at", "data", "to_unit_id")
        .iterator(chunk_size=chunk),
    )


def timeline_keys(
    snaps: Mapping[int, Mapping[str, Any]],
    events: Iterable[tuple[int, datetime, Mapping[str, Any], int | None]],
) -> Iterable[Key]:
    """Replay each timeline's clock (the stage and deadline every event recorded) and
    yield one key per staff stage that finished. ``events`` are (complaint id, time, data,
    unit it went to) of the events whose data has a stage, ordered by complaint, time and
    id; ``snaps`` the complaints' columns with their local month (``_month``)."""
    current = -1
    stage, due, unit = "", None, None
    for complaint_id, created_at, data, to_unit_id in events:
        if complaint_id != current:
            current, stage, due, unit = complaint_id, "", None, None
        new_stage = data.get("stage") or ""
        outcome = stage_outcome(stage=stage, due_at=due, new_stage=new_stage, at=created_at)
        if outcome is not None and complaint_id in snaps:
            yield _key(snaps[complaint_id], *outcome, unit_id=unit or 0)
        if to_unit_id is not None:
            unit = to_unit_id
        stage = new_stage
        due = datetime.fromisoformat(data["due_at"]) if data.get("due_at") else None


def rebuild(jurisdiction_id: int | None = None) -> int:
    """Replace the rollup (of one jurisdiction, or all) with a fresh computation; returns
    the number of rows written. Complaint writes wait while it runs (the table is locked
    on PostgreSQL), so no change is lost between the computation and the swap."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {_TABLE} IN EXCLUSIVE MODE")  # noqa: S608
        written = _store(compute(jurisdiction_id), jurisdiction_id)
    _vacuum()
    return written


def replace(counts: Mapping[Key, int], jurisdiction_id: int | None = None) -> int:
    """Make ``counts`` (in the shape ``compute`` returns) the whole rollup of the
    jurisdiction, or of all; returns the number of rows written. A benchmark load that
    counted its rows while writing them stores the counts with this instead of ``rebuild``."""
    with transaction.atomic():
        written = _store(counts, jurisdiction_id)
    _vacuum()
    return written


def _store(counts: Mapping[Key, int], jurisdiction_id: int | None) -> int:
    existing = ComplaintRollup.objects.all()
    if jurisdiction_id is not None:
        existing = existing.filter(jurisdiction_id=jurisdiction_id)
    existing.delete()
    return _write_many(counts, fresh=False)


def _vacuum() -> None:
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # The dashboards' sums are index-only scans: they need the visibility map, which
        # only VACUUM sets (without it every row is fetched from the table, 3x slower at
        # 1M complaints), and the planner needs the new rows' statistics.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {_TABLE}")  # noqa: S608


def stored(jurisdiction_id: int | None = None) -> Counter[Key]:
    """The rollup as stored, in the same shape as ``compute`` (zero rows left out)."""
    qs = ComplaintRollup.objects.exclude(n=0)
    if jurisdiction_id is not None:
        qs = qs.filter(jurisdiction_id=jurisdiction_id)
    out: Counter[Key] = Counter()
    for j, m, dim, value, u, c, a, n in qs.values_list(
        "jurisdiction_id", "month", "dim", "value", "unit_id", "category_id", "area_id", "n"
    ):
        out[(j, m.isoformat(), dim, value, u, c, a)] += n  # a key's rows until compacted
    return Counter({key: n for key, n in out.items() if n})
