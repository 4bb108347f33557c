"""Writing to the outbox, and marking in-app notifications read.

The complaint services call ``notify_citizen``, ``notify_staff`` and ``notify_subscribers``
inside the transaction that writes the timeline event, so that a message exists exactly when
its event does; the worker (``notifications.delivery``) sends it later. Nothing here talks to
the network.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.db.utils import DEFAULT_DB_ALIAS
from django.utils import timezone

from aduan.complaints import permissions
from aduan.complaints.models import ComplaintEvent
from aduan.lib.refcache import LocalCache
from aduan.notifications import webhooks
from aduan.notifications.channels import normalise_whatsapp_number, whatsapp_configured
from aduan.notifications.choices import (
    CITIZEN_KINDS,
    STAFF_KINDS,
    MessageKind,
    OutboxChannel,
    OutboxStatus,
)
from aduan.notifications.messages import TEMPLATES, render_message
from aduan.notifications.models import OutboxMessage, WebhookSubscription

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint
    from aduan.organisation.models import Jurisdiction

logger = logging.getLogger(__name__)


class InternalContentError(ValueError):
    """A citizen's message was asked to carry staff-only content (an internal note)."""


def outbox_enqueue(
    *,
    jurisdiction: Jurisdiction,
    channel: str,
    kind: str,
    subject: str,
    body: str,
    dedupe_key: str,
    to_address: str = "",
    recipient_user: User | None = None,
    complaint: Complaint | None = None,
    subscription: WebhookSubscription | None = None,
    attachment: str = "",
) -> OutboxMessage:
    """Write one message to the outbox; the worker delivers it after the commit.

    Must run inside the caller's transaction (``transaction.atomic``), the one that writes
    the event the message is about: if that transaction rolls back, the message is gone
    too. Raises ``RuntimeError`` when called outside one.

    Idempotent on ``dedupe_key``: when a message with that key exists (or a concurrent
    transaction commits one first), that row is returned and nothing is written. The insert
    runs in a savepoint, so a duplicate never breaks the caller's transaction.

    ``attachment``: the storage name of a file already saved (e-mail only), attached when
    the message is sent.

    In-app notifications (``channel="inapp"``) are delivered by being written: they are
    stored ``sent`` and appear under the recipient's bell at the commit.
    """
    if not transaction.get_connection(DEFAULT_DB_ALIAS).in_atomic_block:
        raise RuntimeError(
            "outbox_enqueue() must run inside the transaction of the event it reports."
        )
    if channel not in OutboxChannel.values:
        raise ValueError(f"Unknown channel {channel!r}")
    if kind not in MessageKind.values:
        raise ValueError(f"Unknown message kind {kind!r}")
    if not dedupe_key or len(dedupe_key) > 255:
        raise ValueError("dedupe_key must have 1 to 255 characters")
    if channel == OutboxChannel.INAPP and recipient_user is None:
        raise ValueError("An in-app notification needs recipient_user")
    if channel != OutboxChannel.INAPP and not to_address:
        raise ValueError(f"A {channel} message needs to_address")
    if complaint is not None and complaint.jurisdiction_id != jurisdiction.pk:
        raise ValueError("The complaint belongs to another jurisdiction")
    if (channel == OutboxChannel.WEBHOOK) != (subscription is not None):
        raise ValueError("A webhook message needs its subscription, and only it has one")
    if subscription is not None and subscription.jurisdiction_id != jurisdiction.pk:
        raise ValueError("The subscription belongs to another jurisdiction")

    if attachment and channel != OutboxChannel.EMAIL:
        raise ValueError("Only e-mail messages carry an attachment")
    existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    now = timezone.now()
    inapp = channel == OutboxChannel.INAPP
    message = OutboxMessage(
        jurisdiction=jurisdiction,
        complaint=complaint,
        recipient_user=recipient_user,
        subscription=subscription,
        channel=channel,
        to_address=to_address,
        kind=kind,
        subject=subject[:200],
        body=body,
        status=OutboxStatus.SENT if inapp else OutboxStatus.PENDING,
        sent_at=now if inapp else None,
        next_attempt_at=None if inapp else now,
        dedupe_key=dedupe_key,
        created_at=now,
    )
    if attachment:
        message.attachment.name = attachment
    try:
        with transaction.atomic():
            message.save(force_insert=True)
    except IntegrityError:
        existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
        if existing is None:
            raise
        return existing
    return message


