"""What arrived by WhatsApp or e-mail, and where each WhatsApp conversation stands.

Only ``intake.services`` writes these rows; complaints themselves are written by
``complaints.services`` as for every other channel.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aduan.complaints.choices import Channel
from aduan.intake.choices import ConversationState, InboundOutcome, MessageType


class Conversation(models.Model):
    """One citizen's WhatsApp chat with one jurisdiction's number.

    While the citizen puts a report together (``state`` not idle) the ``draft_*`` fields
    and the conversation's ``draft`` messages (with their files) hold it; once submitted,
    ``complaint`` is the open complaint that later messages belong to. The row is locked
    (``SELECT … FOR UPDATE``) while a message of this number is handled, so that messages
    arriving at once are handled one after the other.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    number = models.CharField(_("nomor WhatsApp"), max_length=20)
    profile_name = models.CharField(_("nama profil"), max_length=200, blank=True)
    state = models.CharField(
        _("tahap"),
        max_length=30,
        choices=ConversationState.choices,
        default=ConversationState.IDLE,
        blank=True,
    )
    draft_text = models.TextField(_("uraian sementara"), blank=True)
    draft_address = models.CharField(_("lokasi sementara"), max_length=300, blank=True)
    draft_area = models.ForeignKey(
        "organisation.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kelurahan sementara"),
    )
    draft_latitude = models.FloatField(null=True, blank=True)
    draft_longitude = models.FloatField(null=True, blank=True)
    asked_at = models.DateTimeField(_("kelurahan ditanyakan"), null=True, blank=True)
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("laporan terbuka"),
    )
    notice_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("dimulai"), default=timezone.now)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("percakapan WhatsApp")
        verbose_name_plural = _("percakapan WhatsApp")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "number"], name="intake_conversation_unique"
            ),
        ]
        indexes = [
            # The sweep: drafts still waiting for their kelurahan.
            models.Index(
                fields=["asked_at"],
                name="intake_conv_waiting",
                condition=models.Q(state=ConversationState.AWAITING_AREA),
            ),
        ]

    def __str__(self) -> str:
        return f"+{self.number}"

    @property
    def has_location(self) -> bool:
        return self.draft_latitude is not None and self.draft_longitude is not None


class InboundMessage(models.Model):
    """One message that reached an intake channel: a WhatsApp message or an e-mail.

    Written before anything is done about it, in the same transaction, and unique per
    (jurisdiction, channel, ``external_id``: the WhatsApp message id or the e-mail's
    Message-ID): a redelivered or replayed message finds its row and changes nothing.
    ``outcome`` says what became of it.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField(_("kanal"), max_length=20, choices=Channel.choices)
    external_id = models.CharField(_("id pesan"), max_length=255)
    sender = models.CharField(_("pengirim"), max_length=254)
    sender_name = models.CharField(_("nama pengirim"), max_length=200, blank=True)
    message_type = models.CharField(_("jenis"), max_length=20, choices=MessageType.choices)
    subject = models.CharField(_("subjek"), max_length=300, blank=True)
    text = models.TextField(_("isi"), blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    sent_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    received_at = models.DateTimeField(_("diterima"), default=timezone.now)
    outcome = models.CharField(_("hasil"), max_length=20, choices=InboundOutcome.choices)
    detail = models.TextField(_("keterangan"), blank=True)
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("laporan"),
    )

    class Meta:
        verbose_name = _("pesan masuk")
        verbose_name_plural = _("pesan masuk")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "channel", "external_id"], name="intake_inbound_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["conversation", "outcome"], name="intake_inbound_conv"),
            models.Index(fields=["complaint", "outcome"], name="intake_inbound_complaint"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.external_id[:40]} ({self.outcome})"


def inbound_file_path(instance: InboundFile, filename: str) -> str:
    now = timezone.now()
    return f"intake/{now:%Y/%m}/{instance.sha256[:2]}/{instance.sha256}.{instance.extension}"


class InboundFile(models.Model):
    """A photo or PDF that came with an inbound message and has not joined a complaint yet
    (its message is a ``draft`` or ``kept``); checked by content when it arrived. Deleted,
    with its file, once the complaint holds its own copy."""

    message = models.ForeignKey(InboundMessage, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=inbound_file_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("lampiran masuk")
        verbose_name_plural = _("lampiran masuk")
        ordering = ["message", "id"]

    def __str__(self) -> str:
        return self.original_name
