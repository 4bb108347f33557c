"""The SLA clock of a complaint: which stage it is in, when that stage is due, when to remind
and when to escalate. Only ``complaints.services`` calls ``enter_stage`` (inside its
transaction, on the locked row); the worker's sweeps read the columns it writes.

Stages and their deadlines (each configurable in ``Jurisdiction.settings``):

- ``verifikasi``: from receipt; ``verification_days`` working days (3).
- ``tindak_lanjut_awal``: from disposition or forwarding; ``first_follow_up_days`` (5), never
  after the resolution target.
- ``penyelesaian``: when the unit starts, or the citizen reopens; the resolution target, i.e.
  the category's SLA (or the unit's service standard for it) from disposition.
- ``menunggu_warga``: information asked; ``incomplete_archive_days`` calendar days (10),
  then archived as incomplete. The staff clock pauses and resumes with what it had left.
- ``tanggapan_warga``: follow-up posted; ``no_response_close_days`` calendar days (10), then
  closed as finished.
- ``perencanaan``: flagged for TAPD; no deadline for the unit until TAPD decides.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Q

from aduan.complaints.choices import CITIZEN_STAGES, STAFF_STAGES, ComplaintStatus, Stage
from aduan.lib.workdays import WorkingCalendar
from aduan.sla.calendar import calendar_for

if TYPE_CHECKING:
    from aduan.complaints.models import Complaint
    from aduan.organisation.models import Jurisdiction

S = ComplaintStatus

DEFAULTS: dict[str, float] = {
    "verification_days": 3,
    "first_follow_up_days": 5,
    "incomplete_archive_days": 10,
    "no_response_close_days": 10,
    "reminder_fraction": 0.75,
    "default_resolution_days": 5,
}

#: The fields ``enter_stage`` may change; services add them to ``update_fields``.
CLOCK_FIELDS = (
    "stage",
    "stage_started_at",
    "due_at",
    "remind_at",
    "escalate_at",
    "escalation_count",
    "resolution_due_at",
    "paused_stage",
    "paused_remaining_days",
)


def setting(jurisdiction: Jurisdiction, name: str) -> float:
    value = (jurisdiction.settings or {}).get(name, DEFAULTS[name])
    try:
        return float(value)
    except (TypeError, ValueError):
        return DEFAULTS[name]


def resolution_days(complaint: Complaint) -> int:
    """Working days to resolve: a unit's service standard for the category, else the
    category's SLA, else the jurisdiction's default."""
    standard = None
    if complaint.category_id is not None and complaint.unit_id is not None:
        pair = (complaint.unit_id, complaint.category_id)
        standard = service_standard_days({pair}).get(pair)
    category = complaint.category
    return resolution_days_of(
        complaint.jurisdiction,
        standard_days=standard,
        category_sla_days=category.sla_days if category is not None else None,
    )


def resolution_days_of(
    jurisdiction: Jurisdiction, *, standard_days: int | None, category_sla_days: int | None
) -> int:
    """``resolution_days`` from the values: the unit's service standard for the category
    (None: none), the category's SLA (None: no category)."""
    if standard_days is not None:
        return int(standard_days)
    if category_sla_days is not None:
        return int(category_sla_days)
    return int(setting(jurisdiction, "default_resolution_days"))


