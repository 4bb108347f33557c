"""API tokens in the admin: see and revoke them (issue them with `aduan api_token issue`,
which shows the key once)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from aduan.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "key_prefix",
        "jurisdiction",
        "user",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    ]
    list_filter = ["jurisdiction"]
    search_fields = ["name", "key_prefix", "user__username"]
    readonly_fields = [
        "jurisdiction",
        "user",
        "key_prefix",
        "created_at",
        "created_by",
        "last_used_at",
        "revoked_at",
    ]
    fields = [
        "name",
        "scopes",
        "units",
        "expires_at",
        *readonly_fields,
    ]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a key must be shown once: `aduan api_token issue`

    def get_queryset(self, request: HttpRequest) -> QuerySet[ApiToken]:
        qs = super().get_queryset(request).select_related("jurisdiction", "user")
        user = request.user
        if getattr(user, "is_superuser", False) and not getattr(user, "jurisdiction_id", None):
            return qs
        return qs.filter(jurisdiction_id=getattr(user, "jurisdiction_id", None) or -1)

    @admin.action(description=_("Cabut token terpilih"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            token.revoke()
