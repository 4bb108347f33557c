"""Personal data under UU 27/2022 (Pelindungan Data Pribadi): how long it is kept, and what
a citizen may ask to see.

* ``retention_run``: the reporters of complaints closed more than ``years`` years ago are
  anonymised: name, phone and e-mail emptied; the address emptied and the map point
  coarsened to about a kilometre; every text that people wrote about the complaint (title,
  description, timeline messages, rating comment, the WhatsApp/e-mail messages it came
  from, the messages sent to the reporter) passed through ``aduan.lib.pii.mask_text`` with
  the reporter's own name, phone and e-mail as extra values; original photos (with EXIF
  and GPS) deleted, the stripped copies kept. Statistics stay: category, kelurahan, unit,
  dates, statuses, clocks, ratings. An ``anonymised`` event goes on the timeline and
  ``Complaint.anonymised_at`` makes a second run skip the complaint.
* ``personal_data_export``: everything held about one person (found by phone or e-mail):
  their complaints with the public timeline, their own messages, the messages sent to
  them, their ratings; each complaint's timeline records that it was exported and by whom.

Timeline events are immutable for people; retention is the one exception, and it changes
nothing but the text of their messages (through ``QuerySet.update``).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet

from aduan.accounts.models import User
from aduan.complaints.choices import CLOSED_STATUSES, EventKind
from aduan.complaints.models import Attachment, Complaint, ComplaintEvent
from aduan.intake.models import Conversation, InboundFile, InboundMessage
from aduan.lib import clock
from aduan.lib.pii import MASK, mask_text, national_number
from aduan.notifications.models import OutboxMessage
from aduan.organisation.models import Jurisdiction

log = logging.getLogger(__name__)

SYSTEM_LABEL = "Sistem (masa simpan data pribadi)"


def cutoff(years: int, now: datetime | None = None) -> datetime:
    now = now or clock.now()
    return now - timedelta(days=round(365.25 * years))


def retention_due(*, years: int, now: datetime | None = None) -> QuerySet[Complaint]:
    """Closed complaints whose closing is more than ``years`` years ago, not yet done."""
    return Complaint.objects.filter(
        status__in=[*CLOSED_STATUSES],
        closed_at__lt=cutoff(years, now),
        anonymised_at__isnull=True,
    ).order_by("pk")


@dataclass
class RetentionReport:
    years: int
    applied: bool
    counts: Counter[str] = field(default_factory=Counter)


def _coarse(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _delete_files(paths: Iterable[str]) -> None:
    storage = Attachment._meta.get_field("file").storage
    for path in paths:
        try:
            storage.delete(path)
        except OSError:
            log.warning("retention: could not delete a stored file")


def anonymise(complaint: Complaint, *, years: int, now: datetime) -> Counter[str]:
    """Remove the reporter's personal data from one complaint (see the module docstring);
    call inside a transaction. Returns what was changed, by kind."""
    counts: Counter[str] = Counter()
    extra = [complaint.reporter_name, complaint.reporter_phone, complaint.reporter_email]
    # Each part of the name too ("Siti" of "Siti Aminah"), when it is long enough to be one.
    extra += [part for part in complaint.reporter_name.split() if len(part) >= 4]
    phone = national_number(complaint.reporter_phone)
    if phone:
        extra += [f"0{phone}", f"62{phone}", f"+62{phone}"]

    def masked(text: str) -> str:
        return mask_text(text, extra=extra)

    Complaint.objects.filter(pk=complaint.pk).update(
        reporter_name="",
        reporter_phone="",
        reporter_email="",
        address="",
        latitude=_coarse(complaint.latitude),
        longitude=_coarse(complaint.longitude),
        title=masked(complaint.title)[:200],
        description=masked(complaint.description),
        anonymised_at=now,
    )
    counts["complaints"] += 1
    for event_id, message in complaint.events.exclude(message="").values_list("id", "message"):
        new = masked(message)
        if new != message:
            ComplaintEvent.objects.filter(pk=event_id).update(message=new)
            counts["timeline_messages_masked"] += 1
    rating = getattr(complaint, "rating", None)
    if rating is not None and rating.comment:
        type(rating).objects.filter(pk=rating.pk).update(comment=masked(rating.comment))
        counts["rating_comments_masked"] += 1
    # The messages it came from (WhatsApp, e-mail), their files, and the conversation.
    inbound = InboundMessage.objects.filter(complaint=complaint)
    for row in inbound:
        InboundMessage.objects.filter(pk=row.pk).update(
            sender=MASK,
            sender_name="",
            subject=masked(row.subject)[:300],
            text=masked(row.text),
            latitude=_coarse(row.latitude),
            longitude=_coarse(row.longitude),
        )
        counts["inbound_messages"] += 1
    files = InboundFile.objects.filter(message__complaint=complaint)
    paths = [f.file.name for f in files]
    counts["inbound_files"] += files.delete()[0]
    conversations = Conversation.objects.filter(complaint=complaint)
    counts["conversations"] += conversations.delete()[0]
    # What we sent to the reporter (addresses and bodies name them).
    outbox = OutboxMessage.objects.filter(complaint=complaint, recipient_user__isnull=True).exclude(
        channel="webhook"
    )
    for sent in outbox.only("id", "body", "to_address"):
        OutboxMessage.objects.filter(pk=sent.pk).update(to_address=MASK, body=masked(sent.body))
        counts["outbox_messages"] += 1
    # Original photos with their EXIF/GPS; the stripped copies stay. File names may name
    # the reporter ("KTP_Siti_Aminah.jpg").
    for attachment in complaint.attachments.all():
        name = masked(attachment.original_name)[:200]
        if attachment.original:
            paths.append(attachment.original.name)
            counts["original_files"] += 1
        Attachment.objects.filter(pk=attachment.pk).update(original="", original_name=name)
    ComplaintEvent.objects.create(
        complaint=complaint,
        created_at=now,
        kind=EventKind.ANONYMISED,
        actor_label=SYSTEM_LABEL,
        is_public=False,
        message=(
            f"Data pribadi pelapor dihapus: laporan ditutup lebih dari {years} tahun lalu "
            "(UU 27/2022)."
        ),
        data={"years": years, **{k: v for k, v in counts.items() if k != "complaints"}},
    )
    transaction.on_commit(lambda: _delete_files(paths))
    return counts


def retention_run(*, years: int | None = None, apply: bool = False) -> RetentionReport:
    """Count (``apply=False``) or anonymise the complaints that are due; idempotent."""
    years = settings.ADUAN_RETENTION_YEARS if years is None else years
    if years < 1:
        raise ValueError("Masa simpan minimal 1 tahun. / Retention must be at least 1 year.")
    now = clock.now()
    report = RetentionReport(years=years, applied=apply)
    due = retention_due(years=years, now=now)
    if not apply:
        ids = list(due.values_list("pk", flat=True))
        report.counts["complaints"] = len(ids)
        report.counts["inbound_messages"] = InboundMessage.objects.filter(
            complaint_id__in=ids
        ).count()
        report.counts["original_files"] = (
            Attachment.objects.filter(complaint_id__in=ids).exclude(original="").count()
        )
        report.counts["outbox_messages"] = (
            OutboxMessage.objects.filter(complaint_id__in=ids, recipient_user__isnull=True)
            .exclude(channel="webhook")
            .count()
        )
        return report
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            complaint = (
                Complaint.objects.select_for_update()
                .filter(pk=pk, anonymised_at__isnull=True)
                .first()
            )
            if complaint is None:  # another run did it meanwhile
                continue
            report.counts.update(anonymise(complaint, years=years, now=now))
    # WhatsApp conversations nobody has written in for as long (the number is the data).
    stale = Conversation.objects.filter(updated_at__lt=cutoff(years, now), complaint__isnull=True)
    report.counts["conversations"] += stale.delete()[0]
    return report


# --------------------------------------------------------------------------- export


def complaints_of(
    *, jurisdiction: Jurisdiction, phone: str = "", email: str = ""
) -> list[Complaint]:
    """The complaints reported with this phone number (however written) or e-mail."""
    key = national_number(phone)
    query = Q()
    if key and len(key) >= 6:
        # The last eight digits, whatever separators were typed between them.
        query |= Q(reporter_phone__regex=r"\D*".join(key[-8:]) + r"\D*$")
    if email.strip():
        query |= Q(reporter_email__iexact=email.strip())
    if not query:
        return []
    found = Complaint.objects.filter(query, jurisdiction=jurisdiction).select_related(
        "category", "area", "unit"
    )
    return [
        c
        for c in found.order_by("submitted_at", "pk")
        if (key and national_number(c.reporter_phone) == key)
        or (email.strip() and c.reporter_email.lower() == email.strip().lower())
    ]


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def personal_data_export(
    *, jurisdiction: Jurisdiction, phone: str = "", email: str = "", actor: User | None = None
) -> dict[str, Any]:
    """Everything held about the person with this phone number or e-mail, as a JSON-ready
    dictionary; each complaint's timeline records the export (and who made it)."""
    complaints = complaints_of(jurisdiction=jurisdiction, phone=phone, email=email)
    key = national_number(phone)
    senders = ([f"62{key}"] if key else []) + ([email.strip()] if email.strip() else [])
    now = clock.now()
    body: dict[str, Any] = {
        "exported_at": now.isoformat(),
        "jurisdiction": jurisdiction.name,
        "query": {"phone": phone, "email": email},
        "complaints": [],
        "inbound_messages": [],
        "messages_sent": [],
    }
    for complaint in complaints:
        rating = getattr(complaint, "rating", None)
        body["complaints"].append(
            {
                "tracking_code": complaint.tracking_code,
                "submitted_at": _when(complaint.submitted_at),
                "channel": complaint.channel,
                "report_type": complaint.report_type,
                "privacy": complaint.privacy,
                "status": complaint.status,
                "closed_at": _when(complaint.closed_at),
                "category": complaint.category.name if complaint.category else None,
                "kelurahan": complaint.area.name if complaint.area else None,
                "unit": complaint.unit.name if complaint.unit else None,
                "reporter": {
                    "name": complaint.reporter_name,
                    "phone": complaint.reporter_phone,
                    "email": complaint.reporter_email,
                },
                "title": complaint.title,
                "description": complaint.description,
                "address": complaint.address,
                "latitude": complaint.latitude,
                "longitude": complaint.longitude,
                "attachments": [
                    {"name": a.original_name, "type": a.content_type, "size": a.size}
                    for a in complaint.attachments.all()
                ],
                "timeline": [
                    {
                        "at": _when(e.created_at),
                        "what": str(e.get_kind_display()),
                        "by": "Petugas" if e.actor_id else e.actor_label,
                        "message": e.message,
                    }
                    for e in complaint.events.filter(is_public=True)
                ],
                "rating": (
                    {
                        "score": rating.score,
                        "resolved": rating.resolved,
                        "comment": rating.comment,
                        "at": _when(rating.created_at),
                    }
                    if rating is not None
                    else None
                ),
            }
        )
    inbound = InboundMessage.objects.filter(jurisdiction=jurisdiction).filter(
        Q(sender__in=senders) | Q(complaint__in=complaints)
    )
    body["inbound_messages"] = [
        {
            "channel": m.channel,
            "received_at": _when(m.received_at),
            "sender": m.sender,
            "subject": m.subject,
            "text": m.text,
        }
        for m in inbound.order_by("received_at", "pk")
    ]
    addresses = [f"+62{key}", f"62{key}"] if key else []
    if email.strip():
        addresses.append(email.strip())
    sent = OutboxMessage.objects.filter(
        jurisdiction=jurisdiction, recipient_user__isnull=True
    ).filter(
        Q(to_address__in=addresses) | Q(complaint__in=complaints, channel__in=["email", "whatsapp"])
    )
    body["messages_sent"] = [
        {
            "channel": m.channel,
            "to": m.to_address,
            "at": _when(m.created_at),
            "subject": m.subject,
            "body": m.body,
        }
        for m in sent.order_by("created_at", "pk")
    ]
    with transaction.atomic():
        for complaint in complaints:
            ComplaintEvent.objects.create(
                complaint=complaint,
                created_at=now,
                kind=EventKind.DATA_EXPORTED,
                actor=actor,
                actor_label=actor.display_name if actor is not None else "Sistem",
                is_public=False,
                message="Data pribadi pelapor diekspor atas permintaannya (UU 27/2022).",
            )
    return body
