"""The worker's monthly task: last month's report e-mailed to each jurisdiction's leaders.

From the first working day of a month on (the jurisdiction's calendar), the first pass of
any worker renders the previous month's PDF once, stores it and queues one e-mail per
leader through the outbox. ``MonthlyReportDispatch`` (unique per jurisdiction and month)
makes that happen once however many workers run and however often they pass.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from aduan.accounts.choices import Role
from aduan.accounts.models import User
from aduan.notifications.choices import MessageKind, OutboxChannel
from aduan.notifications.services import outbox_enqueue
from aduan.organisation.models import Jurisdiction
from aduan.reports import pdf
from aduan.reports import selectors as sel
from aduan.reports.models import MonthlyReportDispatch
from aduan.sla.calendar import calendar_for

logger = logging.getLogger("aduan.reports")

#: Who receives the monthly report.
LEADER_ROLES = (Role.SUPERVISOR,)


def first_working_day(jurisdiction: Jurisdiction, month: date) -> date:
    calendar = calendar_for(jurisdiction)
    day = month
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def leaders(jurisdiction: Jurisdiction) -> list[User]:
    return list(
        User.objects.filter(
            jurisdiction=jurisdiction, role__in=LEADER_ROLES, is_active=True
        ).exclude(email="")
    )


def monthly_report_dispatch(
    jurisdiction: Jurisdiction, month: date
) -> MonthlyReportDispatch | None:
    """Render ``month``'s report and queue it to the leaders, once; None when it was
    already done (by this or another worker)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                dispatch = MonthlyReportDispatch.objects.create(
                    jurisdiction=jurisdiction, month=month
                )
        except IntegrityError:
            return None
        recipients = leaders(jurisdiction)
        if recipients:
            scope = sel.Scope(jurisdiction=jurisdiction)
            content = pdf.render(
                scope, sel.Filters(start=month, end=month), kind="bulanan", audience="walikota"
            )
            name = default_storage.save(
                f"laporan/{jurisdiction.slug}-{month:%Y-%m}.pdf", ContentFile(content)
            )
            period = pdf.period_label(sel.Filters(start=month, end=month), "bulanan")
            for user in recipients:
                outbox_enqueue(
                    jurisdiction=jurisdiction,
                    channel=OutboxChannel.EMAIL,
                    kind=MessageKind.MONTHLY_REPORT,
                    subject=f"Laporan bulanan pengaduan {period} · {jurisdiction.name}",
                    body=(
                        f"Yth. {user.display_name},\n\n"
                        f"Terlampir laporan bulanan pengelolaan pengaduan {jurisdiction.name} "
                        f"untuk {period}. Angka yang sama dapat dilihat dan ditelusuri di "
                        "dasbor pimpinan.\n"
                    ),
                    dedupe_key=f"monthly-report:{jurisdiction.pk}:{month:%Y-%m}:{user.pk}",
                    to_address=user.email,
                    recipient_user=user,
                    attachment=name,
                )
        dispatch.recipients = len(recipients)
        dispatch.save(update_fields=["recipients"])
    logger.info(
        "monthly report %s %s queued to %d leaders", jurisdiction.slug, month, len(recipients)
    )
    return dispatch


def monthly_report_task(*, worker_id: str = "", now: datetime | None = None) -> int:
    """Worker task: queue last month's report where it is due and not yet done."""
    today = timezone.localdate(now or timezone.now())
    this_month = today.replace(day=1)
    previous = sel.add_months(this_month, -1)
    done = set(
        MonthlyReportDispatch.objects.filter(month=previous).values_list(
            "jurisdiction_id", flat=True
        )
    )
    count = 0
    for jurisdiction in Jurisdiction.objects.filter(is_active=True).exclude(pk__in=done):
        if today < first_working_day(jurisdiction, this_month):
            continue
        if monthly_report_dispatch(jurisdiction, previous) is not None:
            count += 1
    return count
