"""Choices of the intake channels: what became of an inbound message, where a WhatsApp
conversation stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageType(models.TextChoices):
    TEXT = "text", _("Teks")
    IMAGE = "image", _("Foto")
    DOCUMENT = "document", _("Dokumen")
    LOCATION = "location", _("Lokasi")
    EMAIL = "email", _("E-mail")
    OTHER = "other", _("Lainnya (tidak didukung)")


class InboundOutcome(models.TextChoices):
    """What an inbound message became. ``draft`` and ``kept`` rows may still hold files."""

    SUBMITTED = "submitted", _("Menjadi laporan baru")
    DRAFT = "draft", _("Bagian laporan yang sedang disusun")
    INFO_ADDED = "info_added", _("Menjawab permintaan informasi")
    KEPT = "kept", _("Disimpan untuk laporan yang sedang ditangani")
    REJECTED = "rejected", _("Tidak dapat diterima")
    IGNORED = "ignored", _("Diabaikan")


class ConversationState(models.TextChoices):
    """Where the report a citizen is putting together on WhatsApp stands."""

    IDLE = "", _("Tidak ada laporan yang sedang disusun")
    DESCRIBING = "menunggu_uraian", _("Menunggu uraian masalah")
    AWAITING_AREA = "menunggu_kelurahan", _("Menunggu nama kelurahan")
