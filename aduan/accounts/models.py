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
