from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from aduan.accounts.models import IdentityView, User
from aduan.organisation.admin import JurisdictionScopedAdmin
from aduan.organisation.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(JurisdictionScopedAdmin, BaseUserAdmin):
    list_display = ["username", "get_full_name", "role", "jurisdiction", "is_active"]
    list_filter = ["role", "jurisdiction", "is_active"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Aduan", {"fields": ("jurisdiction", "role", "phone")}),
    )
    inlines = [MembershipInline]


@admin.register(IdentityView)
class IdentityViewAdmin(admin.ModelAdmin):
    """Read-only: the audit is written by the application, never by hand."""

    list_display = ["last_seen", "user", "complaint", "surface", "count"]
    list_filter = ["surface", "day"]
    search_fields = ["complaint__tracking_code", "user__username"]
    date_hierarchy = "day"
    raw_id_fields = ["user", "complaint"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
