"""Choices of the practice app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mood(models.TextChoices):
    CALM = "tenang", _("Tenang")
    ANGRY = "marah", _("Marah")
    CONFUSED = "bingung", _("Bingung")
    ELDERLY = "lansia", _("Lansia")
    WHATSAPP = "whatsapp", _("WhatsApp singkat")
