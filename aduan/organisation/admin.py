"""Admin of jurisdictions, areas, units, categories, routing rules and unit memberships.

Everything the defaults loader writes is editable here; ``unconfirmed`` filters show what
still needs checking.
"""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from aduan.organisation.models import (
    Area,
    AreaAlias,
    Category,
    Jurisdiction,
    Membership,
    RoutingRule,
    ServiceStandard,
    Unit,
)


class JurisdictionScopedAdmin(admin.ModelAdmin):
    """Admin for rows that belong to a jurisdiction: a superuser without a jurisdiction
    manages every one; any other administrator sees and edits only their own, and every
    choice list (units, areas, categories) offers only their own rows."""

    #: The lookup from this model to its jurisdiction.
    jurisdiction_path = "jurisdiction"

    @staticmethod
    def scope(request: HttpRequest) -> int | None:
        user = request.user
        if getattr(user, "is_superuser", False) and not getattr(user, "jurisdiction_id", None):
            return None
        return getattr(user, "jurisdiction_id", None) or -1

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super().get_queryset(request)
        scope = self.scope(request)
        return qs if scope is None else qs.filter(**{self.jurisdiction_path: scope})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._limit(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._limit(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _limit(self, db_field, request, kwargs) -> None:
        scope = self.scope(request)
        if scope is None:
            return
        model = db_field.related_model
        if model is Jurisdiction:
            kwargs["queryset"] = Jurisdiction.objects.filter(pk=scope)
        elif model is AreaAlias:
            kwargs["queryset"] = AreaAlias.objects.filter(area__jurisdiction_id=scope)
        elif model in (Area, Unit, Category):
            kwargs["queryset"] = model.objects.filter(jurisdiction_id=scope)


@admin.register(Jurisdiction)
class JurisdictionAdmin(JurisdictionScopedAdmin):
    jurisdiction_path = "pk"
    list_display = ["name", "slug", "kind", "service_name", "tracking_prefix", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "slug", "service_name"]
    autocomplete_fields = ["operator_unit"]
    fieldsets = (
        (None, {"fields": ("slug", "name", "kind", "is_active")}),
        (
            _("Layanan pengaduan"),
            {
                "fields": ("service_name", "contact_whatsapp", "tracking_prefix", "operator_unit"),
            },
        ),
        (_("Pengaturan lanjutan"), {"fields": ("settings",), "classes": ("collapse",)}),
    )


class AreaAliasInline(admin.TabularInline):
    model = AreaAlias
    extra = 1
    fields = ["name", "unconfirmed", "note"]


@admin.register(Area)
class AreaAdmin(JurisdictionScopedAdmin):
    list_display = ["name", "kind", "parent", "code", "alias_count", "unconfirmed", "jurisdiction"]
    list_filter = ["jurisdiction", "kind", "unconfirmed", "parent"]
    search_fields = ["name", "code", "aliases__name"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent", "jurisdiction"]
    inlines = [AreaAliasInline]
    fields = [
        "jurisdiction",
        "code",
        "name",
        "kind",
        "parent",
        "latitude",
        "longitude",
        "unconfirmed",
        "note",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Area]:
        return super().get_queryset(request).annotate(_alias_count=Count("aliases"))

    @admin.display(description=_("nama lain"), ordering="_alias_count")
    def alias_count(self, obj: Area) -> int:
        return getattr(obj, "_alias_count", 0)


@admin.register(AreaAlias)
class AreaAliasAdmin(JurisdictionScopedAdmin):
    jurisdiction_path = "area__jurisdiction"
    list_display = ["name", "area", "unconfirmed", "note"]
    list_filter = ["area__jurisdiction", "unconfirmed", "area__parent"]
    search_fields = ["name", "normalised", "area__name"]
    autocomplete_fields = ["area"]
    list_select_related = ["area"]
    fields = ["area", "name", "unconfirmed", "note"]


@admin.register(Unit)
class UnitAdmin(JurisdictionScopedAdmin):
    list_display = [
        "name",
        "short_name",
        "code",
        "kind",
        "parent",
        "area",
        "unconfirmed",
        "coverage_unconfirmed",
        "is_active",
    ]
    list_filter = [
        "jurisdiction",
        "kind",
        "unconfirmed",
        "coverage_unconfirmed",
        "is_active",
    ]
    search_fields = ["name", "short_name", "code", "keywords"]
    autocomplete_fields = ["parent", "area", "covered_areas"]
    list_select_related = ["parent", "area"]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "jurisdiction",
                    "code",
                    "name",
                    "short_name",
                    "kind",
                    "parent",
                    "is_active",
                    "unconfirmed",
                )
            },
        ),
        (_("Wilayah"), {"fields": ("area", "covered_areas", "coverage_unconfirmed")}),
        (_("Pengenalan dalam teks aduan"), {"fields": ("keywords",)}),
    )


@admin.register(Category)
class CategoryAdmin(JurisdictionScopedAdmin):
    list_display = [
        "name",
        "code",
        "default_unit",
        "sla_days",
        "typically_needs_planning",
        "position",
        "is_active",
    ]
    list_filter = ["jurisdiction", "typically_needs_planning", "is_active"]
    list_editable = ["sla_days", "position"]
    search_fields = ["name", "code", "name_en", "description"]
    autocomplete_fields = ["default_unit"]
    list_select_related = ["default_unit"]

    def get_readonly_fields(self, request, obj=None):
        """Codes are a public contract (API, Open311 service_code): fixed once created."""
        return ("code", "jurisdiction") if obj is not None else ()


@admin.register(RoutingRule)
class RoutingRuleAdmin(JurisdictionScopedAdmin):
    list_display = ["category", "area", "target", "unit", "priority", "note"]
    list_filter = ["jurisdiction", "target", "category"]
    search_fields = ["category__name", "category__code", "area__name", "unit__name", "note"]
    autocomplete_fields = ["category", "area", "unit"]
    list_select_related = ["category", "area", "unit"]
    ordering = ["category__position", "priority", "id"]


@admin.register(Membership)
class MembershipAdmin(JurisdictionScopedAdmin):
    jurisdiction_path = "unit__jurisdiction"
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit__jurisdiction", "unit__kind"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "unit__name",
        "unit__short_name",
    ]
    autocomplete_fields = ["user", "unit"]
    list_select_related = ["user", "unit"]


@admin.register(ServiceStandard)
class ServiceStandardAdmin(JurisdictionScopedAdmin):
    jurisdiction_path = "unit__jurisdiction"
    list_display = ["unit", "category", "resolution_days", "note"]
    list_filter = ["unit__jurisdiction", "category"]
    search_fields = ["unit__name", "category__name", "category__code"]
    autocomplete_fields = ["unit", "category"]
    list_select_related = ["unit", "category"]
