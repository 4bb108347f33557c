"""Staff accounts. Each belongs to one jurisdiction and sees nothing of the others."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from aduan.accounts.choices import Role


class User(AbstractUser):
    """One staff member (officer, verifier, supervisor, TAPD member or administrator).

    A superuser without a jurisdiction administers the installation; everyone else works
    inside ``jurisdiction``. Officers reach complaints through their unit memberships.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("yurisdiksi"),
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, default=Role.OFFICER)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_verifier(self) -> bool:
        return self.role in (Role.VERIFIER, Role.ADMIN)

    @property
    def reads_everything(self) -> bool:
        """Verifiers, supervisors, TAPD and administrators read every complaint of their
        jurisdiction; officers only their units'."""
        return self.role in (Role.VERIFIER, Role.SUPERVISOR, Role.TAPD, Role.ADMIN)


class IdentitySurface(models.TextChoices):
    PAGE = "halaman", _("Halaman laporan")
    API = "api", _("API")
    EXPORT = "ekspor", _("Ekspor")


class IdentityView(models.Model):
    """One staff member seeing one reporter's identity on one surface on one day (WIB).

    Written by ``aduan.accounts.audit.record_identity_view`` wherever a page, API response
    or export shows the reporter's name, phone or e-mail; repeated views that day only raise
    ``count`` and ``last_seen``, so the log stays readable."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="identity_views", verbose_name=_("pengguna")
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        on_delete=models.CASCADE,
        related_name="identity_views",
        verbose_name=_("laporan"),
    )
    surface = models.CharField(_("tempat"), max_length=20, choices=IdentitySurface.choices)
    day = models.DateField(_("tanggal"))
    first_seen = models.DateTimeField(_("pertama dilihat"))
    last_seen = models.DateTimeField(_("terakhir dilihat"))
    count = models.PositiveIntegerField(_("jumlah"), default=1)

    class Meta:
        verbose_name = _("akses identitas pelapor")
        verbose_name_plural = _("akses identitas pelapor")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "complaint", "surface", "day"], name="identity_view_once_a_day"
            )
        ]
        indexes = [models.Index(fields=["complaint", "-last_seen"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.complaint_id} · {self.surface} · {self.day}"
