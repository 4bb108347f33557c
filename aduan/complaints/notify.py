"""Who hears about a timeline event, in one table. ``services._event`` calls
``notify_for_event`` for every event it writes (same transaction, so the outbox row exists
exactly when the event does); the SLA sweeps call it for reminders and escalations.

Citizens are told only through public events, and the outbox refuses anything else. Staff
messages carry the tracking code and the unit, never the reporter's identity.
"""

from __future__ import annotations

from typing import Any

from aduan.accounts.choices import Role
from aduan.accounts.models import User
from aduan.complaints.choices import EventKind, Stage
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.notifications.choices import MessageKind
from aduan.notifications.messages import TEMPLATES
from aduan.organisation.choices import MembershipRole

CITIZEN = "citizen"
UNIT = "unit"  # officers of the unit that now holds it
RESPONSIBLE = "responsible"  # whoever must act in the current stage
ESCALATION = "escalation"  # the unit's heads and Dinkominfo

#: event kind -> the (audience, message kind) pairs it sends
NOTIFY: dict[str, tuple[tuple[str, str], ...]] = {
    EventKind.SUBMITTED: ((CITIZEN, MessageKind.RECEIPT),),
    EventKind.SPAM_RELEASED: ((CITIZEN, MessageKind.RECEIPT),),
    EventKind.VERIFIED: ((UNIT, MessageKind.NEW_IN_UNIT),),
    EventKind.FORWARDED: ((UNIT, MessageKind.NEW_IN_UNIT),),
    EventKind.INFO_REQUESTED: ((CITIZEN, MessageKind.INFO_REQUESTED),),
    EventKind.INFO_PROVIDED: ((RESPONSIBLE, MessageKind.INFO_PROVIDED),),
    EventKind.CITIZEN_MESSAGE: ((RESPONSIBLE, MessageKind.INFO_PROVIDED),),
    EventKind.FOLLOW_UP: ((CITIZEN, MessageKind.FOLLOW_UP),),
    EventKind.RESOLVED: (
        (CITIZEN, MessageKind.CLOSED),
        (CITIZEN, MessageKind.SURVEY_INVITATION),
    ),
    EventKind.CITIZEN_SATISFIED: ((CITIZEN, MessageKind.SURVEY_INVITATION),),
    EventKind.ARCHIVED: ((CITIZEN, MessageKind.ARCHIVED),),
    EventKind.REFERRED: ((CITIZEN, MessageKind.REFERRED),),
    EventKind.MERGED: ((CITIZEN, MessageKind.MERGED),),
    EventKind.REOPENED: ((UNIT, MessageKind.REOPENED),),
    EventKind.TAPD_DECIDED: ((CITIZEN, MessageKind.TAPD_DECISION),),
    EventKind.REMINDER: ((RESPONSIBLE, MessageKind.REMINDER),),
    EventKind.ESCALATED: ((ESCALATION, MessageKind.ESCALATION),),
}


def unit_staff(complaint: Complaint, *, heads_only: bool = False) -> list[User]:
    if complaint.unit_id is None:
        return []
    qs = User.objects.filter(is_active=True, memberships__unit_id=complaint.unit_id)
    if heads_only:
        qs = qs.filter(memberships__role=MembershipRole.HEAD)
    return list(qs.distinct().order_by("pk"))


def verifiers(complaint: Complaint) -> list[User]:
    """Dinkominfo's verifiers of the complaint's jurisdiction."""
    return list(
        User.objects.filter(
            is_active=True, jurisdiction_id=complaint.jurisdiction_id, role=Role.VERIFIER
        ).order_by("pk")
    )


def recipients(audience: str, complaint: Complaint) -> list[User]:
    if audience == UNIT:
        return unit_staff(complaint)
    if audience == RESPONSIBLE:
        if complaint.stage == Stage.VERIFIKASI or complaint.unit_id is None:
            return verifiers(complaint)
        return unit_staff(complaint)
    if audience == ESCALATION:
        heads = unit_staff(complaint, heads_only=True)
        return heads + [u for u in verifiers(complaint) if u not in heads]
    return []


def _context(event: ComplaintEvent) -> dict[str, Any]:
    complaint = event.complaint
    context: dict[str, Any] = {}
    if complaint.due_at is not None:
        context["due_date"] = complaint.due_at
        if complaint.stage == Stage.MENUNGGU_WARGA:
            context["reply_by"] = complaint.due_at
    if event.data.get("into"):
        context["into"] = event.data["into"]
    if complaint.referred_to_id and complaint.referred_to:
        context["referred_to"] = complaint.referred_to.name
    if complaint.archive_reason:
        context["reason"] = str(complaint.get_archive_reason_display()).lower()
    return context


def notify_for_event(event: ComplaintEvent, context: dict[str, Any] | None = None) -> None:
    """Queue the messages ``event`` calls for (nothing when the table names none), and the
    outbound webhooks of the subscribers to status changes."""
    from aduan.notifications.services import notify_citizen, notify_staff, notify_subscribers

    complaint = event.complaint
    if complaint.held_as_spam:  # silent until a verifier releases it (complaints.spam)
        return
    notify_subscribers(event=event)
    for audience, kind in NOTIFY.get(event.kind, ()):
        template = TEMPLATES[kind]
        accepted = set(template.requires) | set(template.optional)
        values = {k: v for k, v in {**_context(event), **(context or {})}.items() if k in accepted}
        if audience == CITIZEN:
            if event.is_public:
                notify_citizen(complaint=complaint, kind=kind, context=values, event=event)
            continue
        users = recipients(audience, complaint)
        if users:
            notify_staff(users=users, kind=kind, complaint=complaint, context=values, event=event)
