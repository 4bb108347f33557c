from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from aduan.accounts.models import User
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
