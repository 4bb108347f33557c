"""Outbound webhooks: what a subscriber receives when a complaint changes status, and how
it is signed.

Every timeline event that sets a status (``ComplaintEvent.to_status``: submitted, verified,
held, processing, info requested, follow-up, resolved, …) becomes one outbox message per
active ``WebhookSubscription`` of the complaint's jurisdiction that wants the event's kind
(``services.notify_subscribers``). The worker POSTs the message's body, unchanged on every
attempt, with these headers:

``Content-Type: application/json``
``X-Aduan-Event: complaint.status_changed``
``X-Aduan-Delivery: <outbox id>``: the same on every attempt; receivers drop repeats by it
``X-Aduan-Timestamp: <Unix seconds>``: the moment of this attempt
``X-Aduan-Signature: sha256=<hex>``: HMAC-SHA256, keyed with the subscription's secret, of
    ``<timestamp>.<body>`` (the timestamp header, a full stop, the raw body bytes)

A receiver recomputes the signature over the raw body, compares it in constant time and
refuses timestamps more than a few minutes from its clock, so that a captured request
cannot be replayed later (``verify_signature`` is the reference). Any 2xx answer is
success; 400, 410, 413 and 422 make the message dead at once; anything else (3xx, other 4xx,
5xx, timeouts) is retried with the outbox's backoff.

The body (JSON, UTF-8)::

    {"id": "evt-812", "type": "complaint.status_changed", "jurisdiction": "pekalongan",
     "tracking_code": "ADU-2026-000123", "event": "verified", "status": "didisposisikan",
     "status_label": "Terverifikasi, didisposisikan", "previous_status": "baru",
     "category": "adminduk", "unit": "disdukcapil",
     "occurred_at": "2026-03-17T10:00:00+07:00", "message": "…", "confidential": false}

It never carries the reporter's identity (name, number, address) nor staff-only text:
``message`` is the event's text only when the event is shown to the citizen. For *rahasia*
complaints (never published) only the status change is sent: ``message``, ``category`` and
``unit`` are null and ``confidential`` is true.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.utils import translation

from aduan.complaints.choices import ComplaintStatus, EventKind, Privacy
from aduan.complaints.models import ComplaintEvent

EVENT_TYPE = "complaint.status_changed"
SIGNATURE_HEADER = "X-Aduan-Signature"
TIMESTAMP_HEADER = "X-Aduan-Timestamp"
#: How far a receiver should accept a timestamp from its own clock (seconds).
DEFAULT_TOLERANCE = 300

#: The event kinds that change (or set) a complaint's status: the choices a subscription
#: may narrow itself to.
STATUS_EVENT_KINDS = (
    EventKind.SUBMITTED,
    EventKind.VERIFIED,
    EventKind.HELD,
    EventKind.REFERRED,
    EventKind.ARCHIVED,
    EventKind.MERGED,
    EventKind.PROCESSING,
    EventKind.INFO_REQUESTED,
    EventKind.INFO_PROVIDED,
    EventKind.FORWARDED,
    EventKind.FOLLOW_UP,
    EventKind.RESOLVED,
    EventKind.CITIZEN_SATISFIED,
    EventKind.REOPENED,
)


def is_status_event(event: ComplaintEvent) -> bool:
    """Whether ``event`` sets the complaint's status (the events subscribers receive)."""
    return bool(event.to_status)


def payload(event: ComplaintEvent) -> dict[str, Any]:
    """The JSON object a subscriber receives for ``event`` (see the module docstring)."""
    complaint = event.complaint
    confidential = complaint.privacy == Privacy.RAHASIA
    category = complaint.category if complaint.category_id else None
    unit = event.to_unit or (complaint.unit if complaint.unit_id else None)
    with translation.override("id"):
        label = str(ComplaintStatus(event.to_status).label)
    message = event.message.strip() if event.is_public and not confidential else ""
    return {
        "id": f"evt-{event.pk}",
        "type": EVENT_TYPE,
        "jurisdiction": complaint.jurisdiction.slug,
        "tracking_code": complaint.tracking_code,
        "event": event.kind,
        "status": event.to_status,
        "status_label": label,
        "previous_status": event.from_status or None,
        "category": category.code if category and not confidential else None,
        "unit": unit.code if unit and not confidential else None,
        "occurred_at": event.created_at.isoformat(),
        "message": message or None,
        "confidential": confidential,
    }


def payload_json(event: ComplaintEvent) -> str:
    return json.dumps(payload(event), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>``: the signature of ``body`` sent at ``timestamp``."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def verify_signature(
    *,
    secret: str,
    body: bytes,
    timestamp: str,
    signature: str,
    now: float,
    tolerance: int = DEFAULT_TOLERANCE,
) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    try:
        sent = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(now - sent) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature or "")
