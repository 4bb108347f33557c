"""Choices of the organisation app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JurisdictionKind(models.TextChoices):
    KOTA = "kota", _("Pemerintah kota")
    KABUPATEN = "kabupaten", _("Pemerintah kabupaten")
    PROVINSI = "provinsi", _("Pemerintah provinsi")
    KEMENTERIAN = "kementerian", _("Kementerian/lembaga")


class UnitKind(models.TextChoices):
    OPD = "opd", _("Perangkat daerah (dinas/badan)")
    KECAMATAN = "kecamatan", _("Kantor kecamatan")
    KELURAHAN = "kelurahan", _("Kantor kelurahan")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    RSUD = "rsud", _("RSUD")
    BUMD = "bumd", _("BUMD")
    EXTERNAL = "external", _("Instansi luar (rujukan)")


class AreaKind(models.TextChoices):
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")


class RoutingTarget(models.TextChoices):
    """How a routing rule picks the unit."""

    UNIT = "unit", _("Unit tertentu")
    KELURAHAN_OFFICE = "kelurahan_office", _("Kantor kelurahan lokasi")
    KECAMATAN_OFFICE = "kecamatan_office", _("Kantor kecamatan lokasi")
    PUSKESMAS_NAMED = "puskesmas_named", _("Puskesmas yang disebut dan melayani lokasi")


class MembershipRole(models.TextChoices):
    OFFICER = "officer", _("Petugas pengaduan")
    HEAD = "head", _("Kepala unit")
