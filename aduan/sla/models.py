"""Administrator overrides of the working-day calendar."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aduan.sla.choices import CalendarDayKind


class CalendarDay(models.Model):
    """One administrator override for one date in one jurisdiction (``NULL``: every
    jurisdiction of the installation).

    ``non_working`` adds a national day or cuti bersama the ``holidays`` package does not
    list yet (the decree changes at short notice); ``local`` adds a local non-working day
    (e.g. the city's anniversary); ``working`` makes a day the package or the weekend lists a
    working day after all. A jurisdiction's row beats an installation-wide row for the same
    date. Written by ``aduan.sla.services``; read by ``aduan.sla.calendar.calendar_for``.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_days",
        verbose_name=_("yurisdiksi"),
        help_text=_("Kosong: berlaku untuk seluruh instalasi."),
    )
    date = models.DateField(_("tanggal"))
    kind = models.CharField(_("jenis"), max_length=20, choices=CalendarDayKind.choices)
    name = models.CharField(_("nama"), max_length=200, blank=True)
    note = models.CharField(
        _("catatan"),
        max_length=300,
        blank=True,
        help_text=_("Mis. nomor SKB atau surat edaran yang menjadi dasar."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    #: Part of the calendar cache version (see ``aduan.sla.calendar``).
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("hari kalender kerja")
        verbose_name_plural = _("kalender kerja")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "date"], name="calendarday_unique_per_jurisdiction"
            ),
            # NULLs are distinct in a unique index: installation-wide rows need their own.
            models.UniqueConstraint(
                fields=["date"],
                condition=Q(jurisdiction__isnull=True),
                name="calendarday_unique_installation",
                violation_error_message=_(
                    "Sudah ada pengaturan seluruh instalasi untuk tanggal ini."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}: {self.name}"