def citizen_channel(complaint: Complaint) -> tuple[str, str] | None:
    """How the reporter is reached: ``(channel, address)``, or None when they left no usable
    contact (the status page behind their link is always there).

    The channel they wrote in by comes first (a report sent by e-mail is answered by e-mail);
    otherwise WhatsApp when they gave a mobile number and a WhatsApp gateway is configured,
    else e-mail when they gave an address.
    """
    whatsapp = None
    if complaint.reporter_phone and whatsapp_configured():
        number = normalise_whatsapp_number(complaint.reporter_phone)
        if number:
            whatsapp = (OutboxChannel.WHATSAPP, number)
    email = (OutboxChannel.EMAIL, complaint.reporter_email) if complaint.reporter_email else None
    if complaint.channel == "email" and email:
        return email
    return whatsapp or email


def _text_from_event(kind: str, context: dict[str, Any], event: ComplaintEvent | None) -> None:
    template = TEMPLATES[kind]
    accepts_text = "text" in template.requires or "text" in template.optional
    if event is not None and accepts_text and "text" not in context and event.message:
        context["text"] = event.message


def _check_event(complaint: Complaint, event: ComplaintEvent | None) -> None:
    if event is not None and event.complaint_id != complaint.pk:
        raise ValueError("The event belongs to another complaint")


def _refuse_internal(complaint: Complaint, event: ComplaintEvent | None, text: str) -> None:
    if event is not None and not event.is_public:
        raise InternalContentError(
            "Catatan internal tidak boleh dikirim ke pelapor. / "
            "An internal event cannot be sent to the reporter."
        )
    if text:
        # The same words as an internal note of this complaint, and as no public event:
        # an internal note passed without its event.
        seen = set(
            ComplaintEvent.objects.filter(complaint=complaint, message=text).values_list(
                "is_public", flat=True
            )
        )
        if seen == {False}:
            raise InternalContentError(
                "Teks ini adalah catatan internal dan tidak boleh dikirim ke pelapor. / "
                "This text is an internal note."
            )


def _dedupe_key(*parts: object) -> str:
    key = ":".join("" if part is None else str(part) for part in parts)
    if len(key) > 255:
        raise ValueError("occasion too long for a dedupe key")
    return key


def notify_citizen(
    *,
    complaint: Complaint,
    kind: str,
    context: dict[str, Any] | None = None,
    event: ComplaintEvent | None = None,
    occasion: str = "",
) -> OutboxMessage | None:
    """Queue a message of ``kind`` to the complaint's reporter, in their channel
    (``citizen_channel``); returns the outbox row, or None when the reporter left no contact.

    Call inside the transaction that writes ``event`` (see ``outbox_enqueue``). ``event``
    must be a public timeline event of this complaint (``InternalContentError`` otherwise);
    when the template shows a ``text`` and ``context`` gives none, the event's message is
    used. Pass in ``context`` only text the citizen may read.

    One message per (complaint, kind, event, occasion): calling again returns the first.
    ``occasion`` tells apart repeated messages of one kind without an event (e.g. a
    reminder for a given due date).
    """
    if kind not in CITIZEN_KINDS:
        raise ValueError(f"{kind!r} is not a message to citizens")
    _check_event(complaint, event)
    context = dict(context or {})
    _text_from_event(kind, context, event)
    _refuse_internal(complaint, event, str(context.get("text") or "").strip())
    target = citizen_channel(complaint)
    channel, address = target or (OutboxChannel.EMAIL, "")
    # Rendered even without a contact, so that a wrong context fails in every case.
    rendered = render_message(kind, complaint=complaint, context=context, channel=channel)
    if target is None:
        return None
    return outbox_enqueue(
        jurisdiction=complaint.jurisdiction,
        complaint=complaint,
        channel=channel,
        to_address=address,
        kind=kind,
        subject=rendered.subject,
        body=rendered.body,
        dedupe_key=_dedupe_key("citizen", complaint.pk, kind, event.pk if event else "", occasion),
    )


