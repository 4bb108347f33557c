"""The worker's SLA sweeps: reminders at 75 % of a stage, daily escalation while overdue,
and the citizen's deadlines (archive when information never came, close when the follow-up
got no response).

Each row is claimed with a conditional UPDATE on the column that schedules it (``remind_at``,
``escalate_at``), so any number of workers can sweep side by side and each reminder and
escalation happens once. Citizen deadlines go through the complaint services, which lock
the row and re-check the status, so a second worker finds nothing left to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from aduan.complaints import services
from aduan.complaints.choices import (
    STAFF_STAGES,
    ArchiveReason,
    EventKind,
    Stage,
    WorkflowError,
)
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.complaints.notify import notify_for_event
from aduan.sla import clocks

log = logging.getLogger(__name__)

BATCH = 200


def sweep(*, worker_id: str = "", now: datetime | None = None) -> int:
    """One pass of every SLA sweep; returns how many complaints it acted on."""
    now = now or timezone.now()
    return (
        send_reminders(now=now)
        + escalate_overdue(now=now)
        + archive_incomplete(now=now)
        + close_unanswered(now=now)
    )


def send_reminders(*, now: datetime) -> int:
    done = 0
    due = Complaint.objects.filter(remind_at__lte=now, stage__in=list(STAFF_STAGES))
    for pk, remind_at in due.values_list("pk", "remind_at")[:BATCH]:
        with transaction.atomic():
            claimed = Complaint.objects.filter(pk=pk, remind_at=remind_at).update(remind_at=None)
            if not claimed:
                continue  # another worker took it
            complaint = Complaint.objects.select_related("jurisdiction", "unit").get(pk=pk)
            event = ComplaintEvent.objects.create(
                complaint=complaint,
                kind=EventKind.REMINDER,
                actor_label="Sistem",
                message=f"Batas waktu tahap '{complaint.get_stage_display()}' "
                f"{timezone.localtime(complaint.due_at):%d-%m-%Y %H:%M}.",
                is_public=False,
                data={"stage": complaint.stage, "due_at": _iso(complaint.due_at)},
            )
            notify_for_event(event)
            done += 1
    return done


def escalate_overdue(*, now: datetime) -> int:
    """Overdue in a staff stage: tell the unit's head and Dinkominfo, again every day."""
    done = 0
    due = Complaint.objects.filter(escalate_at__lte=now, stage__in=list(STAFF_STAGES))
    for pk, escalate_at in due.values_list("pk", "escalate_at")[:BATCH]:
        if escalate_at is None:  # pragma: no cover - excluded by the filter
            continue
        with transaction.atomic():
            next_at = max(escalate_at, now) + timedelta(days=1)
            claimed = Complaint.objects.filter(pk=pk, escalate_at=escalate_at).update(
                escalate_at=next_at, escalation_count=F("escalation_count") + 1
            )
            if not claimed:
                continue
            complaint = Complaint.objects.select_related("jurisdiction", "unit").get(pk=pk)
            late = now - complaint.due_at if complaint.due_at else timedelta(0)
            event = ComplaintEvent.objects.create(
                complaint=complaint,
                kind=EventKind.ESCALATED,
                actor_label="Sistem",
                message=f"Lewat batas waktu tahap '{complaint.get_stage_display()}' "
                f"({_human(late)}); eskalasi ke-{complaint.escalation_count}.",
                is_public=False,
                data={
                    "stage": complaint.stage,
                    "due_at": _iso(complaint.due_at),
                    "count": complaint.escalation_count,
                },
            )
            notify_for_event(event)
            done += 1
    return done


def _citizen_deadline_passed(
    stage: str, now: datetime, act: Callable[[Complaint, int], object]
) -> int:
    """Run ``act(complaint, days)`` on complaints whose citizen deadline in ``stage`` passed;
    the service re-checks the status under its lock, so one handled meanwhile is skipped."""
    setting_name = (
        "incomplete_archive_days" if stage == Stage.MENUNGGU_WARGA else "no_response_close_days"
    )
    done = 0
    due = Complaint.objects.filter(stage=stage, due_at__lte=now)
    for complaint in due.select_related("jurisdiction")[:BATCH]:
        try:
            act(complaint, int(clocks.setting(complaint.jurisdiction, setting_name)))
        except WorkflowError:
            continue  # answered or handled meanwhile
        done += 1
    return done


def archive_incomplete(*, now: datetime) -> int:
    return _citizen_deadline_passed(
        Stage.MENUNGGU_WARGA,
        now,
        lambda complaint, days: services.complaint_archive(
            complaint=complaint,
            actor=None,
            reason=ArchiveReason.INCOMPLETE,
            note=f"Informasi yang kami minta belum kami terima dalam {days} hari, sehingga "
            "laporan ini kami arsipkan. Anda dapat mengirim laporan baru kapan saja.",
        ),
    )


def close_unanswered(*, now: datetime) -> int:
    return _citizen_deadline_passed(
        Stage.TANGGAPAN_WARGA,
        now,
        lambda complaint, days: services.complaint_resolve(
            complaint=complaint,
            actor=None,
            note=f"Tidak ada tanggapan dari pelapor dalam {days} hari setelah tindak lanjut; "
            "laporan kami nyatakan selesai. Terima kasih.",
        ),
    )


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def _human(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours >= 48:
        return f"{hours // 24} hari"
    return f"{max(hours, 0)} jam"
