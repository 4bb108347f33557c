"""The outbox: every message Aduan sends, written in the transaction of the event that
caused it, and the log of each attempt to deliver it; and the outside systems that subscribe
to status changes (outbound webhooks)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aduan.notifications.choices import (
    UNDELIVERED_STATUSES,
    MessageKind,
    OutboxChannel,
    OutboxStatus,
)


def new_webhook_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookSubscription(models.Model):
    """One outside system that receives a signed JSON message whenever a complaint of one
    jurisdiction changes status (all status changes, or only the event kinds it chose).

    Each message is an outbox row (channel ``webhook``), one per event and subscription, so
    it is delivered with the outbox's retries; ``notifications.webhooks`` says what it
    contains and how it is signed.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("nama"), max_length=120)
    url = models.URLField(
        _("alamat (URL)"),
        max_length=254,
        help_text=_("Alamat yang menerima POST berisi JSON, sebaiknya https://."),
    )
    secret = models.CharField(
        _("kunci rahasia"),
        max_length=100,
        default=new_webhook_secret,
        help_text=_(
            "Kunci HMAC-SHA256 untuk tanda tangan X-Aduan-Signature; berikan kepada pengelola "
            "sistem penerima."
        ),
    )
    event_kinds = models.JSONField(
        _("jenis peristiwa"),
        default=list,
        blank=True,
        help_text=_("Kosong: semua perubahan status."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        verbose_name = _("langganan webhook")
        verbose_name_plural = _("langganan webhook")
        ordering = ["jurisdiction", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    def wants(self, event_kind: str) -> bool:
        """Whether a status change written by an event of ``event_kind`` is sent here."""
        return not self.event_kinds or event_kind in self.event_kinds


class OutboxMessage(models.Model):
    """One message to one recipient on one channel (an e-mail, a WhatsApp message, an
    in-app notification or a webhook call to a subscriber).

    Rows are written only by ``notifications.services.outbox_enqueue`` inside the caller's
    transaction, so a message exists if and only if the event that caused it was committed.
    ``dedupe_key`` names the logical message (e.g. "the receipt of complaint 12 to its
    reporter"): the same message can never be enqueued twice.

    Delivery (``notifications.delivery``) moves ``pending`` → ``sending`` (leased to one
    worker: ``claimed_by`` until ``lease_until``) → ``sent``, or back to ``pending`` with a
    later ``next_attempt_at`` after a failure, or ``dead`` after the last attempt. While a
    row is ``sending``, ``next_attempt_at`` equals ``lease_until``, so a single partial index
    finds both the rows that are due and the ones whose worker died.

    In-app notifications are delivered by being written: they are created ``sent`` and the
    bell counts those with ``read_at`` empty.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outbox_messages",
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    subscription = models.ForeignKey(
        WebhookSubscription,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
        verbose_name=_("langganan webhook"),
    )
    channel = models.CharField(_("kanal"), max_length=20, choices=OutboxChannel.choices)
    to_address = models.CharField(
        _("tujuan"),
        max_length=254,
        blank=True,
        help_text=_(
            "Alamat e-mail, nomor WhatsApp atau URL webhook; kosong untuk notifikasi aplikasi."
        ),
    )
    kind = models.CharField(_("jenis"), max_length=30, choices=MessageKind.choices)
    subject = models.CharField(_("subjek"), max_length=200)
    body = models.TextField(_("isi"))
    attachment = models.FileField(
        _("lampiran (e-mail)"), upload_to="outbox/%Y/%m/", max_length=200, blank=True
    )

    status = models.CharField(
        _("status"), max_length=20, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    remote_id = models.CharField(
        _("id di penyedia"),
        max_length=200,
        blank=True,
        help_text=_("Message-ID e-mail atau id pesan dari gateway WhatsApp."),
    )
    dedupe_key = models.CharField(max_length=255, unique=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        verbose_name = _("pesan keluar")
        verbose_name_plural = _("pesan keluar")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The worker's claim: due rows, pending or with an expired lease.
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_due",
                condition=models.Q(status__in=UNDELIVERED_STATUSES),
            ),
            # The bell: unread in-app notifications of one user.
            models.Index(
                fields=["recipient_user"],
                name="outbox_unread",
                condition=models.Q(channel=OutboxChannel.INAPP, read_at__isnull=True),
            ),
            # The notification page: one user's in-app notifications, newest first.
            models.Index(
                fields=["recipient_user", "-created_at"],
                name="outbox_inapp",
                condition=models.Q(channel=OutboxChannel.INAPP),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to_address or self.recipient_user_id} ({self.status})"

    @property
    def is_unread(self) -> bool:
        return self.channel == OutboxChannel.INAPP and self.read_at is None


class DeliveryAttempt(models.Model):
    """One try of one worker to deliver one outbox message.

    Written when the try starts, completed when it ends: a row without ``finished_at`` is a
    try whose worker stopped (killed, crashed) in the middle of it.
    """

    message = models.ForeignKey(
        OutboxMessage, on_delete=models.CASCADE, related_name="delivery_attempts"
    )
    worker = models.CharField(max_length=100)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    ok = models.BooleanField(null=True, help_text=_("Kosong: percobaan tidak pernah selesai."))
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("percobaan pengiriman")
        verbose_name_plural = _("percobaan pengiriman")
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"{self.message_id} by {self.worker} at {self.started_at:%Y-%m-%d %H:%M:%S}"
