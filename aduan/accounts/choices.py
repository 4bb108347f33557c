"""Staff roles. Citizens need no account: they file anonymously or with contact details."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Petugas unit")
    VERIFIER = "verifier", _("Verifikator (Dinkominfo)")
    SUPERVISOR = "supervisor", _("Pengawas/pimpinan")
    TAPD = "tapd", _("Anggota TAPD")
    ADMIN = "admin", _("Administrator sistem")
