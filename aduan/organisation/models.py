"""Who handles complaints, where, and about what: jurisdictions, units, areas, categories."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aduan.lib.text import normalise_name
from aduan.organisation.choices import (
    AreaKind,
    JurisdictionKind,
    MembershipRole,
    RoutingTarget,
    UnitKind,
)


class Jurisdiction(models.Model):
    """One government that runs its own complaint service: a kota/kabupaten, province or ministry.

    Every unit, area, category, staff account and complaint belongs to exactly one. Open311's
    ``jurisdiction_id`` is ``slug``.
    """

    slug = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=JurisdictionKind.choices)
    tracking_prefix = models.CharField(
        _("awalan kode lacak"),
        max_length=8,
        default="ADU",
        help_text=_("Contoh: ADU menghasilkan ADU-2026-000123."),
    )
    service_name = models.CharField(_("nama layanan"), max_length=120, blank=True)
    contact_whatsapp = models.CharField(_("WhatsApp layanan"), max_length=40, blank=True)
    operator_unit = models.ForeignKey(
        "Unit",
        verbose_name=_("unit pengelola"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Unit yang memverifikasi dan mendisposisikan (mis. Dinkominfo)."),
    )
    settings = models.JSONField(_("pengaturan"), default=dict, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("yurisdiksi")
        verbose_name_plural = _("yurisdiksi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A kecamatan or kelurahan of a jurisdiction; kelurahan have their kecamatan as parent."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="areas")
    code = models.SlugField(_("kode"), max_length=60)
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=20, choices=AreaKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    unconfirmed = models.BooleanField(
        _("belum terkonfirmasi"),
        default=False,
        help_text=_("Data dari sumber yang belum dipastikan; periksa dan perbaiki."),
    )
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="area_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"


class AreaAlias(models.Model):
    """Another name citizens use for an area, e.g. a pre-2015 kelurahan merged into ``area``."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("nama"), max_length=120)
    normalised = models.CharField(max_length=120, editable=False, db_index=True)
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    unconfirmed = models.BooleanField(_("belum terkonfirmasi"), default=False)

    class Meta:
        verbose_name = _("nama lain wilayah")
        verbose_name_plural = _("nama lain wilayah")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "normalised"], name="alias_unique_per_area"),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.area.name}"

    def save(self, *args, **kwargs):
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)


class Unit(models.Model):
    """A body that receives complaints: OPD, kecamatan/kelurahan office, puskesmas, BUMD, ...

    External bodies (``kind=external``) are referral targets only.
    """

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="units")
    code = models.SlugField(_("kode"), max_length=60)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("singkatan"), max_length=60)
    kind = models.CharField(_("jenis"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("Mis. puskesmas di bawah Dinkes, kelurahan di bawah kecamatan."),
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offices",
        help_text=_("Wilayah yang dilayani kantor kecamatan/kelurahan."),
    )
    covered_areas = models.ManyToManyField(
        Area,
        blank=True,
        related_name="covering_units",
        help_text=_("Kelurahan yang dilayani (mis. wilayah kerja puskesmas)."),
    )
    coverage_unconfirmed = models.BooleanField(_("cakupan belum terkonfirmasi"), default=False)
    keywords = models.CharField(
        _("kata kunci"),
        max_length=300,
        blank=True,
        help_text=_("Nama lain yang dipakai warga, dipisah koma (mis. 'pkm tirto')."),
    )
    unconfirmed = models.BooleanField(_("belum terkonfirmasi"), default=False)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("unit")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="unit_unique_code"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Category(models.Model):
    """A complaint category; ``code`` is a public contract (API, Open311 service_code)."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.CASCADE, related_name="categories"
    )
    code = models.SlugField(_("kode"), max_length=60)
    name = models.CharField(_("nama"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120, blank=True)
    description = models.CharField(_("contoh isi"), max_length=400, blank=True)
    default_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="default_for"
    )
    sla_days = models.PositiveSmallIntegerField(_("SLA (hari kerja)"), default=5)
    typically_needs_planning = models.BooleanField(
        _("biasanya perlu perencanaan & anggaran (TAPD)"), default=False
    )
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="category_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """Category (+ optional area) → the unit that handles it; the most specific rule wins.

    Rules are tried by ``priority`` (lower first); a rule whose target cannot be found (no
    kelurahan office for the area, no puskesmas named) falls through to the next, and in the
    end to the category's default unit.
    """

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="rules")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="rules")
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rules",
        help_text=_("Kosong: berlaku untuk semua wilayah."),
    )
    target = models.CharField(_("tujuan"), max_length=30, choices=RoutingTarget.choices)
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rules",
        help_text=_("Wajib bila tujuan = unit tertentu."),
    )
    priority = models.PositiveSmallIntegerField(_("prioritas"), default=100)
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("aturan rute")
        verbose_name_plural = _("aturan rute")
        ordering = ["priority", "id"]

    def __str__(self) -> str:
        where = self.area.name if self.area_id and self.area else "*"
        return f"{self.category.code} @ {where} → {self.get_target_display()}"


class Membership(models.Model):
    """A staff user's place in a unit: an officer working its inbox, or its head."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("peran"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.OFFICER
    )

    class Meta:
        verbose_name = _("keanggotaan unit")
        verbose_name_plural = _("keanggotaan unit")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.unit}"


class ServiceStandard(models.Model):
    """A unit's own resolution time for one category, overriding the category's SLA."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="service_standards")
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="service_standards"
    )
    resolution_days = models.PositiveSmallIntegerField(_("penyelesaian (hari kerja)"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("standar layanan unit")
        verbose_name_plural = _("standar layanan unit")
        constraints = [
            models.UniqueConstraint(fields=["unit", "category"], name="standard_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.category}: {self.resolution_days} HK"
