"""Where an imported complaint came from: the old system's name and its own id for it."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """One complaint brought in by ``aduan import``: the source system (``lapor``,
    ``whatsapp``, ``csv`` or a mapping file's ``source``) and the id the row had there.

    Unique per jurisdiction, source and id, so that running an import again adds nothing
    that is already here.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    source_system = models.CharField(_("sistem asal"), max_length=40)
    source_id = models.CharField(_("ID di sistem asal"), max_length=120)
    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="imported_from"
    )
    row_number = models.PositiveIntegerField(_("baris berkas"), default=0)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("laporan impor")
        verbose_name_plural = _("laporan impor")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "source_system", "source_id"],
                name="imported_record_unique_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_system}:{self.source_id}"
