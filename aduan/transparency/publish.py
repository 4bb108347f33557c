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
    return is_public_values(complaint.privacy, complaint.public_hidden, complaint.held_as_spam)


def is_public_values(privacy: str, public_hidden: bool, held_as_spam: bool) -> bool:
    """``is_public`` from the column values (lists that read values, not instances)."""
    return privacy != Privacy.RAHASIA and not public_hidden and not held_as_spam


def identity(complaint: Complaint) -> tuple[str, str, str]:
    """The reporter's own name, phone and e-mail: masked wherever they appear in text."""
    return (complaint.reporter_name, complaint.reporter_phone, complaint.reporter_email)


def mask(text: str, complaint: Complaint) -> str:
    """``text`` without personal data, the reporter's own identity included."""
    return mask_with(text, identity(complaint))


def mask_with(text: str, reporter: tuple[str, str, str]) -> str:
    """``mask`` given the reporter's ``identity`` (name, phone, e-mail)."""
    if not text:
        return ""
    return pii.mask_text(text, extra=reporter)


def is_spam(complaint: Complaint) -> bool:
    return _is_spam(complaint.status, complaint.archive_reason)


def _is_spam(status: str, archive_reason: str) -> bool:
    return status == ComplaintStatus.DIARSIPKAN and archive_reason == ArchiveReason.SPAM


def public_text(complaint: Complaint) -> str:
    """The description as published (see the module docstring)."""
    return public_text_of(
        status=complaint.status,
        archive_reason=complaint.archive_reason,
        edited=complaint.public_text,
        description=complaint.description,
        reporter=identity(complaint),
    )


def public_text_of(
    *,
    status: str,
    archive_reason: str,
    edited: str,
    description: str,
    reporter: tuple[str, str, str],
) -> str:
    """``public_text`` from the column values (``edited``: the verifier's public text)."""
    if _is_spam(status, archive_reason):
        return ""
    edited = edited.strip()
    if edited:
        return edited
    return mask_with(description, reporter)


def search_text(complaint: Complaint) -> str:
    """What the public search matches: the published text, in lower case. Stored on the
    complaint (``public_search``) so that a search never reads what was masked."""
    return public_text(complaint).lower()


def public_address(complaint: Complaint) -> str:
    """Where the problem is: the address given (masked), and the kelurahan."""
    area = complaint.area
    return public_address_of(complaint.address, area.name if area else None, identity(complaint))


def public_address_of(address: str, area_name: str | None, reporter: tuple[str, str, str]) -> str:
    """``public_address`` from the column values."""
    parts = [mask_with(address, reporter)]
    if area_name is not None:
        parts.append(f"Kel. {area_name}")
    return ", ".join(p for p in parts if p)


def public_note(event: ComplaintEvent, complaint: Complaint) -> str:
    """The message of a public timeline event as published: staff text, masked; nothing of
    what the reporter wrote."""
    if not event.is_public:
        return ""
    merged_into_public = False
    if event.kind == EventKind.MERGED:
        # names the complaint it went into: only when that one is public too (and already
        # loaded with the complaint; else the safe sentence, without a query)
        cached = Complaint.merged_into.is_cached(complaint)
        target = complaint.merged_into if cached else None
        merged_into_public = target is not None and is_public(target)
    return public_note_of(
        event.kind,
        event.message,
        merged_into_public=merged_into_public,
        reporter=identity(complaint),
    )


def public_note_of(
    kind: str, message: str, *, merged_into_public: bool, reporter: tuple[str, str, str]
) -> str:
    """``public_note`` of a public event from the column values; ``merged_into_public``: the
    complaint was merged into one that is public too."""
    if kind in CITIZEN_EVENTS:
        return ""
    if kind == EventKind.MERGED and not merged_into_public:
        return MERGED_ELSEWHERE
    return mask_with(message.strip(), reporter)


def problems(text: str, complaint: Complaint) -> list[str]:
    """The kinds of personal data a text meant for the public still holds."""
    return pii.contains_personal_data(text, extra=identity(complaint))
