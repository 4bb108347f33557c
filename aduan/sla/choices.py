"""Kinds of administrator calendar entries and the sources shown for non-working days."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aduan.lib.workdays import Source


class CalendarDayKind(models.TextChoices):
    NON_WORKING = "non_working", _("Libur nasional/cuti bersama tambahan")
    LOCAL = "local", _("Libur lokal")
    WORKING = "working", _("Tetap hari kerja (dihapus dari daftar libur)")


class DaySource(models.TextChoices):
    """Labels for ``aduan.lib.workdays.Source`` (same values)."""

    WEEKEND = Source.WEEKEND.value, _("Akhir pekan")
    LIBUR_NASIONAL = Source.LIBUR_NASIONAL.value, _("Libur nasional")
    CUTI_BERSAMA = Source.CUTI_BERSAMA.value, _("Cuti bersama")
    ADMIN = Source.ADMIN.value, _("Ditambahkan admin")
    LOKAL = Source.LOKAL.value, _("Libur lokal")


#: The calendar source an administrator's non-working entry appears under.
KIND_SOURCE = {
    CalendarDayKind.NON_WORKING: Source.ADMIN,
    CalendarDayKind.LOCAL: Source.LOKAL,
}
