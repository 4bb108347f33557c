"""What of a complaint the public may read: the one place that decides it, for the public
transparency page (/publik/), the citizen form's "similar reports" and Open311.

- Which complaints: ``public_q`` / ``is_public``. Never a confidential (rahasia) complaint,
  never one a verifier hid from public pages.
- Which text: ``public_text``. The verifier's own public text when written, else the
  description with personal data masked by ``aduan.lib.pii.mask_text`` (NIK, mobile
  numbers, e-mail addresses, plates, and the reporter's own name, phone and e-mail). A
  complaint archived as spam publishes no text.
- Timeline messages: ``public_note``. Staff messages on public events, masked; never what
  the reporter wrote.
- Never the reporter's name, phone or e-mail as such, never staff names.
"""

from __future__ import annotations

from django.db.models import Q

from aduan.complaints.choices import ArchiveReason, ComplaintStatus, EventKind, Privacy
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.lib import pii

MASK = pii.MASK

#: Timeline events whose message the reporter wrote (answers, reasons): never published;
#: the update shows what happened, not what was said.
CITIZEN_EVENTS = frozenset(
    {
        EventKind.SUBMITTED,
        EventKind.INFO_PROVIDED,
        EventKind.CITIZEN_SATISFIED,
        EventKind.REOPENED,
        EventKind.CITIZEN_MESSAGE,
    }
)

#: What a merge into a complaint that is not public says.
MERGED_ELSEWHERE = "Digabung dengan laporan lain."

#: The fields ``public_text`` reads (for ``.only()`` in list queries).
TEXT_FIELDS = (
    "description",
    "public_text",
    "status",
    "archive_reason",
    "reporter_name",
    "reporter_phone",
    "reporter_email",
)


def public_q() -> Q:
    """The complaints that may appear on a public page (never rahasia, never hidden by the
    verifier, never a report held as possible spam)."""
    return ~Q(privacy=Privacy.RAHASIA) & Q(public_hidden=False) & Q(held_as_spam=False)


def is_public(complaint: Complaint) -> bool:
    return (
        complaint.privacy != Privacy.RAHASIA
        and not complaint.public_hidden
        and not complaint.held_as_spam
    )


def identity(complaint: Complaint) -> tuple[str, str, str]:
    """The reporter's own name, phone and e-mail: masked wherever they appear in text."""
    return (complaint.reporter_name, complaint.reporter_phone, complaint.reporter_email)


def mask(text: str, complaint: Complaint) -> str:
    """``text`` without personal data, the reporter's own identity included."""
    if not text:
        return ""
    return pii.mask_text(text, extra=identity(complaint))


def is_spam(complaint: Complaint) -> bool:
    return (
        complaint.status == ComplaintStatus.DIARSIPKAN
        and complaint.archive_reason == ArchiveReason.SPAM
    )


def public_text(complaint: Complaint) -> str:
    """The description as published (see the module docstring)."""
    if is_spam(complaint):
        return ""
    edited = complaint.public_text.strip()
    if edited:
        return edited
    return mask(complaint.description, complaint)


def search_text(complaint: Complaint) -> str:
    """What the public search matches: the published text, in lower case. Stored on the
    complaint (``public_search``) so that a search never reads what was masked."""
    return public_text(complaint).lower()


def public_address(complaint: Complaint) -> str:
    """Where the problem is: the address given (masked), and the kelurahan."""
    parts = [mask(complaint.address, complaint)]
    if complaint.area is not None:
        parts.append(f"Kel. {complaint.area.name}")
    return ", ".join(p for p in parts if p)


def public_note(event: ComplaintEvent, complaint: Complaint) -> str:
    """The message of a public timeline event as published: staff text, masked; nothing of
    what the reporter wrote."""
    if not event.is_public or event.kind in CITIZEN_EVENTS:
        return ""
    if event.kind == EventKind.MERGED:
        # names the complaint it went into: only when that one is public too (and already
        # loaded with the complaint; else the safe sentence, without a query)
        cached = Complaint.merged_into.is_cached(complaint)
        target = complaint.merged_into if cached else None
        if target is None or not is_public(target):
            return MERGED_ELSEWHERE
    return mask(event.message.strip(), complaint)


def problems(text: str, complaint: Complaint) -> list[str]:
    """The kinds of personal data a text meant for the public still holds."""
    return pii.contains_personal_data(text, extra=identity(complaint))
