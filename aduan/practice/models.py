"""Practice mode: realistic complaints an officer answers for training, never for a citizen.

Nothing here touches a complaint, its timeline or the outbox; practice replies live only in
``Attempt`` rows and never enter the real statistics.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aduan.practice.choices import Mood


class Scenario(models.Model):
    """One practice complaint with a model answer; shipped as data (``aduan load-practice``)."""

    code = models.SlugField(_("kode"), max_length=80, unique=True)
    title = models.CharField(_("judul"), max_length=200)
    category = models.CharField(_("kategori"), max_length=60)
    mood = models.CharField(_("suasana pelapor"), max_length=20, choices=Mood.choices)
    complaint = models.TextField(_("isi keluhan"))
    model_answer = models.TextField(_("contoh jawaban"))
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("skenario latihan")
        verbose_name_plural = _("skenario latihan")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.title


class ScenarioSet(models.Model):
    """A named group of scenarios a trainer assigns at once (e.g. "Warga yang marah")."""

    code = models.SlugField(_("kode"), max_length=80, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    description = models.CharField(_("keterangan"), max_length=400, blank=True)
    scenarios = models.ManyToManyField(Scenario, related_name="sets")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("paket latihan")
        verbose_name_plural = _("paket latihan")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    """A set of scenarios a trainer (unit head, supervisor or administrator) gave an officer."""

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_assignments"
    )
    scenario_set = models.ForeignKey(
        ScenarioSet, on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField(_("tenggat"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tugas latihan")
        verbose_name_plural = _("tugas latihan")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "scenario_set"], name="practice_assignment_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scenario_set} → {self.officer}"


class Attempt(models.Model):
    """One practice reply an officer sent to the checker, with its verdict."""

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_attempts"
    )
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="attempts")
    reply = models.TextField(_("jawaban"))
    score = models.PositiveSmallIntegerField(_("skor"))
    acceptable = models.BooleanField(_("layak dikirim"))
    flaws = models.JSONField(_("kekurangan"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("percobaan latihan")
        verbose_name_plural = _("percobaan latihan")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "scenario"], name="practice_attempt_user")]

    def __str__(self) -> str:
        return f"{self.user} · {self.scenario.code} · {self.score}"
