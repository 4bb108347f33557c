"""Choices of the replies app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Situation(models.TextChoices):
    """The moment of the complaint's life a response template is written for."""

    RECEIPT = "receipt", _("Tanda terima")
    INFO_REQUEST = "info_request", _("Meminta informasi")
    FOLLOW_UP = "follow_up", _("Tindak lanjut (tindakan dan tanggal)")
    REFERRAL = "referral", _("Rujukan ke instansi lain")
    TAPD = "tapd", _("Keputusan perencanaan (TAPD)")
    CLOSING = "closing", _("Penutupan")