def notify_staff(
    *,
    users: Iterable[User],
    kind: str,
    complaint: Complaint,
    context: dict[str, Any] | None = None,
    event: ComplaintEvent | None = None,
    occasion: str = "",
) -> list[OutboxMessage]:
    """Queue a notification of ``kind`` to each of ``users``: in-app always, and by e-mail
    to those with an address. Returns the outbox rows.

    Call inside the transaction that writes ``event`` (see ``outbox_enqueue``). Users who
    may not see the complaint (inactive, another jurisdiction, another unit) are skipped
    and logged. Idempotent per (user, channel, complaint, kind, event, occasion).
    """
    if kind not in STAFF_KINDS:
        raise ValueError(f"{kind!r} is not a message to staff")
    _check_event(complaint, event)
    context = dict(context or {})
    _text_from_event(kind, context, event)
    messages: list[OutboxMessage] = []
    seen: set[int] = set()
    for user in users:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        if not permissions.can_view(user, complaint):
            logger.warning(
                "notify_staff: user %s may not see complaint %s; %s not sent",
                user.pk,
                complaint.pk,
                kind,
            )
            continue
        rendered = render_message(
            kind, complaint=complaint, context=context, channel=OutboxChannel.INAPP, recipient=user
        )
        channels: list[tuple[str, str]] = [(OutboxChannel.INAPP, "")]
        if user.email:
            channels.append((OutboxChannel.EMAIL, user.email))
        for channel, address in channels:
            messages.append(
                outbox_enqueue(
                    jurisdiction=complaint.jurisdiction,
                    complaint=complaint,
                    recipient_user=user,
                    channel=channel,
                    to_address=address,
                    kind=kind,
                    subject=rendered.subject,
                    body=rendered.body,
                    dedupe_key=_dedupe_key(
                        "staff",
                        channel,
                        user.pk,
                        complaint.pk,
                        kind,
                        event.pk if event else "",
                        occasion,
                    ),
                )
            )
    return messages


#: Active subscriptions per jurisdiction; one switched off in another process may still be
#: queued for these seconds, and the sender checks ``is_active`` again before delivering.
_subscriptions: LocalCache[list[WebhookSubscription]] = LocalCache(
    "webhook subscriptions", seconds=10.0, invalidated_by=("notifications.WebhookSubscription",)
)


def _subscriptions_of(jurisdiction_id: int) -> list[WebhookSubscription]:
    return _subscriptions.get(
        jurisdiction_id,
        lambda: list(
            WebhookSubscription.objects.filter(
                jurisdiction_id=jurisdiction_id, is_active=True
            ).order_by("pk")
        ),
    )


def notify_subscribers(*, event: ComplaintEvent) -> list[OutboxMessage]:
    """Queue ``event`` for every active webhook subscription of its jurisdiction that wants
    its kind, when the event sets the complaint's status (``webhooks.is_status_event``);
    returns the outbox rows. The body is ``webhooks.payload_json``: never the reporter's
    identity, never staff-only text.

    Call inside the transaction that writes ``event`` (see ``outbox_enqueue``); one
    message per (subscription, event): calling again returns the same rows.
    """
    if not webhooks.is_status_event(event):
        return []
    complaint = event.complaint
    subscriptions = [s for s in _subscriptions_of(complaint.jurisdiction_id) if s.wants(event.kind)]
    if not subscriptions:
        return []
    body = webhooks.payload_json(event)
    subject = (
        f"{webhooks.EVENT_TYPE} {complaint.tracking_code}: "
        f"{event.from_status or '-'} → {event.to_status}"
    )
    return [
        outbox_enqueue(
            jurisdiction=complaint.jurisdiction,
            complaint=complaint,
            subscription=subscription,
            channel=OutboxChannel.WEBHOOK,
            to_address=subscription.url,
            kind=MessageKind.STATUS_CHANGED,
            subject=subject,
            body=body,
            dedupe_key=_dedupe_key("webhook", subscription.pk, event.pk),
        )
        for subscription in subscriptions
    ]


# --------------------------------------------------------------------------- in-app


def notification_mark_read(*, user: User, ids: Sequence[int] | None = None) -> int:
    """Mark the user's unread in-app notifications read: those in ``ids``, or all of them.
    Returns how many changed; another user's notifications are never touched."""
    qs: QuerySet[OutboxMessage] = OutboxMessage.objects.filter(
        recipient_user=user, channel=OutboxChannel.INAPP, read_at__isnull=True
    )
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


# --------------------------------------------------------------------------- operators


def outbox_requeue(*, messages: QuerySet[OutboxMessage]) -> int:
    """Give dead messages a fresh set of attempts, starting now (an administrator's action
    after fixing the mail server or the gateway). Returns how many were requeued."""
    return messages.filter(status=OutboxStatus.DEAD).update(
        status=OutboxStatus.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        lease_until=None,
        claimed_by="",
    )