def service_standard_days(pairs: set[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """The service standards of these (unit id, category id) pairs: one query (none when
    there are no pairs)."""
    from aduan.organisation.models import ServiceStandard

    if not pairs:
        return {}
    q = Q()
    for unit_id, category_id in pairs:
        q |= Q(unit_id=unit_id, category_id=category_id)
    return {
        (unit_id, category_id): days
        for unit_id, category_id, days in ServiceStandard.objects.filter(q).values_list(
            "unit_id", "category_id", "resolution_days"
        )
    }


def _set(complaint: Complaint, stage: str, start: datetime, due: datetime | None) -> None:
    complaint.stage = stage
    complaint.stage_started_at = start
    complaint.due_at = due
    complaint.escalation_count = 0
    if stage in STAFF_STAGES and due is not None:
        fraction = setting(complaint.jurisdiction, "reminder_fraction")
        complaint.remind_at = start + (due - start) * fraction if due > start else None
        complaint.escalate_at = due
    else:
        complaint.remind_at = None
        complaint.escalate_at = None


def enter_stage(
    complaint: Complaint, *, to_status: str, now: datetime, from_status: str = ""
) -> None:
    """Set the clock for the status the complaint is entering. Planning (TAPD) is entered
    with ``enter_planning``; leaving it (a TAPD decision) calls this again."""
    cal = calendar_for(complaint.jurisdiction)
    j = complaint.jurisdiction
    if to_status in (S.SELESAI, S.DIRUJUK, S.DIARSIPKAN, S.DIGABUNG):
        _set(complaint, Stage.NONE, now, None)
        complaint.paused_stage = ""
        complaint.paused_remaining_days = None
        return
    if complaint.stage == Stage.PERENCANAAN and to_status != S.MENUNGGU_INFO:
        return  # waiting for TAPD: only its decision (leave_planning) restarts a clock
    if to_status in (S.BARU, S.DITUNDA):
        if from_status == S.MENUNGGU_INFO:
            _resume(complaint, cal, now)
        elif complaint.stage != Stage.VERIFIKASI:  # holding keeps the verification clock
            _set(
                complaint,
                Stage.VERIFIKASI,
                now,
                cal.add_working_days(now, int(setting(j, "verification_days"))),
            )
        return
    if to_status == S.MENUNGGU_INFO:
        complaint.paused_stage = complaint.stage
        complaint.paused_remaining_days = (
            cal.working_days_between(now, complaint.due_at) if complaint.due_at else None
        )
        _set(
            complaint,
            Stage.MENUNGGU_WARGA,
            now,
            cal.add_calendar_days(now, int(setting(j, "incomplete_archive_days"))),
        )
        return
    if from_status == S.MENUNGGU_INFO:
        _resume(complaint, cal, now)
        return
    if to_status == S.DIDISPOSISIKAN:
        complaint.resolution_due_at = cal.add_working_days(now, resolution_days(complaint))
        first = cal.add_working_days(now, int(setting(j, "first_follow_up_days")))
        _set(complaint, Stage.TINDAK_LANJUT_AWAL, now, min(first, complaint.resolution_due_at))
        return
    if to_status == S.DIPROSES:
        due = complaint.resolution_due_at or cal.add_working_days(now, resolution_days(complaint))
        _set(complaint, Stage.PENYELESAIAN, now, due)
        return
    if to_status == S.DIBUKA_KEMBALI:
        complaint.resolution_due_at = cal.add_working_days(now, resolution_days(complaint))
        _set(complaint, Stage.PENYELESAIAN, now, complaint.resolution_due_at)
        return
    if to_status == S.DITINDAKLANJUTI:
        _set(
            complaint,
            Stage.TANGGAPAN_WARGA,
            now,
            cal.add_calendar_days(now, int(setting(j, "no_response_close_days"))),
        )
        return


def _resume(complaint: Complaint, cal: WorkingCalendar, now: datetime) -> None:
    """Back to the paused stage with the working days it had left."""
    stage = complaint.paused_stage or Stage.VERIFIKASI
    left = complaint.paused_remaining_days
    due = cal.add_working_days(now, max(left, 0)) if left is not None else None
    if left is not None and left < 0:
        due = now  # it was already overdue when paused: still overdue
    complaint.paused_stage = ""
    complaint.paused_remaining_days = None
    if stage == Stage.PENYELESAIAN and due is not None:
        complaint.resolution_due_at = due
    _set(complaint, stage, now, due)


def enter_planning(complaint: Complaint, *, now: datetime) -> bool:
    """Leave the unit's clock for the TAPD planning queue. Returns whether the flag was made
    within the deadline of the stage it interrupts."""
    on_time = complaint.due_at is None or now <= complaint.due_at
    _set(complaint, Stage.PERENCANAAN, now, None)
    return on_time


def leave_planning(complaint: Complaint, *, now: datetime, restart: bool) -> None:
    """After TAPD's decision: ``restart`` puts the unit back on a resolution clock (routine
    maintenance, or not feasible and the unit must answer); otherwise no clock runs."""
    if restart:
        cal = calendar_for(complaint.jurisdiction)
        complaint.resolution_due_at = cal.add_working_days(now, resolution_days(complaint))
        _set(complaint, Stage.PENYELESAIAN, now, complaint.resolution_due_at)
    else:
        _set(complaint, Stage.NONE, now, None)


def expected_completion(
    complaint: Complaint, *, now: datetime | None = None, calendar: WorkingCalendar | None = None
) -> datetime | None:
    """What the citizen is told: the resolution target once disposed, before that the
    verification deadline plus the category's resolution time. A list computing this per
    row passes the jurisdiction's ``calendar`` once (``calendar_for`` costs a query)."""
    if complaint.is_closed:
        return None
    if complaint.resolution_due_at is not None:
        return complaint.resolution_due_at
    cal = calendar or calendar_for(complaint.jurisdiction)
    start = complaint.submitted_at if now is None else now
    return target_from(complaint.jurisdiction, start, resolution_days(complaint), calendar=cal)


def target_from(
    jurisdiction: Jurisdiction, start: datetime, days: int, *, calendar: WorkingCalendar
) -> datetime:
    """The resolution target of a complaint not yet disposed: the verification deadline
    plus ``days`` (``resolution_days``) working days from ``start``."""
    verify = int(setting(jurisdiction, "verification_days"))
    return calendar.add_working_days(start, verify + days)


def time_left(complaint: Complaint, *, now: datetime) -> timedelta | None:
    """Positive: time left; negative: overdue by. None when no clock runs."""
    if complaint.due_at is None or complaint.stage not in STAFF_STAGES | CITIZEN_STAGES:
        return None
    return complaint.due_at - now
