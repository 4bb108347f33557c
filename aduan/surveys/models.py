"""The citizen's rating of a finished complaint and the IKM questionnaire's responses."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aduan.surveys.choices import AgeBand, Education, Occupation, Sex

COMMENT_MAX = 2000


class Rating(models.Model):
    """The reporter's rating of a complaint closed as selesai: one per complaint, written
    only by ``surveys.services.rating_submit``."""

    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="rating"
    )
    score = models.PositiveSmallIntegerField(
        _("nilai"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    resolved = models.BooleanField(_("masalah selesai?"))
    comment = models.TextField(_("komentar"), max_length=COMMENT_MAX, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("penilaian laporan")
        verbose_name_plural = _("penilaian laporan")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="rating_score_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.score}"


def _element(label: Any) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


class IkmResponse(models.Model):
    """One respondent's answers to the IKM questionnaire (PermenPANRB 14/2017) about a unit."""

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.CASCADE, related_name="ikm_responses"
    )
    u1 = _element(_("U1 Persyaratan"))
    u2 = _element(_("U2 Sistem, mekanisme, dan prosedur"))
    u3 = _element(_("U3 Waktu penyelesaian"))
    u4 = _element(_("U4 Biaya/tarif"))
    u5 = _element(_("U5 Produk spesifikasi jenis pelayanan"))
    u6 = _element(_("U6 Kompetensi pelaksana"))
    u7 = _element(_("U7 Perilaku pelaksana"))
    u8 = _element(_("U8 Penanganan pengaduan, saran dan masukan"))
    u9 = _element(_("U9 Sarana dan prasarana"))
    age_band = models.CharField(_("umur"), max_length=8, choices=AgeBand.choices, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(
        _("pendidikan"), max_length=10, choices=Education.choices, blank=True
    )
    occupation = models.CharField(
        _("pekerjaan"), max_length=12, choices=Occupation.choices, blank=True
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("jawaban survei IKM")
        verbose_name_plural = _("jawaban survei IKM")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "created_at"], name="ikm_unit_time")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    **{f"u{i}__gte": 1 for i in range(1, 10)},
                    **{f"u{i}__lte": 4 for i in range(1, 10)},
                ),
                name="ikm_answers_1_4",
            ),
        ]

    def __str__(self) -> str:
        return f"IKM {self.unit_id} {self.created_at:%Y-%m-%d}"

    def answers(self) -> dict[str, int]:
        return {f"u{i}": getattr(self, f"u{i}") for i in range(1, 10)}


class IkmFollowUpPlan(models.Model):
    """A unit's follow-up plan (rencana tindak lanjut) for the weakest IKM elements of one
    period, printed on its IKM report."""

    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.CASCADE, related_name="ikm_follow_up_plans"
    )
    date_from = models.DateField(_("dari"))
    date_to = models.DateField(_("sampai"))
    text = models.TextField(_("rencana tindak lanjut"), max_length=5000)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("rencana tindak lanjut IKM")
        verbose_name_plural = _("rencana tindak lanjut IKM")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "date_from", "date_to"], name="ikm_plan_unique_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.date_from}–{self.date_to}"
