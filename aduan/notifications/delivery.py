"""Delivering the outbox: claim due messages, send each once, record every attempt.

How a message is claimed
    A message is *due* when it is ``pending`` with ``next_attempt_at`` reached, or
    ``sending`` with its lease expired (its worker died or hung); while ``sending``,
    ``next_attempt_at`` equals ``lease_until``, so one condition (and one partial index)
    finds both. On PostgreSQL (any database with ``SKIP LOCKED``) a worker selects due rows
    ``FOR UPDATE SKIP LOCKED`` and marks them ``sending`` with its id and a lease in the
    same transaction, so concurrent workers take disjoint rows without waiting for each
    other. Elsewhere (SQLite) it claims row by row with a conditional ``UPDATE … WHERE
    id = … AND status IN (pending, sending) AND next_attempt_at <= now`` and keeps the rows
    whose update changed one row. Either way, at most one worker holds a live lease on a
    message.

How a message is sent
    Before sending, the worker renews the lease and counts the attempt with an update
    conditional on still holding the lease (``claimed_by`` and the exact ``lease_until`` it
    set), and writes a ``DeliveryAttempt``. It then sends, and records the result with an
    update conditional on the lease again: ``sent``; or back to ``pending`` with exponential
    backoff; or ``dead`` after ``ADUAN_OUTBOX_MAX_ATTEMPTS`` attempts, or at once when the
    channel says retrying cannot help. A worker that lost its lease (it was stalled longer
    than ``ADUAN_OUTBOX_LEASE_SECONDS``) changes nothing and logs it. The lease must be
    longer than one send can take; the channels' timeouts see to that.

Where a message can still be sent twice
    The one window left is after the remote side accepted the message (SMTP replied 250 to
    DATA, the gateway answered 2xx) and before our ``UPDATE … SET status='sent'``
    committed: if the worker dies there, or the database is unreachable at that moment, the
    lease expires and another worker sends the message again. No protocol closes this gap
    without the receiver's help (the send and our commit cannot be one transaction), so
    delivery is at-least-once with a window of milliseconds. The mitigation: every attempt
    of a message carries the same identity. An e-mail's ``Message-ID`` is derived from the
    row (``channels.message_id``), so a repeated copy is recognisably the same message and
    mail systems and clients that collapse duplicates by Message-ID drop it; WhatsApp
    requests carry ``Idempotency-Key: outbox-<id>`` for gateways that honour it. A killed
    worker *before* the remote side accepted (connection open, server slow) causes no
    duplicate: the message was never accepted, and the next worker sends it once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from aduan.notifications import channels
from aduan.notifications.choices import UNDELIVERED_STATUSES, OutboxChannel, OutboxStatus
from aduan.notifications.models import DeliveryAttempt, OutboxMessage

logger = logging.getLogger(__name__)

Sender = Callable[[OutboxMessage], str]

#: channel -> function that sends one message and returns the provider's id.
SENDERS: dict[str, Sender] = {
    OutboxChannel.EMAIL: channels.send_email,
    OutboxChannel.WHATSAPP: channels.send_whatsapp,
    OutboxChannel.INAPP: lambda message: "",
    OutboxChannel.WEBHOOK: channels.send_webhook,
}


def retry_delay(attempts: int) -> timedelta:
    """Wait after the ``attempts``-th failed attempt: base · 2^(attempts-1), capped."""
    base = settings.ADUAN_OUTBOX_RETRY_SECONDS
    seconds = min(base * 2 ** max(attempts - 1, 0), settings.ADUAN_OUTBOX_RETRY_MAX_SECONDS)
    return timedelta(seconds=seconds)


def _due(now: datetime) -> Q:
    return Q(status__in=UNDELIVERED_STATUSES, next_attempt_at__lte=now)


def _claim(*, worker_id: str, now: datetime, limit: int, lease_until: datetime) -> list[int]:
    """Take up to ``limit`` due messages for this worker; returns their ids."""
    claim = {
        "status": OutboxStatus.SENDING,
        "claimed_by": worker_id,
        "lease_until": lease_until,
        "next_attempt_at": lease_until,
    }
    due = OutboxMessage.objects.filter(_due(now)).order_by("next_attempt_at", "id")
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
            if ids:
                OutboxMessage.objects.filter(pk__in=ids).update(**claim)
        return ids
    # Conditional UPDATE per row: of several workers racing for a row, one changes it.
    claimed: list[int] = []
    tried: set[int] = set()
    while len(claimed) < limit:
        candidates = list(
            due.exclude(pk__in=tried).values_list("pk", flat=True)[: limit - len(claimed)]
        )
        if not candidates:
            break
        for pk in candidates:
            tried.add(pk)
            if OutboxMessage.objects.filter(_due(now), pk=pk).update(**claim) == 1:
                claimed.append(pk)
    return claimed


def _finish(
    message: OutboxMessage,
    attempt: DeliveryAttempt,
    *,
    worker_id: str,
    lease_until: datetime,
    now: datetime,
    changes: dict[str, object],
    ok: bool,
    error: str,
) -> bool:
    """Record the attempt's outcome; the message changes only if this worker still holds
    its lease. Returns whether it did."""
    with transaction.atomic():
        held = (
            OutboxMessage.objects.filter(
                pk=message.pk,
                status=OutboxStatus.SENDING,
                claimed_by=worker_id,
                lease_until=lease_until,
            ).update(**changes)
            == 1
        )
        if not held:
            error = (error + "\n" if error else "") + "lease lost before the result was saved"
            logger.warning(
                "outbox %s: %s lost its lease; the result (%s) was not saved",
                message.pk,
                worker_id,
                "sent" if ok else "failed",
            )
        DeliveryAttempt.objects.filter(pk=attempt.pk).update(finished_at=now, ok=ok, error=error)
    return held


def deliver_batch(*, worker_id: str, limit: int | None = None, now: datetime | None = None) -> int:
    """Claim up to ``limit`` due messages (``ADUAN_OUTBOX_BATCH_SIZE``) and try to deliver
    each once. Returns how many were tried. Safe to run in any number of processes at once.

    ``now`` shifts this batch's clock (tests); times recorded during the batch advance from
    it as real time passes.
    """
    real_start = timezone.now()
    base = now or real_start

    def clock() -> datetime:
        return base + (timezone.now() - real_start)

    limit = limit or settings.ADUAN_OUTBOX_BATCH_SIZE
    lease = timedelta(seconds=settings.ADUAN_OUTBOX_LEASE_SECONDS)
    max_attempts = settings.ADUAN_OUTBOX_MAX_ATTEMPTS
    claim_lease = clock() + lease
    ids = _claim(worker_id=worker_id, now=base, limit=limit, lease_until=claim_lease)
    if not ids:
        return 0
    batch = OutboxMessage.objects.select_related("jurisdiction", "subscription").in_bulk(ids)
    counts = {"sent": 0, "retry": 0, "dead": 0, "lost": 0}
    for pk in ids:
        message = batch.get(pk)
        if message is None:  # deleted meanwhile (with its complaint)
            continue
        lease_until = message.lease_until or claim_lease
        held_by_us = OutboxMessage.objects.filter(
            pk=pk, status=OutboxStatus.SENDING, claimed_by=worker_id, lease_until=lease_until
        )
        if message.attempts >= max_attempts:
            # The last attempt's worker stopped midway; the outcome is unknown, give up.
            changed = held_by_us.update(
                status=OutboxStatus.DEAD,
                next_attempt_at=None,
                lease_until=None,
                last_error="Percobaan terakhir terputus (worker berhenti). / "
                "The last attempt was interrupted.",
            )
            counts["dead" if changed else "lost"] += 1
            continue
        started = clock()
        renewed = started + lease
        with transaction.atomic():
            renewal = held_by_us.update(
                lease_until=renewed, next_attempt_at=renewed, attempts=F("attempts") + 1
            )
            if renewal != 1:
                counts["lost"] += 1
                continue
            attempt = DeliveryAttempt.objects.create(
                message_id=pk, worker=worker_id, started_at=started
            )
        message.attempts += 1
        try:
            remote_id = SENDERS[message.channel](message)
        except Exception as exc:
            permanent = isinstance(exc, channels.PermanentDeliveryError)
            if not isinstance(exc, channels.DeliveryError):
                logger.exception(
                    "outbox %s: unexpected error from the %s sender", pk, message.channel
                )
            error = f"{exc}"[:2000] or type(exc).__name__
            finished = clock()
            changes: dict[str, object]
            if permanent or message.attempts >= max_attempts:
                changes = {
                    "status": OutboxStatus.DEAD,
                    "next_attempt_at": None,
                    "lease_until": None,
                    "last_error": error,
                }
                outcome = "dead"
            else:
                retry_at = finished + retry_delay(message.attempts)
                changes = {
                    "status": OutboxStatus.PENDING,
                    "next_attempt_at": retry_at,
                    "lease_until": None,
                    "last_error": error,
                }
                outcome = "retry"
            held = _finish(
                message,
                attempt,
                worker_id=worker_id,
                lease_until=renewed,
                now=finished,
                changes=changes,
                ok=False,
                error=error,
            )
            logger.info(
                "outbox %s (%s %s) attempt %s failed: %s",
                pk,
                message.channel,
                message.kind,
                message.attempts,
                error,
            )
        else:
            finished = clock()
            held = _finish(
                message,
                attempt,
                worker_id=worker_id,
                lease_until=renewed,
                now=finished,
                changes={
                    "status": OutboxStatus.SENT,
                    "sent_at": finished,
                    "next_attempt_at": None,
                    "lease_until": None,
                    "remote_id": remote_id[:200],
                    "last_error": "",
                },
                ok=True,
                error="",
            )
            outcome = "sent"
        counts[outcome if held else "lost"] += 1
    logger.debug(
        "outbox: %s tried %s: %s",
        worker_id,
        len(ids),
        ", ".join(f"{k} {v}" for k, v in counts.items() if v),
    )
    return len(ids)
