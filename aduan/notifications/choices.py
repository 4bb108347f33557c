"""Choices of the notifications app: channels, delivery states and message kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")
    INAPP = "inapp", _("Notifikasi aplikasi")
    WEBHOOK = "webhook", _("Webhook (sistem pelanggan)")


class OutboxStatus(models.TextChoices):
    """``pending`` waits for ``next_attempt_at``; ``sending`` is leased to one worker until
    ``lease_until``; ``sent`` and ``dead`` are final."""

    PENDING = "pending", _("Menunggu")
    SENDING = "sending", _("Sedang dikirim")
    SENT = "sent", _("Terkirim")
    DEAD = "dead", _("Gagal permanen")


#: Statuses a worker may still pick up (the partial indexes cover exactly these).
UNDELIVERED_STATUSES = (OutboxStatus.PENDING, OutboxStatus.SENDING)


class MessageKind(models.TextChoices):
    # To the citizen who reported.
    RECEIPT = "receipt", _("Tanda terima laporan")
    INFO_REQUESTED = "info_requested", _("Permintaan informasi")
    FOLLOW_UP = "follow_up", _("Tindak lanjut")
    CLOSED = "closed", _("Laporan selesai")
    ARCHIVED = "archived", _("Laporan diarsipkan")
    REFERRED = "referred", _("Laporan dirujuk")
    MERGED = "merged", _("Laporan digabung")
    SURVEY_INVITATION = "survey_invitation", _("Undangan survei kepuasan")
    TAPD_DECISION = "tapd_decision", _("Keputusan perencanaan & anggaran (TAPD)")
    # To staff.
    NEW_IN_UNIT = "new_in_unit", _("Laporan baru di unit")
    INFO_PROVIDED = "info_provided", _("Pelapor menambahkan informasi")
    REOPENED = "reopened", _("Laporan dibuka kembali")
    REMINDER = "reminder", _("Pengingat batas waktu")
    ESCALATION = "escalation", _("Eskalasi")
    # Composed by their sender, not from a template here.
    STATUS_CHANGED = "status_changed", _("Perubahan status (webhook)")
    INTAKE_REPLY = "intake_reply", _("Balasan kanal masuk (WhatsApp/e-mail)")
    MONTHLY_REPORT = "monthly_report", _("Laporan bulanan untuk pimpinan")


K = MessageKind

CITIZEN_KINDS = frozenset(
    {
        K.RECEIPT,
        K.INFO_REQUESTED,
        K.FOLLOW_UP,
        K.CLOSED,
        K.ARCHIVED,
        K.REFERRED,
        K.MERGED,
        K.SURVEY_INVITATION,
        K.TAPD_DECISION,
    }
)
STAFF_KINDS = frozenset({K.NEW_IN_UNIT, K.INFO_PROVIDED, K.REOPENED, K.REMINDER, K.ESCALATION})
#: Kinds whose subject and body the sender composes (``messages.TEMPLATES`` has none): the
#: JSON of outbound webhooks and the intake channels' replies in a conversation.
COMPOSED_KINDS = frozenset({K.STATUS_CHANGED, K.INTAKE_REPLY, K.MONTHLY_REPORT})
