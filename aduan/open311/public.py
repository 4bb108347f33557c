"""What of a complaint the public may read: the one place that decides it for Open311.

GeoReport v2 GET responses are public. They never carry the reporter's name, phone or e-mail
(no such field is ever written) and never a confidential (rahasia) complaint (the selectors
leave those out). Free text is written by people, though: the citizen's description and the
staff's messages on the timeline may name the reporter. Every free text therefore passes
through ``public_text`` (the description) or ``public_note`` (a timeline message), which
both end in ``mask``.

``mask`` removes the reporter's own name, phone number and e-mail address from the text.
Masking other personal data inside free text (NIK, other people's phone numbers) is still to
come: add it to ``mask`` and every public text of Open311 gets it.
"""

from __future__ import annotations

import re

from aduan.complaints.choices import ArchiveReason, ComplaintStatus, EventKind
from aduan.complaints.models import Complaint, ComplaintEvent

MASK = "[disamarkan]"

#: Timeline events whose message the reporter wrote (answers, reasons): never published;
#: the update shows what happened, not what was said.
CITIZEN_EVENTS = frozenset(
    {
        EventKind.SUBMITTED,
        EventKind.INFO_PROVIDED,
        EventKind.CITIZEN_SATISFIED,
        EventKind.REOPENED,
    }
)

_PHONE_LIKE = re.compile(r"\+?\d[\d\s().-]{5,}\d")


def _national(digits: str) -> str:
    """Indonesian numbers are written 0812…, 62812… or +62 812…: compare without the prefix."""
    if digits.startswith("62"):
        return digits[2:]
    if digits.startswith("0"):
        return digits[1:]
    return digits


def mask(text: str, complaint: Complaint) -> str:
    """``text`` without the reporter's own identity (see the module docstring)."""
    if not text:
        return ""
    email = complaint.reporter_email.strip()
    if email:
        text = re.sub(re.escape(email), MASK, text, flags=re.IGNORECASE)
    phone_digits = _national("".join(ch for ch in complaint.reporter_phone if ch.isdigit()))
    if len(phone_digits) >= 6:

        def phone(match: re.Match[str]) -> str:
            digits = "".join(ch for ch in match.group(0) if ch.isdigit())
            return MASK if _national(digits) == phone_digits else match.group(0)

        text = _PHONE_LIKE.sub(phone, text)
    name = " ".join(complaint.reporter_name.split())
    if name:
        parts = [re.escape(p) for p in name.split(" ")]
        full = r"\s+".join(parts)
        text = re.sub(rf"\b{full}\b", MASK, text, flags=re.IGNORECASE)
        for part in name.split(" "):
            if len(part) >= 4:
                text = re.sub(rf"\b{re.escape(part)}\b", MASK, text, flags=re.IGNORECASE)
    return text


def public_text(complaint: Complaint) -> str:
    """The description as published. A complaint archived as spam publishes no text."""
    if complaint.status == ComplaintStatus.DIARSIPKAN and (
        complaint.archive_reason == ArchiveReason.SPAM
    ):
        return ""
    return mask(complaint.description, complaint)


def public_address(complaint: Complaint) -> str:
    """Where the problem is: the address given, and the kelurahan."""
    parts = [mask(complaint.address, complaint)]
    if complaint.area is not None:
        parts.append(f"Kel. {complaint.area.name}")
    return ", ".join(p for p in parts if p)


def public_note(event: ComplaintEvent, complaint: Complaint) -> str:
    """The message of a public timeline event as published: staff text, masked; nothing of
    what the reporter wrote."""
    if not event.is_public or event.kind in CITIZEN_EVENTS:
        return ""
    return mask(event.message.strip(), complaint)
