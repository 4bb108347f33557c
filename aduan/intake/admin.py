"""Admin of the intake channels: read-only views of inbound messages (with the files kept
for open complaints) and of WhatsApp conversations, scoped to the jurisdiction."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from aduan.intake.models import Conversation, InboundFile, InboundMessage
from aduan.organisation.admin import JurisdictionScopedAdmin


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class InboundFileInline(ReadOnlyMixin, admin.TabularInline):
    model = InboundFile
    fields = ("original_name", "content_type", "size", "file")
    readonly_fields = ("original_name", "content_type", "size", "file")
    extra = 0
    can_delete = False


@admin.register(InboundMessage)
class InboundMessageAdmin(ReadOnlyMixin, JurisdictionScopedAdmin):
    list_display = [
        "received_at",
        "channel",
        "message_type",
        "sender",
        "sender_name",
        "outcome",
        "complaint",
    ]
    list_filter = ["channel", "outcome", "message_type"]
    search_fields = ["sender", "sender_name", "subject", "external_id", "complaint__tracking_code"]
    list_select_related = ["complaint"]
    date_hierarchy = "received_at"
    inlines = [InboundFileInline]
    readonly_fields = [f.name for f in InboundMessage._meta.fields]


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyMixin, JurisdictionScopedAdmin):
    list_display = ["number", "profile_name", "state", "complaint", "updated_at"]
    list_filter = ["state"]
    search_fields = ["number", "profile_name", "complaint__tracking_code"]
    list_select_related = ["complaint"]
    readonly_fields = [f.name for f in Conversation._meta.fields]
