"""Aduan's statuses in Open311 terms.

GeoReport v2 knows two statuses: ``closed`` for the statuses in which nothing more happens
(``complaints.choices.CLOSED_STATUSES``: selesai, dirujuk, diarsipkan, digabung) and ``open``
for every other one.

The updates extension (``servicerequestupdates``) and ``requests?extensions=true`` carry the
extended statuses that FixMyStreet and other clients understand:

====================================  ============================================
Aduan                                 extended status
====================================  ============================================
baru, ditunda                         FOR_TRIAGE (not yet verified)
didisposisikan, menunggu_info         INVESTIGATING (with the unit / asking the reporter)
diproses, ditindaklanjuti             IN_PROGRESS (the unit works / answered, awaiting the
                                      reporter's confirmation)
open and scheduled by TAPD            ACTION_SCHEDULED (in a budget year's plan)
dibuka_kembali                        REOPEN
selesai                               FIXED (a complaint); CLOSED (aspiration, information)
dirujuk                               NOT_COUNCILS_RESPONSIBILITY
digabung                              DUPLICATE
diarsipkan as duplicate               DUPLICATE
diarsipkan as incomplete              NO_FURTHER_ACTION
diarsipkan as spam                    CLOSED
====================================  ============================================
"""

from __future__ import annotations

from aduan.complaints.choices import (
    CLOSED_STATUSES,
    ArchiveReason,
    ComplaintStatus,
    ReportType,
)

S = ComplaintStatus

OPEN = "open"
CLOSED = "closed"
#: The values of the ``status`` filter of GET requests.
STATUS_FILTERS = (OPEN, CLOSED)

_EXTENDED: dict[str, str] = {
    S.BARU: "FOR_TRIAGE",
    S.DITUNDA: "FOR_TRIAGE",
    S.DIDISPOSISIKAN: "INVESTIGATING",
    S.MENUNGGU_INFO: "INVESTIGATING",
    S.DIPROSES: "IN_PROGRESS",
    S.DITINDAKLANJUTI: "IN_PROGRESS",
    S.DIBUKA_KEMBALI: "REOPEN",
    S.DIRUJUK: "NOT_COUNCILS_RESPONSIBILITY",
    S.DIGABUNG: "DUPLICATE",
}

_ARCHIVED: dict[str, str] = {
    ArchiveReason.DUPLICATE: "DUPLICATE",
    ArchiveReason.INCOMPLETE: "NO_FURTHER_ACTION",
    ArchiveReason.SPAM: "CLOSED",
}


def basic_status(status: str) -> str:
    """``open`` or ``closed``."""
    return CLOSED if status in CLOSED_STATUSES else OPEN


def statuses_for(filters: list[str]) -> list[str]:
    """The Aduan statuses the Open311 ``status`` filter values (open, closed) stand for."""
    return [s for s in S.values if basic_status(s) in filters]


def extended_status(
    status: str, *, report_type: str = ReportType.ADUAN, archive_reason: str = "", planned: bool
) -> str:
    """The extended status; ``planned``: TAPD scheduled the work in a budget year."""
    if status == S.SELESAI:
        return "FIXED" if report_type == ReportType.ADUAN else "CLOSED"
    if status == S.DIARSIPKAN:
        return _ARCHIVED.get(archive_reason, "CLOSED")
    if planned and status not in CLOSED_STATUSES and status != S.DIBUKA_KEMBALI:
        return "ACTION_SCHEDULED"
    return _EXTENDED.get(status, "OPEN")
